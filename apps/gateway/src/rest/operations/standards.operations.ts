/** Operations behind the standards service's regulator endpoints. */
export const STANDARDS_OPERATIONS = {
  PublishedStandards: /* GraphQL */ `
    query PublishedStandards($code: String!, $first: Int!, $after: String) {
      publishedStandards(associationCode: $code, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { id code title englishTitle state inForce publishedOn implementedOn jointPublishers platformReference }
      }
    }`,
  StandardProjects: /* GraphQL */ `
    query StandardProjects($associationId: ID!, $first: Int!, $after: String) {
      standards(associationId: $associationId, inProgress: true, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { id title state isoStageCode actionOwner stateEnteredAt createdAt project { projectNumber leadUnitName deadline approvedOn } }
      }
    }`,
} as const;

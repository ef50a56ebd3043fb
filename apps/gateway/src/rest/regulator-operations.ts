/**
 * The GraphQL operations behind /api/v1. REST is a projection of these: changing what an endpoint
 * returns means changing its operation here (and the API version when it breaks clients).
 */
export const REGULATOR_OPERATIONS = {
  ExchangeApiKey: /* GraphQL */ `
    mutation ExchangeApiKey($key: String!) {
      exchangeApiKey(key: $key) { accessToken expiresAt }
    }`,
  ListAssociations: /* GraphQL */ `
    query ListAssociations($first: Int!, $after: String) {
      associations(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { id name shortCode executingBody supervisingAuthority createdAt }
      }
    }`,
} as const;

export type RegulatorOperationName = keyof typeof REGULATOR_OPERATIONS;

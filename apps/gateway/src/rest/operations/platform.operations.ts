/** Operations behind the platform's own endpoints (API-key exchange, associations). */
export const PLATFORM_OPERATIONS = {
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
  ListAssociationCodes: /* GraphQL */ `
    query ListAssociationCodes($first: Int!, $after: String) {
      associations(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { id shortCode }
      }
    }`,
} as const;

/** Operations behind the membership service's regulator endpoints. */
export const MEMBERSHIP_OPERATIONS = {
  ListMembers: /* GraphQL */ `
    query ListMembers($code: String!, $first: Int!, $after: String) {
      memberRegister(associationCode: $code, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { membershipId organizationId memberNumber name creditCode grade status registeredCity fieldsOfWork admittedOn validUntil }
      }
    }`,
  ListMembershipChanges: /* GraphQL */ `
    query ListMembershipChanges($code: String!, $from: String, $to: String, $first: Int!, $after: String) {
      membershipChanges(associationCode: $code, from: $from, to: $to, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { id kind effectiveOn membershipId memberNumber name creditCode grade reason }
      }
    }`,
} as const;

/** Operations behind the events service's regulator endpoints. */
export const EVENTS_OPERATIONS = {
  AssociationEvents: /* GraphQL */ `
    query AssociationEvents($associationId: ID!, $from: String!, $to: String!) {
      associationEvents(associationId: $associationId, from: $from, to: $to) {
        id category title venue startsAt endsAt audience status capacity
        organizers { name role organizationId }
        confirmedCount attendedCount
      }
    }`,
} as const;

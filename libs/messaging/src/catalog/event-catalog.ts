import type { ServiceName } from '@app/config';

/** Membership states as other services see them (owned by membership). */
export type MembershipStatusName = 'NONE' | 'PENDING' | 'ACTIVE' | 'GRACE' | 'LAPSED' | 'SUSPENDED' | 'WITHDRAWN' | 'EXPELLED';

/**
 * Payload of each domain event, by its explicit name. Payloads carry ids and the few fields consumers
 * need, never personal contact data. `revision` grows with every change of the aggregate so a
 * consumer can ignore a stale event that arrives after a newer one.
 */
export interface DomainEventPayloads {
  'membership.organization.updated': {
    organizationId: string;
    name: string;
    creditCode: string;
    membershipStatus: MembershipStatusName;
    revision: number;
  };
  'membership.membership.status-changed': {
    organizationId: string;
    previousStatus: MembershipStatusName;
    status: MembershipStatusName;
    reason: string;
    revision: number;
  };
}

export type DomainEventType = keyof DomainEventPayloads;

/** The envelope every event travels in, from the outbox row to the consumer's handler. */
export interface DomainEventEnvelope<T extends DomainEventType = DomainEventType> {
  id: string;
  type: T;
  version: number;
  /** The tenant; null only for platform-wide events. */
  associationId: string | null;
  occurredAt: string;
  causationId: string | null;
  correlationId: string | null;
  payload: DomainEventPayloads[T];
}

/** Discriminated union of all envelopes: narrowing on `type` gives the payload type. */
export type DomainEvent = { [K in DomainEventType]: DomainEventEnvelope<K> }[DomainEventType];

export interface DomainEventDefinition {
  version: number;
  producer: ServiceName;
  subscribers: readonly ServiceName[];
  description: string;
}

export const DOMAIN_EVENT_CATALOG: { readonly [K in DomainEventType]: DomainEventDefinition } = {
  'membership.organization.updated': {
    version: 1,
    producer: 'membership',
    subscribers: ['enforcement'],
    description:
      'An organization was registered or changed (name, credit code or membership status). Carries the full public snapshot so a read model can be rebuilt from it alone.',
  },
  'membership.membership.status-changed': {
    version: 1,
    producer: 'membership',
    subscribers: ['enforcement'],
    description: "An organization's membership moved to another status, with the decision's reason.",
  },
};

export const DOMAIN_EVENT_TYPES = Object.keys(DOMAIN_EVENT_CATALOG) as DomainEventType[];

export function isDomainEventType(name: string): name is DomainEventType {
  return Object.prototype.hasOwnProperty.call(DOMAIN_EVENT_CATALOG, name);
}

export function eventsSubscribedBy(service: ServiceName): DomainEventType[] {
  return DOMAIN_EVENT_TYPES.filter((type) => DOMAIN_EVENT_CATALOG[type].subscribers.includes(service));
}

export function eventsProducedBy(service: ServiceName): DomainEventType[] {
  return DOMAIN_EVENT_TYPES.filter((type) => DOMAIN_EVENT_CATALOG[type].producer === service);
}

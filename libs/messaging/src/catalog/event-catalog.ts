import type { ServiceName } from '@app/config';

import { ENFORCEMENT_EVENTS, type EnforcementEventPayloads } from './events/enforcement.events';
import type { DomainEventDefinition } from './events/event-definition';
import { EVENTS_EVENTS, type EventsEventPayloads } from './events/events.events';
import { MEMBERSHIP_EVENTS, type MembershipEventPayloads } from './events/membership.events';
import { STANDARDS_EVENTS, type StandardsEventPayloads } from './events/standards.events';

export type { DomainEventDefinition } from './events/event-definition';
export type { MembershipStatusName, MembershipGradeName, CouncilPostName } from './events/membership.events';
export type { SanctionGradeName } from './events/enforcement.events';

/**
 * Payload of each domain event, by its explicit name; each producer keeps its events in
 * `events/<producer>.events.ts`. Payloads carry ids and the few fields consumers need, never personal
 * contact data. `revision` grows with every change of an aggregate so a consumer can ignore a stale
 * event that arrives after a newer one.
 */
export interface DomainEventPayloads extends MembershipEventPayloads, EnforcementEventPayloads, StandardsEventPayloads, EventsEventPayloads {}

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

export const DOMAIN_EVENT_CATALOG: { readonly [K in DomainEventType]: DomainEventDefinition } = {
  ...MEMBERSHIP_EVENTS,
  ...ENFORCEMENT_EVENTS,
  ...STANDARDS_EVENTS,
  ...EVENTS_EVENTS,
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

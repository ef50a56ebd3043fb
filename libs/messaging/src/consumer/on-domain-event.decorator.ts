import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEventEnvelope, DomainEventType } from '../catalog/event-catalog';

export const DOMAIN_EVENT_HANDLER = 'zilv:domain-event-handler';

/**
 * A handler runs inside the delivery's transaction; `manager` is that transaction. Its writes and
 * the inbox record commit together, so a redelivered event has no second effect.
 */
export type DomainEventHandlerFn<T extends DomainEventType> = (event: DomainEventEnvelope<T>, manager: EntityManager) => Promise<void>;

/** Marks a provider method as the one handler of a subscribed event type in this service. */
export function OnDomainEvent(type: DomainEventType): MethodDecorator {
  return SetMetadata(DOMAIN_EVENT_HANDLER, type);
}

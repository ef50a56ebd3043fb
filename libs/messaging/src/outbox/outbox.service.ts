import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ServiceName } from '@app/config';
import { currentRequestContext } from '@app/common';
import {
  DOMAIN_EVENT_CATALOG,
  type DomainEventEnvelope,
  type DomainEventPayloads,
  type DomainEventType,
} from '../catalog/event-catalog';

export function outboxChannel(service: ServiceName): string {
  return `zilv_outbox_${service}`;
}

export interface RecordEventInput<T extends DomainEventType> {
  type: T;
  associationId: string | null;
  payload: DomainEventPayloads[T];
}

/**
 * Writes domain events into the service's outbox table through the caller's transaction, so the event
 * exists if and only if the state change committed. NOTIFY is transactional too: the relay is woken
 * at commit, and a rollback wakes nobody.
 */
export class OutboxService {
  constructor(private readonly service: ServiceName) {}

  async record<T extends DomainEventType>(manager: EntityManager, input: RecordEventInput<T>): Promise<DomainEventEnvelope<T>> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`Outbox write of ${input.type} outside a transaction: the event could outlive a rolled-back change`);
    }
    const definition = DOMAIN_EVENT_CATALOG[input.type];
    if (definition.producer !== this.service) {
      throw new Error(`${this.service} may not publish ${input.type}: the catalog names ${definition.producer} as its producer`);
    }
    const context = currentRequestContext();
    const envelope: DomainEventEnvelope<T> = {
      id: randomUUID(),
      type: input.type,
      version: definition.version,
      associationId: input.associationId,
      occurredAt: new Date().toISOString(),
      causationId: context?.causationId ?? null,
      correlationId: context?.requestId ?? null,
      payload: input.payload,
    };
    await manager.query(
      `INSERT INTO "${this.service}".outbox_event (id, type, version, association_id, payload, occurred_at, causation_id, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        envelope.id,
        envelope.type,
        envelope.version,
        envelope.associationId,
        JSON.stringify(envelope.payload),
        envelope.occurredAt,
        envelope.causationId,
        envelope.correlationId,
      ],
    );
    await manager.query('SELECT pg_notify($1, $2)', [outboxChannel(this.service), envelope.id]);
    return envelope;
  }
}

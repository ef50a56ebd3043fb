import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { ServiceName } from '@app/config';
import { QUEUE_PREFIX, eventDeliveryPolicy, eventQueueName, type DomainEventEnvelope, type DomainEventPayloads, type DomainEventType } from '@app/messaging';
import { completedJobResult } from './queues';
import { testRedisUrl } from './test-database';

/** A domain event envelope as another service's outbox would publish it, with a fresh id. */
export function aDomainEvent<T extends DomainEventType>(type: T, associationId: string, payload: DomainEventPayloads[T], occurredAt: Date | string = new Date()): DomainEventEnvelope<T> {
  return {
    id: randomUUID(),
    type,
    version: 1,
    associationId,
    occurredAt: typeof occurredAt === 'string' ? occurredAt : occurredAt.toISOString(),
    causationId: null,
    correlationId: 'test',
    payload,
  } as DomainEventEnvelope<T>;
}

/**
 * Puts domain events on one service's event queue the way the outbox relay does (job name = the
 * event type, job id = the event id), so a test drives that service's consumers with real Redis
 * and BullMQ. Retries back off briefly, to keep a failing handler's retries inside a test's time.
 */
export class TestEventDelivery {
  readonly queue: Queue;

  constructor(service: ServiceName, redisUrl = testRedisUrl()) {
    this.queue = new Queue(eventQueueName(service), { connection: { url: redisUrl }, prefix: QUEUE_PREFIX });
  }

  /** Adds the event without waiting for it: for deliveries out of order or all at once. */
  async enqueue(event: DomainEventEnvelope, jobId: string = event.id): Promise<void> {
    await this.queue.add(event.type, event, { ...eventDeliveryPolicy(3, 100), jobId });
  }

  /** Waits until the consumer has finished the job and returns what the handler returned (APPLIED, DUPLICATE, …). */
  result(jobId: string): Promise<unknown> {
    return completedJobResult(this.queue, jobId);
  }

  /** Delivers the event and returns the handler's result. A job id of its own makes it a redelivery. */
  async deliver(event: DomainEventEnvelope, jobId: string = event.id): Promise<unknown> {
    await this.enqueue(event, jobId);
    return this.result(jobId);
  }

  /** Removes a finished job, so the same event id can arrive again as a fresh job (a redelivery). */
  async forget(jobId: string): Promise<void> {
    await (await this.queue.getJob(jobId))?.remove();
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}

import { Logger } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import type { ServiceName } from '@app/config';
import { runInRequestContext } from '@app/common';
import type { DomainEventEnvelope, DomainEventType } from '../catalog/event-catalog';
import { QUEUE_PREFIX, eventQueueName } from '../catalog/queue-names';
import { closeConnection, createWorkerConnection } from '../redis-connections';
import type { DiscoveredHandler } from './handler-discovery';

export interface EventConsumerOptions {
  service: ServiceName;
  redisUrl: string;
  concurrency: number;
  lockDurationMs: number;
  faults: { pauseBeforeCommitMs: number; pauseAfterCommitMs: number };
}

export type DeliveryOutcome = 'APPLIED' | 'DUPLICATE';

/**
 * Delivers events from the service's queue to its handlers. The inbox insert and the handler's
 * writes share one transaction: a redelivery (after a crash, a stalled lock or a replay) finds the
 * event id already there and does nothing.
 */
export class EventConsumer {
  private readonly logger: Logger;
  private worker?: Worker;
  private connection?: Redis;
  readonly stats = { applied: 0, duplicates: 0, failures: 0 };

  constructor(
    private readonly dataSource: DataSource,
    private readonly handlers: Map<DomainEventType, DiscoveredHandler<DomainEventType>>,
    private readonly options: EventConsumerOptions,
  ) {
    this.logger = new Logger(`EventConsumer(${options.service})`);
  }

  start(): void {
    this.connection = createWorkerConnection(this.options.redisUrl, `zilv-${this.options.service}-events`);
    this.connection.on('error', () => undefined);
    this.worker = new Worker(eventQueueName(this.options.service), (job) => this.deliver(job), {
      connection: this.connection,
      prefix: QUEUE_PREFIX,
      concurrency: this.options.concurrency,
      lockDuration: this.options.lockDurationMs,
      stalledInterval: Math.max(1000, Math.floor(this.options.lockDurationMs / 2)),
      maxStalledCount: 3,
    });
    this.worker.on('error', (error) => this.logger.warn(`Worker error: ${error.message}`));
    this.worker.on('failed', (job, error) => {
      this.stats.failures += 1;
      const exhausted = job && job.attemptsMade >= (job.opts.attempts ?? 1);
      this.logger.warn(
        `${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}/${job?.opts.attempts})${exhausted ? ' and is now a dead letter' : ''}: ${error.message}`,
      );
    });
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    if (this.connection) await closeConnection(this.connection);
  }

  private async deliver(job: Job<DomainEventEnvelope>): Promise<DeliveryOutcome> {
    const event = job.data;
    const handler = this.handlers.get(event.type);
    if (!handler) throw new Error(`No handler for ${event.type} in ${this.options.service}`);
    const context = { requestId: event.correlationId ?? event.id, causationId: event.id };
    const outcome = await runInRequestContext(context, () =>
      this.dataSource.transaction(async (manager) => {
        const inserted: unknown[] = await manager.query(
          `INSERT INTO "${this.options.service}".inbox_event (event_id, type, occurred_at) VALUES ($1, $2, $3)
           ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
          [event.id, event.type, event.occurredAt],
        );
        if (inserted.length === 0) return 'DUPLICATE' as const;
        await handler.invoke(event, manager);
        if (this.options.faults.pauseBeforeCommitMs > 0) await sleep(this.options.faults.pauseBeforeCommitMs);
        return 'APPLIED' as const;
      }),
    );
    if (this.options.faults.pauseAfterCommitMs > 0) await sleep(this.options.faults.pauseAfterCommitMs);
    if (outcome === 'APPLIED') this.stats.applied += 1;
    else this.stats.duplicates += 1;
    return outcome;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { ServiceName } from '@app/config';
import { DOMAIN_EVENT_CATALOG, isDomainEventType, type DomainEventEnvelope } from '../catalog/event-catalog';
import { eventQueueName } from '../catalog/queue-names';
import { QueueRegistry } from '../queue-registry';
import { eventDeliveryPolicy, relayRetryDelayMs } from '../catalog/retry-policies';
import { closeConnection, createProducerConnection } from '../redis-connections';
import { outboxChannel } from './outbox.service';

export interface OutboxRelayOptions {
  service: ServiceName;
  databaseUrl: string;
  redisUrl: string;
  pollIntervalMs: number;
  deliveryAttempts: number;
  retryBaseDelayMs: number;
  batchSize?: number;
  /** Publishing gives up after this long when Redis does not answer (the row is retried later). */
  publishTimeoutMs?: number;
}

interface OutboxRow {
  id: string;
  type: string;
  version: number;
  association_id: string | null;
  payload: unknown;
  occurred_at: Date;
  causation_id: string | null;
  correlation_id: string | null;
  attempts: number;
}

/**
 * Moves committed outbox rows to the subscribers' BullMQ queues. Woken by NOTIFY at commit, with a
 * polling fallback for missed notifications and for retries. Rows are claimed with SKIP LOCKED so
 * several replicas can relay side by side; the event id is the BullMQ job id, so a row published
 * twice (crash between add and mark) is still one job.
 */
export class OutboxRelay {
  private readonly logger: Logger;
  private readonly producer: Redis;
  private readonly queues: QueueRegistry;
  private listener?: Client;
  private pollTimer?: NodeJS.Timeout;
  private reconnectTimer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private drainAgain = false;
  private stopped = false;
  /** Counters for health and benchmarks. */
  readonly stats = { published: 0, failedAttempts: 0 };

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: OutboxRelayOptions,
  ) {
    this.logger = new Logger(`OutboxRelay(${options.service})`);
    this.producer = createProducerConnection(options.redisUrl, `zilv-${options.service}-relay`);
    this.producer.on('error', () => undefined); // reconnection is automatic; failures surface on publish
    this.queues = new QueueRegistry(this.producer);
  }

  async start(): Promise<void> {
    await this.listen();
    this.pollTimer = setInterval(() => this.wake(), this.options.pollIntervalMs);
    this.pollTimer.unref();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearTimeout(this.reconnectTimer);
    await this.draining?.catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
    await this.queues.close();
    await closeConnection(this.producer);
  }

  /** Drains now, or once more after the drain in progress: no wake-up is lost. */
  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.drainAgain = true;
      return;
    }
    this.draining = this.drainUntilEmpty()
      .catch((error: unknown) => this.logger.warn(`Outbox drain failed: ${String(error)}`))
      .finally(() => {
        this.draining = undefined;
        if (this.drainAgain) {
          this.drainAgain = false;
          this.wake();
        }
      });
  }

  /** Resolves once every row due now has been handled (published or rescheduled). For tests and shutdown. */
  async flush(): Promise<void> {
    this.wake();
    while (this.draining) await this.draining;
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.options.databaseUrl, application_name: `zilv-${this.options.service}-relay` });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.logger.warn(`LISTEN connection lost (${error.message}); polling continues, reconnecting`);
      this.scheduleReconnect();
    });
    client.on('end', () => this.scheduleReconnect());
    try {
      await client.connect();
      await client.query(`LISTEN ${outboxChannel(this.options.service)}`);
      this.listener = client;
    } catch (error) {
      this.logger.warn(`Cannot LISTEN (${String(error)}); polling continues, retrying`);
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    this.listener = undefined;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.listen();
    }, 1000);
    this.reconnectTimer.unref();
  }

  private async drainUntilEmpty(): Promise<void> {
    while (!this.stopped) {
      const { claimed, failed } = await this.relayBatch();
      if (claimed === 0 || failed) return;
    }
  }

  /** One transaction: claim due rows, publish them, mark them published or schedule a retry. */
  private async relayBatch(): Promise<{ claimed: number; failed: boolean }> {
    const schema = this.options.service;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const rows: OutboxRow[] = await runner.query(
        `SELECT id, type, version, association_id, payload, occurred_at, causation_id, correlation_id, attempts
           FROM "${schema}".outbox_event
          WHERE published_at IS NULL AND next_attempt_at <= now()
          ORDER BY position
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [this.options.batchSize ?? 200],
      );
      if (rows.length === 0) {
        await runner.commitTransaction();
        return { claimed: 0, failed: false };
      }
      let failed = false;
      try {
        await this.publish(rows);
        await runner.query(`UPDATE "${schema}".outbox_event SET published_at = now(), last_error = NULL WHERE id = ANY($1::uuid[])`, [
          rows.map((r) => r.id),
        ]);
        this.stats.published += rows.length;
      } catch (error) {
        failed = true;
        this.stats.failedAttempts += 1;
        const attempt = Math.max(...rows.map((r) => r.attempts)) + 1;
        const delay = relayRetryDelayMs(attempt);
        this.logger.warn(`Publishing ${rows.length} event(s) failed (attempt ${attempt}, retry in ${delay} ms): ${String(error)}`);
        await runner.query(
          `UPDATE "${schema}".outbox_event
              SET attempts = attempts + 1, last_error = $2, next_attempt_at = now() + ($3 || ' milliseconds')::interval
            WHERE id = ANY($1::uuid[])`,
          [rows.map((r) => r.id), String(error).slice(0, 2000), String(delay)],
        );
      }
      await runner.commitTransaction();
      return { claimed: rows.length, failed };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async publish(rows: OutboxRow[]): Promise<void> {
    const bySubscriber = new Map<ServiceName, DomainEventEnvelope[]>();
    for (const row of rows) {
      if (!isDomainEventType(row.type)) throw new Error(`Outbox holds an event type missing from the catalog: ${row.type}`);
      const envelope = {
        id: row.id,
        type: row.type,
        version: row.version,
        associationId: row.association_id,
        occurredAt: new Date(row.occurred_at).toISOString(),
        causationId: row.causation_id,
        correlationId: row.correlation_id,
        payload: row.payload,
      } as DomainEventEnvelope;
      for (const subscriber of DOMAIN_EVENT_CATALOG[row.type].subscribers) {
        bySubscriber.set(subscriber, [...(bySubscriber.get(subscriber) ?? []), envelope]);
      }
    }
    const policy = eventDeliveryPolicy(this.options.deliveryAttempts, this.options.retryBaseDelayMs);
    const adds = [...bySubscriber].map(([subscriber, envelopes]) =>
      this.queue(subscriber).addBulk(envelopes.map((e) => ({ name: e.type, data: e, opts: { ...policy, jobId: e.id } }))),
    );
    await withTimeout(Promise.all(adds), this.options.publishTimeoutMs ?? 5000, 'Redis did not accept the events in time');
  }

  private queue(subscriber: ServiceName): Queue {
    return this.queues.get(eventQueueName(subscriber));
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

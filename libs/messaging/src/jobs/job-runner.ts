import { Logger } from '@nestjs/common';
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ServiceName } from '@app/config';
import { runInRequestContext } from '@app/common';
import { JOB_CATALOG, jobsRunBy, type JobName } from '../catalog/job-catalog';
import { QUEUE_PREFIX, jobQueueName } from '../catalog/queue-names';
import { closeConnection, createWorkerConnection } from '../redis-connections';
import type { DiscoveredHandler } from '../consumer/handler-discovery';
import { BatchRunReporter } from './batch-run-reporter';
import type { JobExecution } from './job-processor.decorator';

export interface JobEnvelope {
  payload: unknown;
  associationId: string | null;
  requestedBy: string | null;
  requestId: string | null;
}

/** Runs a service's commands, scheduled work and batch runs from its job queue. */
export class JobRunner {
  private readonly logger: Logger;
  private worker?: Worker;
  private queue?: Queue;
  private connection?: Redis;

  constructor(
    private readonly service: ServiceName,
    private readonly redisUrl: string,
    private readonly processors: Map<JobName, DiscoveredHandler<JobName>>,
  ) {
    this.logger = new Logger(`JobRunner(${service})`);
  }

  async start(): Promise<void> {
    this.connection = createWorkerConnection(this.redisUrl, `zilv-${this.service}-jobs`);
    this.connection.on('error', () => undefined);
    this.queue = new Queue(jobQueueName(this.service), { connection: this.connection, prefix: QUEUE_PREFIX });
    this.queue.on('error', () => undefined);
    await this.registerSchedules(this.queue);
    this.worker = new Worker(jobQueueName(this.service), (job) => this.run(job), {
      connection: this.connection,
      prefix: QUEUE_PREFIX,
      concurrency: 2,
    });
    this.worker.on('error', (error) => this.logger.warn(`Worker error: ${error.message}`));
    this.worker.on('failed', (job, error) => this.logger.warn(`${job?.name} ${job?.id} failed: ${error.message}`));
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
    if (this.connection) await closeConnection(this.connection);
  }

  /** Job schedulers are upserted, so every replica may do this at start without duplicating schedules. */
  private async registerSchedules(queue: Queue): Promise<void> {
    for (const name of jobsRunBy(this.service)) {
      const definition = JOB_CATALOG[name];
      if (definition.kind !== 'SCHEDULED' || !definition.schedule) continue;
      const { every, pattern, payload } = definition.schedule;
      const data: JobEnvelope = { payload, associationId: null, requestedBy: 'scheduler', requestId: null };
      await queue.upsertJobScheduler(`${this.service}:${name}`, every ? { every } : { pattern }, {
        name,
        data,
        opts: definition.policy,
      });
    }
  }

  private async run(job: Job<JobEnvelope>): Promise<unknown> {
    const processor = this.processors.get(job.name as JobName);
    if (!processor) throw new Error(`No processor for ${job.name} in ${this.service}`);
    const report = new BatchRunReporter(job);
    const execution: JobExecution<JobName> = {
      name: job.name as JobName,
      id: String(job.id),
      payload: job.data.payload as JobExecution<JobName>['payload'],
      report,
    };
    const context = { requestId: job.data.requestId ?? `job-${String(job.id)}` };
    const result = await runInRequestContext(context, () => processor.invoke(execution));
    const progress = await report.finish();
    return { result: result ?? null, progress };
  }
}

import { randomUUID } from 'node:crypto';
import type { Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { QueueRegistry } from '../queue-registry';
import { SERVICE_NAMES } from '@app/config';
import { BadInputError } from '@app/common';
import { JOB_CATALOG, type JobName, type JobPayloads } from '../catalog/job-catalog';
import { jobQueueName } from '../catalog/queue-names';
import type { BatchItemError, BatchProgress } from './batch-run-reporter';
import type { JobEnvelope } from './job-runner';

export type BatchRunState = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'COMPLETED_WITH_ERRORS' | 'FAILED';

export interface BatchRunView {
  id: string;
  name: JobName;
  associationId: string | null;
  requestedBy: string | null;
  state: BatchRunState;
  total: number | null;
  processed: number;
  succeeded: number;
  failed: number;
  /** Whole percent, null while the total is unknown. */
  percent: number | null;
  errors: BatchItemError[];
  errorsTruncated: boolean;
  failureReason: string | null;
  submittedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/**
 * Submits batch runs to the owning service's job queue and reads their state back from BullMQ, where
 * the running processor keeps its progress. Any service can answer `batchRun(id)` this way.
 */
export class BatchRunsService {
  private readonly queues: QueueRegistry;

  constructor(connection: Redis) {
    this.queues = new QueueRegistry(connection);
  }

  async submit<N extends JobName>(name: N, payload: JobPayloads[N], meta: { associationId: string | null; requestedBy: string; requestId?: string }): Promise<string> {
    const definition = JOB_CATALOG[name];
    if (definition.kind !== 'BATCH') throw new BadInputError('NOT_A_BATCH_JOB', `${name} is not a batch job`);
    const id = randomUUID();
    const data: JobEnvelope = { payload, associationId: meta.associationId, requestedBy: meta.requestedBy, requestId: meta.requestId ?? null };
    await this.queue(jobQueueName(definition.services[0])).add(name, data, { ...definition.policy, jobId: id });
    return id;
  }

  async find(id: string): Promise<BatchRunView | null> {
    for (const service of SERVICE_NAMES) {
      const job = (await this.queue(jobQueueName(service)).getJob(id)) as Job<JobEnvelope> | undefined;
      if (job && JOB_CATALOG[job.name as JobName]?.kind === 'BATCH') return this.view(job);
    }
    return null;
  }

  async close(): Promise<void> {
    await this.queues.close();
  }

  private async view(job: Job<JobEnvelope>): Promise<BatchRunView> {
    const state = await job.getState();
    const returned = job.returnvalue as { progress?: BatchProgress } | null;
    const progress: Partial<BatchProgress> = returned?.progress ?? (typeof job.progress === 'object' ? (job.progress as Partial<BatchProgress>) : {});
    const total = progress.total ?? null;
    const processed = progress.processed ?? 0;
    const failed = progress.failed ?? 0;
    let runState: BatchRunState;
    if (state === 'completed') runState = failed > 0 ? 'COMPLETED_WITH_ERRORS' : 'SUCCEEDED';
    else if (state === 'failed') runState = 'FAILED';
    else if (state === 'active') runState = 'RUNNING';
    else runState = 'QUEUED';
    return {
      id: String(job.id),
      name: job.name as JobName,
      associationId: job.data.associationId,
      requestedBy: job.data.requestedBy,
      state: runState,
      total,
      processed,
      succeeded: progress.succeeded ?? 0,
      failed,
      percent: total ? Math.floor((processed * 100) / total) : total === 0 ? 100 : null,
      errors: progress.errors ?? [],
      errorsTruncated: progress.errorsTruncated ?? false,
      failureReason: job.failedReason ?? null,
      submittedAt: new Date(job.timestamp),
      startedAt: job.processedOn ? new Date(job.processedOn) : null,
      finishedAt: job.finishedOn ? new Date(job.finishedOn) : null,
    };
  }

  private queue(name: string): Queue {
    return this.queues.get(name);
  }
}

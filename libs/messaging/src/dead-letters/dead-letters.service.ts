import type { Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { QueueRegistry } from '../queue-registry';
import { NotFoundError } from '@app/common';
import { ALL_QUEUE_NAMES } from '../catalog/queue-names';

export interface DeadLetterView {
  queue: string;
  jobId: string;
  name: string;
  associationId: string | null;
  attemptsMade: number;
  failedReason: string;
  failedAt: Date | null;
  firstQueuedAt: Date;
}

/**
 * Exhausted deliveries and jobs stay in BullMQ's failed set (they are never removed automatically);
 * this lists them and replays one by moving it back to waiting with a fresh attempt count.
 */
export class DeadLettersService {
  private readonly queues: QueueRegistry;

  constructor(connection: Redis) {
    this.queues = new QueueRegistry(connection);
  }

  async list(filter: { associationIds?: string[] | 'ALL'; limit: number }): Promise<DeadLetterView[]> {
    const views: DeadLetterView[] = [];
    for (const name of ALL_QUEUE_NAMES) {
      const jobs = await this.queue(name).getFailed(0, 999);
      for (const job of jobs) {
        const view = toView(name, job);
        if (filter.associationIds !== 'ALL' && !(view.associationId && filter.associationIds?.includes(view.associationId))) continue;
        views.push(view);
      }
    }
    views.sort((a, b) => (b.failedAt?.getTime() ?? 0) - (a.failedAt?.getTime() ?? 0));
    return views.slice(0, filter.limit);
  }

  async get(queue: string, jobId: string): Promise<DeadLetterView | null> {
    if (!ALL_QUEUE_NAMES.includes(queue)) return null;
    const job = await this.queue(queue).getJob(jobId);
    if (!job || !(await job.isFailed())) return null;
    return toView(queue, job);
  }

  async replay(queue: string, jobId: string): Promise<void> {
    if (!ALL_QUEUE_NAMES.includes(queue)) throw new NotFoundError('Dead letter', `${queue}/${jobId}`);
    const job = await this.queue(queue).getJob(jobId);
    if (!job || !(await job.isFailed())) throw new NotFoundError('Dead letter', `${queue}/${jobId}`);
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
  }

  async close(): Promise<void> {
    await this.queues.close();
  }

  private queue(name: string): Queue {
    return this.queues.get(name);
  }
}

function toView(queue: string, job: Job): DeadLetterView {
  const data = job.data as { associationId?: string | null };
  return {
    queue,
    jobId: String(job.id),
    name: job.name,
    associationId: data?.associationId ?? null,
    attemptsMade: job.attemptsMade,
    failedReason: job.failedReason ?? '',
    failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
    firstQueuedAt: new Date(job.timestamp),
  };
}

import { Queue } from 'bullmq';
import { SERVICE_NAMES } from '@app/config';
import { ALL_QUEUE_NAMES } from '@app/messaging';
import { sqlQuery } from './factories';
import { eventually } from './graphql-client';

/**
 * Waits until every outbox is relayed and every queue of the given prefix is idle (nothing waiting,
 * active or delayed). Use it before asserting that something did NOT happen.
 */
export async function waitForQueuesToDrain(redisUrl: string, prefix: string, databaseUrl?: string, timeoutMs = 15_000): Promise<void> {
  const connection = { url: redisUrl };
  const queues = ALL_QUEUE_NAMES.map((name) => new Queue(name, { connection, prefix }));
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const counts = await Promise.all(queues.map((q) => q.getJobCounts('wait', 'active', 'prioritized', 'waiting-children')));
      // Job schedulers always keep their next run delayed; only other delayed jobs mean work in flight.
      const delayed = (await Promise.all(queues.map((q) => q.getDelayed()))).flat().filter((job) => !String(job.id).startsWith('repeat:'));
      const busy = counts.reduce((sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0), 0) + delayed.length;
      const pending = databaseUrl
        ? (await Promise.all(SERVICE_NAMES.map((s) => sqlQuery<{ n: string }>(databaseUrl, `SELECT count(*) AS n FROM "${s}".outbox_event WHERE published_at IS NULL`)))).reduce((sum, [row]) => sum + Number(row.n), 0)
        : 0;
      if (busy === 0 && pending === 0) return;
      if (Date.now() > deadline) throw new Error(`Queues still busy after ${timeoutMs} ms (${busy} jobs, ${pending} unrelayed events)`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await Promise.all(queues.map((q) => q.close()));
  }
}

/**
 * Waits until the job completes and returns its return value. The job is read again once completed:
 * a job object fetched just before completion still holds no return value.
 */
export async function completedJobResult(queue: Queue, jobId: string, timeoutMs?: number): Promise<unknown> {
  return eventually(async () => {
    const job = await queue.getJob(jobId);
    if (!job || !(await job.isCompleted())) return undefined;
    return { value: (await queue.getJob(jobId))!.returnvalue as unknown };
  }, { what: `job ${jobId} completed`, timeoutMs }).then((result) => result.value);
}

import type { JobsOptions } from 'bullmq';

/**
 * Named retry and retention policies. Exhausted jobs are never removed: they stay in the failed set
 * as dead letters until an admin replays them.
 */
export const KEEP_COMPLETED = { age: 24 * 3600, count: 50_000 } as const;
export const KEEP_DEAD_LETTERS = false as const;

export function eventDeliveryPolicy(attempts: number, baseDelayMs: number): JobsOptions {
  return {
    attempts,
    backoff: { type: 'exponential', delay: baseDelayMs },
    removeOnComplete: KEEP_COMPLETED,
    removeOnFail: KEEP_DEAD_LETTERS,
  };
}

/** Scheduled housekeeping: a few attempts, then a dead letter. */
export const SCHEDULED_JOB_POLICY: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
  removeOnFail: KEEP_DEAD_LETTERS,
};

/** Batch runs are not retried whole: per-item failures are reported in the run instead. */
export const BATCH_JOB_POLICY: JobsOptions = {
  attempts: 1,
  removeOnComplete: { age: 30 * 24 * 3600 },
  removeOnFail: KEEP_DEAD_LETTERS,
};

/** Commands: retried like events, since the caller has already been told they were accepted. */
export const COMMAND_JOB_POLICY: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: KEEP_COMPLETED,
  removeOnFail: KEEP_DEAD_LETTERS,
};

/** Outbox relay: delay before the n-th retry of publishing to Redis (1 s doubling, capped at 1 min). */
export function relayRetryDelayMs(attempt: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.max(0, attempt - 1));
}

import { SERVICE_NAMES, type ServiceName } from '@app/config';

/**
 * Every BullMQ key of ours starts with this prefix. Deployments sharing one Redis, and test runs
 * sharing a developer's Redis, keep apart by setting QUEUE_PREFIX (read once, at start).
 */
export const QUEUE_PREFIX = process.env.QUEUE_PREFIX || 'zilv';

/** Domain events delivered to a service. */
export function eventQueueName(service: ServiceName): string {
  return `events-${service}`;
}

/** Commands, scheduled work and batch runs executed by a service. */
export function jobQueueName(service: ServiceName): string {
  return `jobs-${service}`;
}

export const ALL_QUEUE_NAMES = SERVICE_NAMES.flatMap((s) => [eventQueueName(s), jobQueueName(s)]);

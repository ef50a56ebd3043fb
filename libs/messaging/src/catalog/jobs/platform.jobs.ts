import { SERVICE_NAMES } from '@app/config';
import { SCHEDULED_JOB_POLICY } from '../retry-policies';
import type { JobDefinition } from './job-definition';

/** Housekeeping every service runs. */
export interface PlatformJobPayloads {
  /** Deletes published outbox rows and handled inbox ids older than the retention period. */
  'messaging.retention.prune': { outboxRetentionDays: number; inboxRetentionDays: number };
}

export const PLATFORM_JOBS: { readonly [K in keyof PlatformJobPayloads]: JobDefinition } = {
  'messaging.retention.prune': {
    kind: 'SCHEDULED',
    services: SERVICE_NAMES,
    policy: SCHEDULED_JOB_POLICY,
    schedule: { pattern: '17 3 * * *', payload: { outboxRetentionDays: 30, inboxRetentionDays: 30 } },
    description: 'Nightly: deletes outbox rows published and inbox ids handled more than the retention period ago.',
  },
};

import type { JobsOptions } from 'bullmq';
import { SERVICE_NAMES, type ServiceName } from '@app/config';
import { BATCH_JOB_POLICY, SCHEDULED_JOB_POLICY } from './retry-policies';

/** Payload of each job, by its explicit name. */
export interface JobPayloads {
  /** Deletes published outbox rows and handled inbox ids older than the retention period. */
  'messaging.retention.prune': { outboxRetentionDays: number; inboxRetentionDays: number };
  /** Re-emits `membership.organization.updated` for every organization of an association (rebuilds read models). */
  'membership.organizations.republish': { associationId: string };
}

export type JobName = keyof JobPayloads;
export type JobKind = 'COMMAND' | 'SCHEDULED' | 'BATCH';

export interface JobDefinition {
  kind: JobKind;
  /** Services whose job queue runs it (scheduled housekeeping runs in each). */
  services: readonly ServiceName[];
  policy: JobsOptions;
  /** For SCHEDULED jobs: how often, and the payload each run gets. */
  schedule?: { every?: number; pattern?: string; payload: unknown };
  description: string;
}

export const JOB_CATALOG: { readonly [K in JobName]: JobDefinition } = {
  'messaging.retention.prune': {
    kind: 'SCHEDULED',
    services: SERVICE_NAMES,
    policy: SCHEDULED_JOB_POLICY,
    schedule: { pattern: '17 3 * * *', payload: { outboxRetentionDays: 30, inboxRetentionDays: 30 } },
    description: 'Nightly: deletes outbox rows published and inbox ids handled more than the retention period ago.',
  },
  'membership.organizations.republish': {
    kind: 'BATCH',
    services: ['membership'],
    policy: BATCH_JOB_POLICY,
    description:
      "Re-emits every organization of an association as `membership.organization.updated`, so consumers' read models can be rebuilt. Reports progress per organization.",
  },
};

export const JOB_NAMES = Object.keys(JOB_CATALOG) as JobName[];

export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(JOB_CATALOG, name);
}

export function jobsRunBy(service: ServiceName): JobName[] {
  return JOB_NAMES.filter((name) => JOB_CATALOG[name].services.includes(service));
}

import { ENFORCEMENT_JOBS, type EnforcementJobPayloads } from './jobs/enforcement.jobs';
import { EVENTS_JOBS, type EventsJobPayloads } from './jobs/events.jobs';
import type { JobDefinition } from './jobs/job-definition';
import { MEMBERSHIP_JOBS, type MembershipJobPayloads } from './jobs/membership.jobs';
import { PLATFORM_JOBS, type PlatformJobPayloads } from './jobs/platform.jobs';
import { STANDARDS_JOBS, type StandardsJobPayloads } from './jobs/standards.jobs';
import type { ServiceName } from '@app/config';

export type { JobDefinition, JobKind } from './jobs/job-definition';

/** Payload of each job, by its explicit name; each service keeps its jobs in `jobs/<service>.jobs.ts`. */
export interface JobPayloads extends PlatformJobPayloads, MembershipJobPayloads, EnforcementJobPayloads, StandardsJobPayloads, EventsJobPayloads {}

export type JobName = keyof JobPayloads;

export const JOB_CATALOG: { readonly [K in JobName]: JobDefinition } = {
  ...PLATFORM_JOBS,
  ...MEMBERSHIP_JOBS,
  ...ENFORCEMENT_JOBS,
  ...STANDARDS_JOBS,
  ...EVENTS_JOBS,
};

export const JOB_NAMES = Object.keys(JOB_CATALOG) as JobName[];

export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(JOB_CATALOG, name);
}

export function jobsRunBy(service: ServiceName): JobName[] {
  return JOB_NAMES.filter((name) => JOB_CATALOG[name].services.includes(service));
}

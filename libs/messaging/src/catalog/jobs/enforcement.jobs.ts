import { SCHEDULED_JOB_POLICY } from '../retry-policies';
import type { JobDefinition } from './job-definition';

/** Jobs the enforcement service runs. */
export interface EnforcementJobPayloads {
  /**
   * Publishes the join and leave list (加入及退出名单) of the previous calendar month (China time)
   * for every association with signatures; a bulletin already published for that period is kept.
   */
  'enforcement.signatories.bulletin': { period: 'PREVIOUS_MONTH' };
  /**
   * Brings adopted convention versions whose effective date has come into effect, and reports texts
   * in effect whose 30-day publication deadline is within 7 days or past.
   */
  'enforcement.conventions.publication-deadlines': { warningDays: number };
  // ---- complaints, sanctions and registers ----
  /** Flags open complaints whose stage deadline has passed; closes decided ones whose appeal window ended. */
  'enforcement.complaints.escalate-overdue': Record<string, never>;
  /** Takes sanctions and commendations whose publication period ended off the public registers. */
  'enforcement.registers.expire': Record<string, never>;
  /** Erases complainants' identities of cases closed longer than the retention period (cases are kept). */
  'enforcement.complaints.purge-personal-data': Record<string, never>;
}

export const ENFORCEMENT_JOBS: { readonly [K in keyof EnforcementJobPayloads]: JobDefinition } = {
  'enforcement.signatories.bulletin': {
    kind: 'SCHEDULED',
    services: ['enforcement'],
    policy: SCHEDULED_JOB_POLICY,
    schedule: { pattern: '30 1 1 * *', payload: { period: 'PREVIOUS_MONTH' } },
    description: "Monthly (1st, 01:30): stores the previous month's join and leave list of each association's signatories; returns the bulletins published.",
  },
  'enforcement.conventions.publication-deadlines': {
    kind: 'SCHEDULED',
    services: ['enforcement'],
    policy: SCHEDULED_JOB_POLICY,
    schedule: { pattern: '15 0 * * *', payload: { warningDays: 7 } },
    description: 'Daily (00:15): brings adopted versions whose effective date has come into effect and reports unpublished texts whose 30-day publication deadline is near or past.',
  },
  // ---- complaints, sanctions and registers ----
  'enforcement.complaints.escalate-overdue': {
    kind: 'SCHEDULED',
    services: ['enforcement'],
    policy: SCHEDULED_JOB_POLICY,
    schedule: { pattern: '5 1 * * *', payload: {} },
    description: 'Daily: escalates open complaints past their stage deadline (once per stage, logged) and closes decided cases whose appeal window ended without a pending appeal. Returns the ids changed.',
  },
  'enforcement.registers.expire': {
    kind: 'SCHEDULED',
    services: ['enforcement'],
    policy: SCHEDULED_JOB_POLICY,
    schedule: { pattern: '10 0 * * *', payload: {} },
    description: 'Daily: sanctions and commendations whose publication period has ended leave the public registers. Returns the ids delisted.',
  },
  'enforcement.complaints.purge-personal-data': {
    kind: 'SCHEDULED',
    services: ['enforcement'],
    policy: SCHEDULED_JOB_POLICY,
    schedule: { pattern: '40 2 * * *', payload: {} },
    description: "Daily: erases the complainant's identity, organization index and status secret of cases closed longer than COMPLAINT_RETENTION_DAYS; the case is kept. Returns the ids purged.",
  },
};

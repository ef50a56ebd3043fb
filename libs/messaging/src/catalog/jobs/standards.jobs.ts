import { SCHEDULED_JOB_POLICY } from '../retry-policies';
import type { JobDefinition } from './job-definition';

/** Jobs the standards service runs. */
export interface StandardsJobPayloads {
  /** Closes consultations whose comment period ended and moves their standards to comment resolution. */
  'standards.consultations.close': { today?: string | null };
  /** Records a reminder to whoever owes the next action on standards idle for `staleAfterDays`. */
  'standards.actions.remind': { staleAfterDays: number; today?: string | null };
  /** Opens the periodic review (复审) of published standards whose review date has come. */
  'standards.reviews.open': { today?: string | null };
}

export const STANDARDS_JOBS: { readonly [K in keyof StandardsJobPayloads]: JobDefinition } = {
  'standards.consultations.close': {
    kind: 'SCHEDULED',
    services: ['standards'],
    policy: SCHEDULED_JOB_POLICY,
    schedule: { pattern: '5 0 * * *', payload: {} },
    description: 'Daily: closes consultations whose closing date has passed and moves each standard from PUBLIC_COMMENT to COMMENT_RESOLUTION. Returns the consultations closed.',
  },
  'standards.actions.remind': {
    kind: 'SCHEDULED',
    services: ['standards'],
    policy: SCHEDULED_JOB_POLICY,
    schedule: { pattern: '0 9 * * 1-5', payload: { staleAfterDays: 14 } },
    description: 'Working days: records a reminder for each standard whose next action has been owed longer than the stale period (at most one per period). Returns the reminders recorded.',
  },
  'standards.reviews.open': {
    kind: 'SCHEDULED',
    services: ['standards'],
    policy: SCHEDULED_JOB_POLICY,
    schedule: { pattern: '15 0 * * *', payload: {} },
    description: 'Daily: moves published standards whose review date has come to UNDER_REVIEW (复审). Returns the standards opened for review.',
  },
};

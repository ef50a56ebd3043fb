import { SCHEDULED_JOB_POLICY } from '../retry-policies';
import type { JobDefinition } from './job-definition';

/** Jobs the events service runs. */
export interface EventsJobPayloads {
  /** Lapses waitlist offers past their deadline and offers the seats to the next in line. */
  'events.waitlist.expire-offers': Record<string, never>;
  /** Records a reminder for confirmed registrations of events starting within `withinHours`. */
  'events.reminders.send': { withinHours: number };
  /** Erases attendee e-mail and phone of registrations for events that ended more than `retentionDays` ago. */
  'events.registrations.purge-contact-data': { retentionDays: number };
}

export const EVENTS_JOBS: { readonly [K in keyof EventsJobPayloads]: JobDefinition } = {
  'events.waitlist.expire-offers': {
    kind: 'SCHEDULED',
    services: ['events'],
    policy: SCHEDULED_JOB_POLICY,
    schedule: { every: 60_000, payload: {} },
    description: 'Every minute: waitlist offers not accepted in time lapse, and each freed seat is offered to the next registration on the waitlist.',
  },
  'events.reminders.send': {
    kind: 'SCHEDULED',
    services: ['events'],
    policy: SCHEDULED_JOB_POLICY,
    schedule: { every: 15 * 60_000, payload: { withinHours: 24 } },
    description: 'Every 15 minutes: records one reminder per confirmed registration of an event starting within the next 24 hours (idempotent).',
  },
  'events.registrations.purge-contact-data': {
    kind: 'SCHEDULED',
    services: ['events'],
    policy: SCHEDULED_JOB_POLICY,
    schedule: { pattern: '41 3 * * *', payload: { retentionDays: 180 } },
    description: 'Nightly: erases attendee e-mail addresses and phone numbers of registrations for events that ended more than 180 days ago (personal data retention).',
  },
};

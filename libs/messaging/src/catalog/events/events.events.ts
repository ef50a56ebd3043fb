import type { CouncilPostName } from './membership.events';
import type { DomainEventDefinition } from './event-definition';

/** Events the events service publishes. */
export interface EventsEventPayloads {
  'events.meeting.resolution-adopted': {
    eventId: string;
    agendaItemId: string;
    kind: 'GENERAL' | 'ELECTION' | 'APPOINTMENT' | 'CHARTER' | 'CONVENTION';
    title: string;
    adoptedOn: string;
    votes: { yes: number; no: number; abstain: number; present: number; electorate: number };
    /** For elections and appointments: who takes which post, for which council term. */
    appointments: Array<{
      councilTermId: string | null;
      post: CouncilPostName;
      organizationId: string | null;
      personId: string | null;
      holderName: string;
      startsOn: string;
      endsOn: string | null;
    }>;
  };
  'events.attendance.recorded': {
    eventId: string;
    registrationId: string;
    organizationId: string | null;
    attendance: 'PRESENT' | 'PROXY' | 'ABSENT';
    recordedAt: string;
  };
  'events.event.published': {
    eventId: string;
    category: 'MEMBER_CONGRESS' | 'COUNCIL_MEETING' | 'FORUM' | 'COMPETITION' | 'TRAINING' | 'POLICY_BRIEFING' | 'VISIT' | 'PUBLICITY_WEEK';
    title: string;
    audience: 'PUBLIC' | 'MEMBERS_ONLY' | 'COUNCIL_ONLY' | 'INVITED';
    startsAt: string;
    endsAt: string;
  };
  'events.event.updated': {
    eventId: string;
    /** The event's revision after the change (the iCal SEQUENCE). */
    revision: number;
    changedFields: Array<'title' | 'description' | 'venue' | 'startsAt' | 'endsAt' | 'capacity' | 'cancellationCutoffAt'>;
    startsAt: string;
    endsAt: string;
    venue: string | null;
    reason: string;
  };
  'events.event.cancelled': {
    eventId: string;
    reason: string;
    /** Active registrations (pending approval, confirmed, waitlisted, offered) ended with the event. */
    registrationsCancelled: number;
  };
  'events.registration.confirmed': {
    eventId: string;
    registrationId: string;
    /** The member unit registered for, if any; never the attendee's contact data. */
    organizationId: string | null;
    confirmedAt: string;
  };
}

export const EVENTS_EVENTS: { readonly [K in keyof EventsEventPayloads]: DomainEventDefinition } = {
  'events.meeting.resolution-adopted': {
    version: 1,
    producer: 'events',
    subscribers: ['membership'],
    description: 'A congress or council meeting adopted a resolution (审议通过); elections and appointments carry the posts filled.',
  },
  'events.attendance.recorded': {
    version: 1,
    producer: 'events',
    subscribers: [],
    description: 'Attendance at an event or meeting was recorded for a registration.',
  },
  'events.event.published': {
    version: 1,
    producer: 'events',
    subscribers: [],
    description: 'An event was published: registration opens according to its audience rule.',
  },
  'events.event.updated': {
    version: 1,
    producer: 'events',
    subscribers: [],
    description: 'A published event changed (title, description, venue, times, capacity or cancellation cut-off), with the reason given; carries the new times and venue.',
  },
  'events.event.cancelled': {
    version: 1,
    producer: 'events',
    subscribers: [],
    description: 'A published event was called off, with the reason given; every active registration ended with it.',
  },
  'events.registration.confirmed': {
    version: 1,
    producer: 'events',
    subscribers: [],
    description: 'A registration holds a confirmed seat (directly, after approval, or by accepting a waitlist offer).',
  },
};

import type { DomainEventDefinition } from './event-definition';

/** Membership states as other services see them (owned by membership). */
export type MembershipStatusName = 'NONE' | 'PENDING' | 'ACTIVE' | 'GRACE' | 'LAPSED' | 'SUSPENDED' | 'WITHDRAWN' | 'EXPELLED';

/** Membership grades (会员 … 会长单位, 监事单位), as other services see them. */
export type MembershipGradeName = 'MEMBER' | 'COUNCIL' | 'STANDING_COUNCIL' | 'VICE_PRESIDENT' | 'PRESIDENT' | 'SUPERVISOR';

/** Posts of a council term (会长, 副会长, 理事, 监事, 秘书长 …). */
export type CouncilPostName = 'PRESIDENT' | 'ROTATING_PRESIDENT' | 'VICE_PRESIDENT' | 'STANDING_DIRECTOR' | 'DIRECTOR' | 'SUPERVISOR' | 'CHIEF_SUPERVISOR' | 'SECRETARY_GENERAL' | 'DEPUTY_SECRETARY_GENERAL';

/** Events membership publishes. Payloads carry ids and the few fields consumers need, never contact data. */
export interface MembershipEventPayloads {
  'membership.organization.updated': {
    organizationId: string;
    name: string;
    creditCode: string;
    membershipStatus: MembershipStatusName;
    revision: number;
  };
  'membership.membership.status-changed': {
    organizationId: string;
    previousStatus: MembershipStatusName;
    status: MembershipStatusName;
    reason: string;
    revision: number;
  };
  'membership.individual.status-changed': {
    membershipId: string;
    personId: string;
    previousStatus: MembershipStatusName;
    status: MembershipStatusName;
    reason: string;
    /** The membership's revision: a consumer ignores an older change arriving after a newer one. */
    revision: number;
  };
  'membership.member.admitted': {
    membershipId: string;
    kind: 'UNIT' | 'INDIVIDUAL';
    /** Set for a unit member. */
    organizationId: string | null;
    /** Set for an individual member. */
    personId: string | null;
    name: string;
    grade: MembershipGradeName;
    memberNumber: string;
    admittedOn: string;
  };
  'membership.office.changed': {
    councilTermId: string;
    officeId: string;
    post: CouncilPostName;
    holderOrganizationId: string | null;
    holderPersonId: string | null;
    holderName: string;
    startsOn: string;
    /** Null while the office is held open-ended. */
    endsOn: string | null;
    change: 'APPOINTED' | 'ENDED';
  };
  'membership.expert.changed': {
    expertId: string;
    /** Null while the expert is not linked to a person in the register. */
    personId: string | null;
    name: string;
    /** The association's fields of work the expert covers. */
    fields: string[];
    /** Organizations the expert declared a conflict of interest with (plus the employer). */
    conflictedOrganizationIds: string[];
    status: 'APPOINTED' | 'ENDED';
    termEndsOn: string | null;
  };
}

export const MEMBERSHIP_EVENTS: { readonly [K in keyof MembershipEventPayloads]: DomainEventDefinition } = {
  'membership.organization.updated': {
    version: 1,
    producer: 'membership',
    subscribers: ['enforcement', 'events', 'standards'],
    description:
      'An organization was registered or changed (name, credit code or membership status). Carries the full public snapshot so a read model can be rebuilt from it alone.',
  },
  'membership.membership.status-changed': {
    version: 1,
    producer: 'membership',
    subscribers: ['enforcement', 'events'],
    description: "An organization's membership moved to another status, with the decision's reason.",
  },
  'membership.individual.status-changed': {
    version: 1,
    producer: 'membership',
    subscribers: ['events'],
    description: "An individual member's membership moved to another status (suspended, lapsed, withdrawn, reinstated …), with the decision's reason.",
  },
  'membership.member.admitted': {
    version: 1,
    producer: 'membership',
    subscribers: ['events'],
    description: 'A unit or individual became a member: dues paid, member number issued.',
  },
  'membership.office.changed': {
    version: 1,
    producer: 'membership',
    subscribers: ['events'],
    description: 'A council post (会长, 理事, 监事 …) was filled or vacated for a term.',
  },
  'membership.expert.changed': {
    version: 1,
    producer: 'membership',
    subscribers: ['standards'],
    description: 'An expert joined the pool or left it; carries fields of work and declared conflicts (no contact data).',
  },
};

import { BadInputError } from '@app/common';
import type { MembershipStatusName } from '@app/messaging';

/**
 * Which status a membership may move to from which, and nothing else. NONE is where an admission
 * reversed after an upheld objection ends (not, or no longer, a member); WITHDRAWN, EXPELLED and NONE
 * are final: a former member comes back through a new application.
 */
export const MEMBERSHIP_TRANSITIONS: Readonly<Record<MembershipStatusName, readonly MembershipStatusName[]>> = {
  PENDING: ['ACTIVE', 'WITHDRAWN', 'NONE'],
  ACTIVE: ['GRACE', 'SUSPENDED', 'WITHDRAWN', 'EXPELLED', 'NONE'],
  GRACE: ['ACTIVE', 'LAPSED', 'SUSPENDED', 'WITHDRAWN', 'EXPELLED'],
  LAPSED: ['ACTIVE', 'WITHDRAWN', 'EXPELLED'],
  SUSPENDED: ['ACTIVE', 'WITHDRAWN', 'EXPELLED'],
  WITHDRAWN: [],
  EXPELLED: [],
  NONE: [],
};

/** Statuses in which the organization or person holds a live membership (one at a time). */
export const LIVE_STATUSES: readonly MembershipStatusName[] = ['PENDING', 'ACTIVE', 'GRACE', 'SUSPENDED'];

/** Statuses shown in the public directory: members in good standing or within their grace period. */
export const DIRECTORY_STATUSES: readonly MembershipStatusName[] = ['ACTIVE', 'GRACE'];

export class InvalidMembershipTransitionError extends BadInputError {
  constructor(from: MembershipStatusName, to: MembershipStatusName) {
    super('INVALID_STATUS_TRANSITION', `A ${from} membership cannot become ${to}.`, { from, to, allowed: MEMBERSHIP_TRANSITIONS[from] });
  }
}

export function canTransition(from: MembershipStatusName, to: MembershipStatusName): boolean {
  return MEMBERSHIP_TRANSITIONS[from].includes(to);
}

/** Throws INVALID_STATUS_TRANSITION (or STATUS_UNCHANGED) unless `from → to` is allowed. */
export function assertTransition(from: MembershipStatusName, to: MembershipStatusName): void {
  if (from === to) throw new BadInputError('STATUS_UNCHANGED', `The membership is already ${to}.`);
  if (!canTransition(from, to)) throw new InvalidMembershipTransitionError(from, to);
}

import { DomainError, PublicErrorCode } from '@app/common';
import type { ExclusionReason } from './electorate';

/**
 * Base class of every failure this library raises, so callers can catch "a voting rule was broken"
 * in one place. Each subclass picks the public code a service mapper turns into an HTTP/GraphQL error.
 */
export abstract class VotingError extends DomainError {}

/** A fraction that is malformed (not "p/q", a zero denominator, a non-integer part) or out of range. */
export class InvalidFractionError extends VotingError {
  constructor(message: string) {
    super(PublicErrorCode.BAD_USER_INPUT, 'INVALID_FRACTION', message);
  }
}

/** An integer argument (a count, a multiplier) that is not an exact integer, or out of range. */
export class InvalidNumberError extends VotingError {
  constructor(message: string) {
    super(PublicErrorCode.BAD_USER_INPUT, 'INVALID_NUMBER', message);
  }
}

/** The same voter id appears twice on a roll or in the exclusions of one snapshot. */
export class DuplicateVoterError extends VotingError {
  constructor(readonly voterId: string, where: 'roll' | 'exclusions') {
    super(PublicErrorCode.BAD_USER_INPUT, 'DUPLICATE_VOTER', `Voter ${voterId} appears more than once in the ${where}.`, { voterId });
  }
}

/** A snapshot that cannot be taken: empty ids, an exclusion of someone not on the roll, a bad date. */
export class InvalidElectorateError extends VotingError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(PublicErrorCode.BAD_USER_INPUT, 'INVALID_ELECTORATE', message, details);
  }
}

/**
 * A ballot from someone outside the eligible electorate. `exclusionReason` is null when the voter is
 * not on the roll at all, otherwise it says why they were excluded.
 */
export class IneligibleVoterError extends VotingError {
  constructor(
    readonly voterId: string,
    readonly exclusionReason: ExclusionReason | null,
  ) {
    super(
      PublicErrorCode.FORBIDDEN,
      'VOTER_NOT_ELIGIBLE',
      exclusionReason === null
        ? `Voter ${voterId} is not on the roll of this ballot.`
        : `Voter ${voterId} is excluded from this ballot (${exclusionReason}).`,
      { voterId, exclusionReason },
    );
  }
}

/** A second ballot for the same voter. The caller must pass only each voter's final ballot. */
export class DuplicateBallotError extends VotingError {
  constructor(readonly voterId: string) {
    super(PublicErrorCode.CONFLICT, 'BALLOT_ALREADY_RECORDED', `Voter ${voterId} already has a ballot in this count.`, { voterId });
  }
}

/** A ballot whose shape is wrong (missing voter id, unknown position). */
export class InvalidBallotError extends VotingError {
  constructor(message: string) {
    super(PublicErrorCode.BAD_USER_INPUT, 'INVALID_BALLOT', message);
  }
}

/** Counts or attendance that contradict each other, or attendance missing where a rule needs it. */
export class InvalidTallyError extends VotingError {
  constructor(message: string) {
    super(PublicErrorCode.BAD_USER_INPUT, 'INVALID_TALLY', message);
  }
}

/** A rule that is malformed or could never be satisfied. */
export class InvalidBallotRuleError extends VotingError {
  constructor(message: string) {
    super(PublicErrorCode.BAD_USER_INPUT, 'INVALID_BALLOT_RULE', message);
  }
}

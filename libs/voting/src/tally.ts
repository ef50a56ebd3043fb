import { assertCount } from './counts';
import type { Electorate } from './electorate';
import { DuplicateBallotError, IneligibleVoterError, InvalidBallotError, InvalidTallyError } from './voting-errors';

/** What a voter can put on a ballot. */
export const Position = {
  YES: 'YES',
  NO: 'NO',
  ABSTAIN: 'ABSTAIN',
  RECUSE: 'RECUSE',
} as const;
export type Position = (typeof Position)[keyof typeof Position];

/** A ballot position, or NO_RECORD for an eligible voter without a ballot. */
export const TallyPosition = { ...Position, NO_RECORD: 'NO_RECORD' } as const;
export type TallyPosition = (typeof TallyPosition)[keyof typeof TallyPosition];

const POSITIONS: ReadonlySet<string> = new Set(Object.values(Position));

export interface Ballot {
  readonly voterId: string;
  readonly position: Position;
}

/**
 * The counts a ballot rule is applied to.
 *
 * Recusal: a RECUSE ballot takes the voter out of the electorate for counting, exactly as if they had
 * been excluded before the ballot opened. They are not in `electorate`, not in `noRecord`, and their
 * attendance does not count in `present` (otherwise they would count toward a quorum whose
 * denominator no longer includes them). So `electorate = eligible − recuse` and
 * `yes + no + abstain + noRecord = electorate`.
 */
export interface Tally {
  /** Eligible voters in the snapshot (roll minus exclusions). */
  readonly eligible: number;
  /** The counting electorate: eligible minus RECUSE ballots. Quorum and ELECTORATE bases use this. */
  readonly electorate: number;
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
  readonly recuse: number;
  /** Members of the counting electorate with no ballot, whether present or not. */
  readonly noRecord: number;
  /** Members of the counting electorate in attendance; null when no attendance was taken (written ballots). */
  readonly present: number | null;
  /** Ballots returned: YES + NO + ABSTAIN. */
  readonly returned: number;
  /** Votes cast: YES + NO. */
  readonly cast: number;
}

/** A tally counted from individual ballots; `positions` records every eligible voter's position. */
export interface CountedTally extends Tally {
  readonly positions: ReadonlyMap<string, TallyPosition>;
}

export interface TallyCounts {
  readonly eligible: number;
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
  readonly recuse?: number;
  readonly present?: number | null;
}

export interface CountOptions {
  /**
   * Voter ids in attendance, for meetings. Ids on the roll but excluded are ignored (an excluded
   * drafter may sit in the room); ids not on the roll are rejected.
   */
  readonly present?: Iterable<string>;
}

/**
 * Builds a validated tally from aggregate counts (e.g. a GROUP BY over stored ballots).
 * Throws InvalidNumberError for a non-integer or negative count and InvalidTallyError when counts
 * contradict each other (more ballots than voters, fewer present than ballots returned).
 */
export function tallyCounts(counts: TallyCounts): Tally {
  const { eligible, yes, no, abstain, recuse = 0, present = null } = counts;
  assertCount(eligible, 'eligible');
  assertCount(yes, 'yes');
  assertCount(no, 'no');
  assertCount(abstain, 'abstain');
  assertCount(recuse, 'recuse');
  if (present !== null) assertCount(present, 'present');

  const returned = yes + no + abstain;
  if (returned + recuse > eligible) {
    throw new InvalidTallyError(`${returned + recuse} ballots were counted but only ${eligible} voters are eligible.`);
  }
  const electorate = eligible - recuse;
  if (present !== null) {
    if (present > electorate) {
      throw new InvalidTallyError(`${present} present exceeds the electorate of ${electorate}.`);
    }
    // A meeting ballot is returned in the room: a returned ballot implies attendance.
    if (present < returned) {
      throw new InvalidTallyError(`${returned} ballots were returned but only ${present} voters are present.`);
    }
  }
  return Object.freeze({ eligible, electorate, yes, no, abstain, recuse, noRecord: electorate - returned, present, returned, cast: yes + no });
}

/** Re-checks a tally that may have been built by hand, so evaluation never runs on inconsistent counts. */
export function assertValidTally(tally: Tally): void {
  const expected = tallyCounts(tally);
  for (const key of Object.keys(expected) as (keyof Tally)[]) {
    if (tally[key] !== expected[key]) {
      throw new InvalidTallyError(`Tally field ${key} is ${String(tally[key])} but the counts give ${String(expected[key])}.`);
    }
  }
}

/**
 * Counts individual ballots against an electorate snapshot.
 *
 * Rejects a ballot from anyone not eligible (IneligibleVoterError), a second ballot from the same
 * voter (DuplicateBallotError), malformed ballots (InvalidBallotError) and, when attendance is given,
 * duplicate or unknown attendees or a YES/NO/ABSTAIN ballot from a voter not present (InvalidTallyError).
 */
export function countBallots(electorate: Electorate, ballots: Iterable<Ballot>, options: CountOptions = {}): CountedTally {
  const byVoter = new Map<string, Position>();
  for (const ballot of ballots) {
    const { voterId, position } = ballot;
    if (typeof voterId !== 'string' || voterId === '') throw new InvalidBallotError('A ballot must name its voter.');
    if (!POSITIONS.has(position)) {
      throw new InvalidBallotError(`Ballot of ${voterId} has an unknown position ${String(position)}.`);
    }
    if (!electorate.isEligible(voterId)) {
      throw new IneligibleVoterError(voterId, electorate.exclusionOf(voterId)?.reason ?? null);
    }
    if (byVoter.has(voterId)) throw new DuplicateBallotError(voterId);
    byVoter.set(voterId, position);
  }

  let attendees: Set<string> | null = null;
  if (options.present !== undefined) {
    attendees = new Set<string>();
    for (const voterId of options.present) {
      if (!electorate.isOnRoll(voterId)) throw new InvalidTallyError(`Attendee ${String(voterId)} is not on the roll.`);
      if (attendees.has(voterId)) throw new InvalidTallyError(`Attendee ${voterId} is listed twice.`);
      attendees.add(voterId);
    }
  }

  const positions = new Map<string, TallyPosition>();
  const counts = { yes: 0, no: 0, abstain: 0, recuse: 0 };
  let present = 0;
  for (const voterId of electorate.eligible) {
    const position = byVoter.get(voterId) ?? TallyPosition.NO_RECORD;
    positions.set(voterId, position);
    if (position === Position.RECUSE) {
      counts.recuse += 1;
      continue; // out of the counting electorate, attendance included
    }
    const isPresent = attendees?.has(voterId) ?? false;
    if (isPresent) present += 1;
    if (position === TallyPosition.NO_RECORD) continue;
    if (attendees !== null && !isPresent) {
      throw new InvalidTallyError(`Voter ${voterId} returned a ballot but is not recorded as present.`);
    }
    if (position === Position.YES) counts.yes += 1;
    else if (position === Position.NO) counts.no += 1;
    else counts.abstain += 1;
  }

  const tally = tallyCounts({ eligible: electorate.size, ...counts, present: attendees === null ? null : present });
  return Object.freeze({ ...tally, positions });
}

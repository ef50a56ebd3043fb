import { DuplicateVoterError, InvalidElectorateError } from './voting-errors';

/**
 * Why a voter on the roll does not vote. RECUSAL here is a recusal declared before the ballot opens;
 * a recusal during the ballot is a RECUSE ballot instead (see `countBallots`).
 */
export const ExclusionReason = {
  RECUSAL: 'RECUSAL',
  DRAFTER: 'DRAFTER',
  CONFLICT_OF_INTEREST: 'CONFLICT_OF_INTEREST',
  OTHER: 'OTHER',
} as const;
export type ExclusionReason = (typeof ExclusionReason)[keyof typeof ExclusionReason];

const EXCLUSION_REASONS: ReadonlySet<string> = new Set(Object.values(ExclusionReason));

export interface Exclusion {
  readonly voterId: string;
  readonly reason: ExclusionReason;
  /** Free text for the minutes, e.g. which drafting unit the expert belongs to. */
  readonly note?: string;
}

export interface ElectorateInput {
  /** Everyone entitled to vote under the rules when the ballot opens (e.g. all signatory units). */
  readonly roll: Iterable<string>;
  readonly exclusions?: Iterable<Exclusion>;
  /** When the roll was frozen; later joiners or leavers do not change this ballot. */
  readonly takenAt: Date;
}

function assertVoterId(value: unknown, where: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidElectorateError(`Every voter id in the ${where} must be a non-empty string.`);
  }
}

/**
 * An immutable snapshot of who may vote on one ballot: the roll as it stood at `takenAt`, minus the
 * excluded voters. Everything is copied on creation, so later changes to the caller's arrays (or to
 * the membership itself) cannot alter a ballot that is already open.
 */
export class Electorate {
  /** The roll in the order given. */
  readonly roll: readonly string[];
  readonly exclusions: readonly Exclusion[];
  /** Roll minus exclusions, in roll order. */
  readonly eligible: readonly string[];

  private readonly takenAtMs: number;
  private readonly rollSet: ReadonlySet<string>;
  private readonly eligibleSet: ReadonlySet<string>;
  private readonly exclusionById: ReadonlyMap<string, Exclusion>;

  private constructor(roll: string[], exclusions: Exclusion[], takenAtMs: number) {
    this.takenAtMs = takenAtMs;
    this.roll = Object.freeze(roll);
    this.exclusions = Object.freeze(exclusions);
    this.rollSet = new Set(roll);
    this.exclusionById = new Map(exclusions.map((exclusion) => [exclusion.voterId, exclusion]));
    this.eligible = Object.freeze(roll.filter((id) => !this.exclusionById.has(id)));
    this.eligibleSet = new Set(this.eligible);
    Object.freeze(this);
  }

  /**
   * Takes the snapshot. Rejects duplicate ids (on the roll or among the exclusions), exclusions of
   * voters not on the roll (almost certainly a data error), unknown reasons and an invalid date.
   */
  static snapshot(input: ElectorateInput): Electorate {
    const { takenAt } = input;
    if (!(takenAt instanceof Date) || Number.isNaN(takenAt.getTime())) {
      throw new InvalidElectorateError('An electorate snapshot needs a valid takenAt date.');
    }

    const roll: string[] = [];
    const seen = new Set<string>();
    for (const voterId of input.roll) {
      assertVoterId(voterId, 'roll');
      if (seen.has(voterId)) throw new DuplicateVoterError(voterId, 'roll');
      seen.add(voterId);
      roll.push(voterId);
    }

    const exclusions: Exclusion[] = [];
    const excluded = new Set<string>();
    for (const exclusion of input.exclusions ?? []) {
      const { voterId, reason, note } = exclusion;
      assertVoterId(voterId, 'exclusions');
      if (excluded.has(voterId)) throw new DuplicateVoterError(voterId, 'exclusions');
      if (!seen.has(voterId)) {
        throw new InvalidElectorateError(`Voter ${voterId} is excluded but is not on the roll.`, { voterId });
      }
      if (!EXCLUSION_REASONS.has(reason)) {
        throw new InvalidElectorateError(`Exclusion of ${voterId} has an unknown reason ${String(reason)}.`, { voterId });
      }
      if (note !== undefined && typeof note !== 'string') {
        throw new InvalidElectorateError(`The note on the exclusion of ${voterId} must be text.`, { voterId });
      }
      excluded.add(voterId);
      // A fresh frozen object: the caller's exclusion objects stay theirs to mutate.
      exclusions.push(Object.freeze(note === undefined ? { voterId, reason } : { voterId, reason, note }));
    }

    return new Electorate(roll, exclusions, takenAt.getTime());
  }

  /** A new Date on every read, so nobody can move the snapshot moment with setTime(). */
  get takenAt(): Date {
    return new Date(this.takenAtMs);
  }

  /** Number of eligible voters (roll minus exclusions). */
  get size(): number {
    return this.eligible.length;
  }

  get rollSize(): number {
    return this.roll.length;
  }

  isOnRoll(voterId: string): boolean {
    return this.rollSet.has(voterId);
  }

  isEligible(voterId: string): boolean {
    return this.eligibleSet.has(voterId);
  }

  /** The exclusion of this voter, or undefined if they are eligible or not on the roll. */
  exclusionOf(voterId: string): Exclusion | undefined {
    return this.exclusionById.get(voterId);
  }
}

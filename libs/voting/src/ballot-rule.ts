import { Fraction, type FractionInput } from './fraction';
import { assertValidTally, type Tally } from './tally';
import { InvalidBallotRuleError, InvalidFractionError, InvalidTallyError } from './voting-errors';

/** What is counted against the quorum: people in the room (meetings) or ballots returned (written ballots). */
export const QuorumBasis = { PRESENT: 'PRESENT', RETURNED: 'RETURNED' } as const;
export type QuorumBasis = (typeof QuorumBasis)[keyof typeof QuorumBasis];

/** What YES is measured against. CAST = YES + NO; RETURNED = YES + NO + ABSTAIN; ELECTORATE = everyone entitled. */
export const PassBase = { CAST: 'CAST', PRESENT: 'PRESENT', RETURNED: 'RETURNED', ELECTORATE: 'ELECTORATE' } as const;
export type PassBase = (typeof PassBase)[keyof typeof PassBase];

/** GTE: YES/base ≥ fraction ("at least two thirds"). GT: YES/base > fraction ("more than half"). */
export const Comparison = { GTE: 'GTE', GT: 'GT' } as const;
export type Comparison = (typeof Comparison)[keyof typeof Comparison];

export interface QuorumRule {
  readonly fraction: Fraction;
  readonly of: 'ELECTORATE';
  readonly basis: QuorumBasis;
}

export interface PassRule {
  readonly fraction: Fraction;
  readonly of: PassBase;
  readonly comparison: Comparison;
}

/**
 * What a RECUSE ballot does to the electorate. Meetings: the voter leaves it (as if excluded before
 * the ballot). Amendments: the roll frozen when the ballot opened is the base, so a recusing unit
 * stays on it and simply does not agree.
 */
export type RecusalEffect = 'LEAVES_ELECTORATE' | 'STAYS_IN_ELECTORATE';

export interface BallotRule {
  readonly name: string;
  /** null: no separate quorum (e.g. when the pass base is already the whole electorate). */
  readonly quorum: QuorumRule | null;
  readonly pass: PassRule;
  readonly recusal: RecusalEffect;
}

export interface BallotRuleSpec {
  readonly name: string;
  readonly quorum?: { readonly fraction: FractionInput; readonly of: 'ELECTORATE'; readonly basis: QuorumBasis } | null;
  readonly pass: { readonly fraction: FractionInput; readonly of: PassBase; readonly comparison: Comparison };
  /** Defaults to LEAVES_ELECTORATE. */
  readonly recusal?: RecusalEffect;
}

export interface BallotOutcome extends Tally {
  /** Name of the rule applied. */
  readonly rule: string;
  readonly quorumMet: boolean;
  /** ⌈quorum fraction × electorate⌉, or null when the rule has no separate quorum. */
  readonly quorumRequired: number | null;
  /** The count measured against the quorum (present or returned), or null without a quorum. */
  readonly quorumCount: number | null;
  /** The number YES is measured against (cast, present, returned or electorate). */
  readonly base: number;
  /**
   * The smallest YES count that meets the pass rule on this base, never below 1: a motion is never
   * carried by zero votes, and with a base of 0 nothing passes.
   */
  readonly required: number;
  /** The pass rule alone (YES ≥ required); `passed` additionally needs the quorum. */
  readonly thresholdMet: boolean;
  readonly passed: boolean;
  readonly explanation: string;
}

const QUORUM_BASES: ReadonlySet<string> = new Set(Object.values(QuorumBasis));
const PASS_BASES: ReadonlySet<string> = new Set(Object.values(PassBase));
const COMPARISONS: ReadonlySet<string> = new Set(Object.values(Comparison));

function ruleFraction(input: FractionInput, where: string): Fraction {
  let fraction: Fraction;
  try {
    fraction = Fraction.from(input);
  } catch (error) {
    if (error instanceof InvalidFractionError) throw new InvalidBallotRuleError(`${where}: ${error.message}`);
    throw error;
  }
  // 0 would let anything through and more than 1 could never be reached: both are configuration mistakes.
  if (fraction.compare(Fraction.ZERO) <= 0 || fraction.compare(Fraction.ONE) > 0) {
    throw new InvalidBallotRuleError(`${where} must be greater than 0 and at most 1, got ${fraction}.`);
  }
  return fraction;
}

/** Validates a rule spec and returns a frozen rule. */
export function defineBallotRule(spec: BallotRuleSpec): BallotRule {
  const { name, quorum, pass } = spec;
  if (typeof name !== 'string' || name.trim() === '') throw new InvalidBallotRuleError('A ballot rule needs a name.');

  let quorumRule: QuorumRule | null = null;
  if (quorum !== undefined && quorum !== null) {
    if (quorum.of !== 'ELECTORATE') throw new InvalidBallotRuleError(`${name}: a quorum is measured against the ELECTORATE.`);
    if (!QUORUM_BASES.has(quorum.basis)) throw new InvalidBallotRuleError(`${name}: unknown quorum basis ${String(quorum.basis)}.`);
    quorumRule = Object.freeze({ fraction: ruleFraction(quorum.fraction, `${name} quorum fraction`), of: quorum.of, basis: quorum.basis });
  }

  if (!PASS_BASES.has(pass.of)) throw new InvalidBallotRuleError(`${name}: unknown pass base ${String(pass.of)}.`);
  if (!COMPARISONS.has(pass.comparison)) throw new InvalidBallotRuleError(`${name}: unknown comparison ${String(pass.comparison)}.`);
  const fraction = ruleFraction(pass.fraction, `${name} pass fraction`);
  if (pass.comparison === Comparison.GT && fraction.equals(Fraction.ONE)) {
    throw new InvalidBallotRuleError(`${name}: "more than all" can never pass.`);
  }
  const passRule: PassRule = Object.freeze({ fraction, of: pass.of, comparison: pass.comparison });

  const recusal = spec.recusal ?? 'LEAVES_ELECTORATE';
  if (recusal !== 'LEAVES_ELECTORATE' && recusal !== 'STAYS_IN_ELECTORATE') throw new InvalidBallotRuleError(`${name}: unknown recusal effect ${String(recusal)}.`);
  return Object.freeze({ name, quorum: quorumRule, pass: passRule, recusal });
}

function baseCount(tally: Tally, of: PassBase | QuorumBasis, ruleName: string): number {
  switch (of) {
    case PassBase.CAST:
      return tally.cast;
    case PassBase.RETURNED:
      return tally.returned;
    case PassBase.ELECTORATE:
      return tally.electorate;
    case PassBase.PRESENT:
      if (tally.present === null) throw new InvalidTallyError(`${ruleName} counts those present, but no attendance was recorded.`);
      return tally.present;
  }
}

/** The smallest YES with YES/base (≥ or >) fraction, before the "at least 1" floor. */
function threshold(pass: PassRule, base: number): number {
  // GTE: yes ≥ f·base ⇔ yes ≥ ⌈f·base⌉. GT: yes > f·base ⇔ yes ≥ ⌊f·base⌋ + 1. Both exact in BigInt;
  // the result is at most `base` because f ≤ 1 (and f < 1 for GT), so Number() is exact.
  return Number(pass.comparison === Comparison.GTE ? pass.fraction.ceilTimes(base) : pass.fraction.floorTimes(base) + 1n);
}

const BASE_LABEL: Record<PassBase, string> = {
  CAST: 'votes cast',
  PRESENT: 'present',
  RETURNED: 'ballots returned',
  ELECTORATE: 'the electorate',
};

function describeElectorate(tally: Tally): string {
  const recused = tally.recuse > 0 ? ` after ${tally.recuse} recusal${tally.recuse === 1 ? '' : 's'}` : '';
  return `${tally.electorate} eligible${recused}`;
}

function describeBase(of: PassBase, base: number): string {
  return of === PassBase.ELECTORATE ? `the electorate of ${base}` : `${base} ${BASE_LABEL[of]}`;
}

/**
 * Applies a rule to a tally. Everything is exact integer arithmetic: the quorum is met when the
 * present (or returned) count is at least ⌈fraction × electorate⌉; the pass rule compares YES with
 * fraction × base exactly. A base of 0 never passes.
 */
export function evaluateBallot(rule: BallotRule, counted: Tally): BallotOutcome {
  // Rules may be built by hand; re-validating keeps the guarantees of defineBallotRule.
  const checked = defineBallotRule({ name: rule.name, quorum: rule.quorum, pass: rule.pass, recusal: rule.recusal });
  assertValidTally(counted);
  // Under STAYS_IN_ELECTORATE recusing voters count against the base like voters with no record.
  const tally: Tally =
    checked.recusal === 'STAYS_IN_ELECTORATE' && counted.recuse > 0
      ? Object.freeze({ ...counted, electorate: counted.electorate + counted.recuse, noRecord: counted.noRecord + counted.recuse, recuse: 0 })
      : counted;
  const { quorum, pass } = checked;

  let quorumRequired: number | null = null;
  let quorumCount: number | null = null;
  let quorumMet = true;
  let quorumText = 'No separate quorum.';
  if (quorum !== null) {
    quorumRequired = Number(quorum.fraction.ceilTimes(tally.electorate));
    quorumCount = baseCount(tally, quorum.basis, checked.name);
    quorumMet = quorumCount >= quorumRequired;
    const counted = quorum.basis === QuorumBasis.PRESENT ? 'present' : 'ballots returned';
    quorumText =
      `Quorum ${quorumMet ? 'met' : 'not met'}: ${quorumCount} ${counted}, ${quorumRequired} needed ` +
      `(${quorum.fraction} of ${describeElectorate(tally)}).`;
  }

  const base = baseCount(tally, pass.of, checked.name);
  const required = Math.max(1, threshold(pass, base));
  // The definition itself (YES·den vs num·base), not `required`, decides; the two agree by construction.
  const scaledYes = BigInt(tally.yes) * pass.fraction.denominator;
  const scaledBase = pass.fraction.numerator * BigInt(base);
  const thresholdMet = base > 0 && (pass.comparison === Comparison.GTE ? scaledYes >= scaledBase : scaledYes > scaledBase);
  const passed = quorumMet && thresholdMet;

  const comparisonText = pass.comparison === Comparison.GTE ? 'at least' : 'more than';
  const passText =
    base === 0
      ? `${tally.yes} YES; with ${describeBase(pass.of, 0)} there is nothing to pass on.`
      : `${tally.yes} YES, ${required} needed (${comparisonText} ${pass.fraction} of ${describeBase(pass.of, base)}).`;
  const countsText =
    `Counts: YES ${tally.yes}, NO ${tally.no}, ABSTAIN ${tally.abstain}, RECUSE ${tally.recuse}, NO_RECORD ${tally.noRecord}` +
    (tally.present === null ? '.' : `; present ${tally.present}.`);
  const explanation = `${checked.name}: ${passed ? 'passed' : 'not passed'}. ${quorumText} ${passText} ${countsText}`;

  return Object.freeze({
    rule: checked.name,
    eligible: tally.eligible,
    electorate: tally.electorate,
    yes: tally.yes,
    no: tally.no,
    abstain: tally.abstain,
    recuse: tally.recuse,
    noRecord: tally.noRecord,
    present: tally.present,
    returned: tally.returned,
    cast: tally.cast,
    quorumMet,
    quorumRequired,
    quorumCount,
    base,
    required,
    thresholdMet,
    passed,
    explanation,
  });
}

import { assertCount } from './counts';
import { Fraction, type FractionInput } from './fraction';
import { InvalidBallotRuleError, InvalidFractionError, InvalidNumberError } from './voting-errors';

/** A share of a population whose support (e.g. co-signatures) a proposal needs before it proceeds. */
export interface SupportRule {
  readonly name: string;
  readonly fraction: Fraction;
}

function supportFraction(input: FractionInput | SupportRule): Fraction {
  const fraction = typeof input === 'object' && !(input instanceof Fraction) ? input.fraction : Fraction.from(input);
  if (!(fraction instanceof Fraction)) throw new InvalidFractionError('A support rule needs a Fraction.');
  if (fraction.compare(Fraction.ZERO) <= 0 || fraction.compare(Fraction.ONE) > 0) {
    throw new InvalidFractionError(`A support fraction must be greater than 0 and at most 1, got ${fraction}.`);
  }
  return fraction;
}

/** Validates and freezes a support rule. */
export function defineSupportRule(spec: { readonly name: string; readonly fraction: FractionInput }): SupportRule {
  if (typeof spec.name !== 'string' || spec.name.trim() === '') throw new InvalidBallotRuleError('A support rule needs a name.');
  return Object.freeze({ name: spec.name, fraction: supportFraction(spec.fraction) });
}

/**
 * ⌈fraction × population⌉: a share "of" a population rounds up, since 2.5 supporters cannot exist and
 * 2 would fall short (1/10 of 25 needs 3). An empty population needs 0.
 */
export function supportersRequired(fraction: FractionInput | SupportRule, population: number): number {
  const share = supportFraction(fraction);
  assertCount(population, 'population');
  return Number(share.ceilTimes(population)); // ≤ population because the share is ≤ 1
}

/** supporters ≥ supportersRequired(fraction, population). Supporters cannot exceed the population. */
export function hasEnoughSupporters(fraction: FractionInput | SupportRule, population: number, supporters: number): boolean {
  const required = supportersRequired(fraction, population);
  assertCount(supporters, 'supporters');
  if (supporters > population) {
    throw new InvalidNumberError(`${supporters} supporters exceed the population of ${population}.`);
  }
  return supporters >= required;
}

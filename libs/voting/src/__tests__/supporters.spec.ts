import {
  AMENDMENT_COSIGNATURE,
  defineSupportRule,
  Fraction,
  hasEnoughSupporters,
  InvalidBallotRuleError,
  InvalidFractionError,
  InvalidNumberError,
  supportersRequired,
} from '@app/voting';
import { smallest } from './voting-test-helpers';

describe('supportersRequired', () => {
  it.each([
    [25, 3],
    [20, 2],
    [0, 0],
    [1, 1],
    [9, 1],
    [10, 1],
    [11, 2],
    [19, 2],
    [21, 3],
    [30, 3],
    [31, 4],
    [100, 10],
    [101, 11],
  ])('1/10 of %p signatory units needs %p', (population, required) => {
    expect(supportersRequired('1/10', population)).toBe(required);
    expect(supportersRequired(AMENDMENT_COSIGNATURE, population)).toBe(required);
    expect(supportersRequired(Fraction.of(1, 10), population)).toBe(required);
  });

  it.each([
    ['2/3', 9, 6],
    ['2/3', 10, 7],
    ['1/2', 7, 4],
    ['1', 7, 7],
    ['3/4', 0, 0],
  ])('%p of %p needs %p', (fraction, population, required) => {
    expect(supportersRequired(fraction, population)).toBe(required);
  });

  it('matches the smallest k with 10k ≥ n for every population 0..500', () => {
    for (let n = 0; n <= 500; n += 1) {
      expect([n, supportersRequired(AMENDMENT_COSIGNATURE, n)]).toEqual([n, smallest(n, (k) => 10 * k >= n)]);
    }
  });

  it.each([-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects the population %p', (population) => {
    expect(() => supportersRequired('1/10', population)).toThrow(InvalidNumberError);
  });

  it.each(['0', '-1/10', '11/10', '2', '1/0', 'a tenth'])('rejects the fraction %p', (fraction) => {
    expect(() => supportersRequired(fraction, 10)).toThrow(InvalidFractionError);
  });
});

describe('hasEnoughSupporters', () => {
  it.each(Array.from({ length: 30 }, (_, index) => index + 1))('population %p: threshold − 1 is short, threshold is enough', (n) => {
    const t = smallest(n, (k) => 10 * k >= n) as number;
    expect([n, t - 1, hasEnoughSupporters(AMENDMENT_COSIGNATURE, n, t - 1)]).toEqual([n, t - 1, false]);
    expect([n, t, hasEnoughSupporters(AMENDMENT_COSIGNATURE, n, t)]).toEqual([n, t, true]);
    expect(hasEnoughSupporters(AMENDMENT_COSIGNATURE, n, n)).toBe(true);
  });

  it('25 units: 2 co-signatures are not enough, 3 are', () => {
    expect(hasEnoughSupporters(AMENDMENT_COSIGNATURE, 25, 2)).toBe(false);
    expect(hasEnoughSupporters(AMENDMENT_COSIGNATURE, 25, 3)).toBe(true);
  });

  it('a population of 0 needs 0 supporters (the formula, taken literally)', () => {
    expect(hasEnoughSupporters(AMENDMENT_COSIGNATURE, 0, 0)).toBe(true);
  });

  it('rejects supporters outside 0..population', () => {
    expect(() => hasEnoughSupporters('1/10', 10, 11)).toThrow(InvalidNumberError);
    expect(() => hasEnoughSupporters('1/10', 10, -1)).toThrow(InvalidNumberError);
    expect(() => hasEnoughSupporters('1/10', 10, 1.5)).toThrow(InvalidNumberError);
  });
});

describe('defineSupportRule and AMENDMENT_COSIGNATURE', () => {
  it('AMENDMENT_COSIGNATURE is 1/10 and frozen', () => {
    expect(AMENDMENT_COSIGNATURE.name).toBe('AMENDMENT_COSIGNATURE');
    expect(AMENDMENT_COSIGNATURE.fraction.toString()).toBe('1/10');
    expect(Object.isFrozen(AMENDMENT_COSIGNATURE)).toBe(true);
  });

  it('normalises and validates', () => {
    expect(defineSupportRule({ name: 'X', fraction: '2/20' }).fraction.toString()).toBe('1/10');
    expect(() => defineSupportRule({ name: 'X', fraction: '3/2' })).toThrow(InvalidFractionError);
    expect(() => defineSupportRule({ name: '', fraction: '1/10' })).toThrow(InvalidBallotRuleError);
  });
});

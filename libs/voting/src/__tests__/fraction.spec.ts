import { Fraction, InvalidFractionError, InvalidNumberError, VotingError } from '@app/voting';
import { PublicErrorCode } from '@app/common';

function parts(fraction: Fraction): [bigint, bigint] {
  return [fraction.numerator, fraction.denominator];
}

describe('Fraction construction and normalisation', () => {
  it.each([
    [2, 3, 2n, 3n],
    [4, 6, 2n, 3n],
    [10, 100, 1n, 10n],
    [6, 3, 2n, 1n],
    [-2, 4, -1n, 2n],
    [2, -4, -1n, 2n],
    [-2, -4, 1n, 2n],
    [0, 5, 0n, 1n],
    [0, -7, 0n, 1n],
    [7, 7, 1n, 1n],
    [-0, 3, 0n, 1n],
  ])('Fraction.of(%p, %p) is %p/%p', (numerator, denominator, expectedNumerator, expectedDenominator) => {
    expect(parts(Fraction.of(numerator, denominator))).toEqual([expectedNumerator, expectedDenominator]);
  });

  it('accepts bigint parts beyond the safe number range and still reduces them', () => {
    const huge = 2n ** 80n;
    expect(parts(Fraction.of(huge * 3n, huge * 9n))).toEqual([1n, 3n]);
    expect(parts(Fraction.of(huge + 1n, 1n))).toEqual([huge + 1n, 1n]);
  });

  it('defaults the denominator to 1', () => {
    expect(parts(Fraction.of(5))).toEqual([5n, 1n]);
    expect(parts(Fraction.of(5n))).toEqual([5n, 1n]);
  });

  it('is frozen', () => {
    const fraction = Fraction.of(2, 3);
    expect(Object.isFrozen(fraction)).toBe(true);
    expect(() => {
      (fraction as unknown as { numerator: bigint }).numerator = 5n;
    }).toThrow(TypeError);
    expect(fraction.numerator).toBe(2n);
  });

  it('has exact ZERO and ONE constants', () => {
    expect(parts(Fraction.ZERO)).toEqual([0n, 1n]);
    expect(parts(Fraction.ONE)).toEqual([1n, 1n]);
  });

  it('always ends in lowest terms with a positive denominator (exhaustive over -12..12 × -12..12)', () => {
    const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
    for (let n = -12; n <= 12; n += 1) {
      for (let d = -12; d <= 12; d += 1) {
        if (d === 0) continue;
        const fraction = Fraction.of(n, d);
        expect(fraction.denominator > 0n).toBe(true);
        expect(gcd(fraction.numerator, fraction.denominator)).toBe(1n);
        // Same value: n/d = p/q ⇔ n·q = p·d.
        expect(BigInt(n) * fraction.denominator).toBe(fraction.numerator * BigInt(d));
      }
    }
  });
});

describe('Fraction.parse and Fraction.from', () => {
  it.each([
    ['2/3', 2n, 3n],
    ['4/6', 2n, 3n],
    [' 3 / 4 ', 3n, 4n],
    ['1/10', 1n, 10n],
    ['1', 1n, 1n],
    ['0', 0n, 1n],
    ['-1/2', -1n, 2n],
    ['1/-2', -1n, 2n],
    ['+5/10', 1n, 2n],
    ['100/1', 100n, 1n],
    ['12345678901234567890/2', 6172839450617283945n, 1n],
  ])('parses %p as %p/%p', (text, numerator, denominator) => {
    expect(parts(Fraction.parse(text))).toEqual([numerator, denominator]);
    expect(parts(Fraction.from(text))).toEqual([numerator, denominator]);
  });

  it.each(['', ' ', '/', '2/', '/3', '2/3/4', '0.5', '1.0/2', '1e3', '2 3', 'two/three', '2//3', '½', '0x10', '2/3x', 'NaN', 'Infinity'])(
    'rejects %p with InvalidFractionError',
    (text) => {
      expect(() => Fraction.parse(text)).toThrow(InvalidFractionError);
    },
  );

  it.each(['1/0', '0/0', '5/-0'])('rejects the zero denominator in %p', (text) => {
    expect(() => Fraction.parse(text)).toThrow(/zero denominator/);
  });

  it('rejects a non-string at runtime', () => {
    expect(() => Fraction.parse(2 as unknown as string)).toThrow(InvalidFractionError);
  });

  it('from() returns the same instance for a Fraction and converts integers', () => {
    const twoThirds = Fraction.of(2, 3);
    expect(Fraction.from(twoThirds)).toBe(twoThirds);
    expect(parts(Fraction.from(3))).toEqual([3n, 1n]);
    expect(parts(Fraction.from(-3n))).toEqual([-3n, 1n]);
  });

  it('round-trips through toString', () => {
    for (const text of ['2/3', '-7/9', '5', '0', '1/10']) {
      expect(Fraction.parse(text).toString()).toBe(text);
      expect(Fraction.parse(Fraction.parse(text).toString()).equals(text)).toBe(true);
    }
    expect(Fraction.of(4, 6).toString()).toBe('2/3');
    expect(JSON.stringify({ f: Fraction.of(3, 4) })).toBe('{"f":"3/4"}');
  });
});

describe('Fraction errors', () => {
  it.each([
    [1, 0],
    [0, 0],
    [5n, 0n],
    [-3, -0],
  ])('Fraction.of(%p, %p) rejects the zero denominator', (numerator, denominator) => {
    expect(() => Fraction.of(numerator, denominator)).toThrow(InvalidFractionError);
    expect(() => Fraction.of(numerator, denominator)).toThrow(/zero denominator/);
  });

  it.each([
    [0.5, 1],
    [1, 0.5],
    [Number.NaN, 1],
    [1, Number.NaN],
    [Number.POSITIVE_INFINITY, 1],
    [1, Number.NEGATIVE_INFINITY],
    [2 ** 53, 1],
    [1, -(2 ** 53)],
    [1e21, 3],
  ])('Fraction.of(%p, %p) rejects a part that is not an exact integer', (numerator, denominator) => {
    expect(() => Fraction.of(numerator, denominator)).toThrow(InvalidFractionError);
    expect(() => Fraction.of(numerator, denominator)).toThrow(/must be an exact integer/);
  });

  it('rejects non-numbers sneaking in at runtime', () => {
    expect(() => Fraction.of('2' as unknown as number, 3)).toThrow(InvalidFractionError);
    expect(() => Fraction.of(null as unknown as number, 3)).toThrow(InvalidFractionError);
    expect(() => Fraction.from(undefined as unknown as number)).toThrow(InvalidFractionError);
  });

  it('accepts the largest safe integer', () => {
    expect(parts(Fraction.of(Number.MAX_SAFE_INTEGER, 1))).toEqual([BigInt(Number.MAX_SAFE_INTEGER), 1n]);
  });

  it('errors are typed voting errors carrying a public code and reason', () => {
    let caught: unknown;
    try {
      Fraction.parse('2/0');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidFractionError);
    expect(caught).toBeInstanceOf(VotingError);
    expect(caught).toMatchObject({ code: PublicErrorCode.BAD_USER_INPUT, reason: 'INVALID_FRACTION', name: 'InvalidFractionError' });
  });
});

describe('Fraction comparison', () => {
  it.each([
    ['1/2', '2/3', -1],
    ['2/3', '1/2', 1],
    ['2/3', '4/6', 0],
    ['3/4', '2/3', 1],
    ['-1/2', '1/3', -1],
    ['-1/2', '-2/3', 1],
    ['0', '-0/5', 0],
    ['1', '99/100', 1],
    ['1/3', '333333333333/1000000000000', 1],
    ['2/3', '666666666667/1000000000000', -1],
  ])('compare(%p, %p) is %p', (left, right, expected) => {
    const a = Fraction.parse(left);
    expect(a.compare(right)).toBe(expected);
    expect(a.compare(Fraction.parse(right))).toBe(expected);
    expect(Fraction.parse(right).compare(a)).toBe(-expected || 0);
    expect(a.equals(right)).toBe(expected === 0);
    expect(a.lessThan(right)).toBe(expected < 0);
    expect(a.lessThanOrEqual(right)).toBe(expected <= 0);
    expect(a.greaterThan(right)).toBe(expected > 0);
    expect(a.greaterThanOrEqual(right)).toBe(expected >= 0);
  });

  it('compares with integers', () => {
    expect(Fraction.of(4, 2).equals(2)).toBe(true);
    expect(Fraction.of(4, 2).equals(2n)).toBe(true);
    expect(Fraction.of(3, 2).compare(1)).toBe(1);
    expect(Fraction.of(3, 2).compare(2)).toBe(-1);
  });

  it('matches cross-multiplication exhaustively over small fractions', () => {
    for (let a = -6; a <= 6; a += 1) {
      for (let b = 1; b <= 6; b += 1) {
        for (let c = -6; c <= 6; c += 1) {
          for (let d = 1; d <= 6; d += 1) {
            const expected = Math.sign(a * d - c * b);
            expect(Fraction.of(a, b).compare(Fraction.of(c, d))).toBe(expected === 0 ? 0 : expected);
          }
        }
      }
    }
  });

  it('isZero', () => {
    expect(Fraction.of(0, 9).isZero()).toBe(true);
    expect(Fraction.of(1, 9).isZero()).toBe(false);
  });
});

describe('Fraction × integer', () => {
  it('times multiplies and normalises', () => {
    expect(parts(Fraction.of(2, 3).times(3))).toEqual([2n, 1n]);
    expect(parts(Fraction.of(2, 3).times(4))).toEqual([8n, 3n]);
    expect(parts(Fraction.of(1, 10).times(25))).toEqual([5n, 2n]);
    expect(parts(Fraction.of(1, 10).times(0))).toEqual([0n, 1n]);
    expect(parts(Fraction.of(1, 2).times(-3n))).toEqual([-3n, 2n]);
  });

  it.each([
    ['2/3', 9, 6n, 6n],
    ['2/3', 10, 7n, 6n],
    ['2/3', 11, 8n, 7n],
    ['1/10', 25, 3n, 2n],
    ['1/10', 20, 2n, 2n],
    ['1/10', 0, 0n, 0n],
    ['3/4', 8, 6n, 6n],
    ['3/4', 7, 6n, 5n],
    ['1/2', 7, 4n, 3n],
    ['1/2', -7, -3n, -4n],
    ['-1/2', 7, -3n, -4n],
    ['-2/3', -3, 2n, 2n],
  ])('ceil/floor of %p × %p are %p and %p', (text, factor, ceil, floor) => {
    expect(Fraction.parse(text).ceilTimes(factor)).toBe(ceil);
    expect(Fraction.parse(text).floorTimes(factor)).toBe(floor);
    expect(Fraction.parse(text).ceilTimes(BigInt(factor))).toBe(ceil);
  });

  it('ceilTimes is the smallest and floorTimes the largest integer around f × n (exhaustive, including negatives)', () => {
    for (let num = -7; num <= 7; num += 1) {
      for (let den = 1; den <= 7; den += 1) {
        const fraction = Fraction.of(num, den);
        for (let n = -30; n <= 30; n += 1) {
          // k ≥ num·n/den ⇔ k·den ≥ num·n (den > 0): search the integers near the value directly.
          let ceil = -1000;
          while (ceil * den < num * n) ceil += 1;
          let floor = 1000;
          while (floor * den > num * n) floor -= 1;
          expect([num, den, n, fraction.ceilTimes(n), fraction.floorTimes(n)]).toEqual([num, den, n, BigInt(ceil), BigInt(floor)]);
        }
      }
    }
  });

  it('is exact far beyond float precision', () => {
    const third = Fraction.of(1, 3);
    const big = 3n * 10n ** 30n + 1n;
    expect(third.ceilTimes(big)).toBe(10n ** 30n + 1n);
    expect(third.floorTimes(big)).toBe(10n ** 30n);
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])('rejects the non-integer (or unsafe) multiplier %p', (factor) => {
    const fraction = Fraction.of(2, 3);
    expect(() => fraction.times(factor)).toThrow(InvalidNumberError);
    expect(() => fraction.ceilTimes(factor)).toThrow(InvalidNumberError);
    expect(() => fraction.floorTimes(factor)).toThrow(InvalidNumberError);
  });
});

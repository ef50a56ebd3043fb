import { InvalidFractionError, InvalidNumberError } from './voting-errors';

/** An exact integer. JS numbers are accepted only when they are safe integers, so nothing is rounded. */
export type IntegerInput = number | bigint;

/** Anything `Fraction.from` understands: a Fraction, an integer, or text such as "2/3" or "1". */
export type FractionInput = Fraction | string | IntegerInput;

// Optional sign on either part; whitespace tolerated around the parts, nothing else (no decimals).
const FRACTION_TEXT = /^\s*([+-]?\d+)\s*(?:\/\s*([+-]?\d+)\s*)?$/;

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

// BigInt division truncates toward zero; ballot thresholds need true floor/ceil, also for negatives.
function floorDiv(dividend: bigint, divisor: bigint): bigint {
  const quotient = dividend / divisor;
  return dividend % divisor !== 0n && dividend < 0n !== divisor < 0n ? quotient - 1n : quotient;
}

function ceilDiv(dividend: bigint, divisor: bigint): bigint {
  const quotient = dividend / divisor;
  return dividend % divisor !== 0n && dividend < 0n === divisor < 0n ? quotient + 1n : quotient;
}

/**
 * Converts an integer argument to BigInt, refusing floats, NaN, infinities and numbers beyond 2^53
 * (which JS may already have rounded). `makeError` lets the caller choose which error that is.
 */
export function toBigInt(value: unknown, what: string, makeError: (message: string) => Error = (m) => new InvalidNumberError(m)): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  throw makeError(`${what} must be an exact integer, got ${describe(value)}.`);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return value === null ? 'null' : typeof value;
}

/**
 * An exact rational number with BigInt parts, always in lowest terms with a positive denominator,
 * so structural equality of (numerator, denominator) is value equality. Immutable.
 */
export class Fraction {
  static readonly ZERO: Fraction = new Fraction(0n, 1n);
  static readonly ONE: Fraction = new Fraction(1n, 1n);

  readonly numerator: bigint;
  readonly denominator: bigint;

  private constructor(numerator: bigint, denominator: bigint) {
    this.numerator = numerator;
    this.denominator = denominator;
    Object.freeze(this);
  }

  /** numerator/denominator, normalised. Throws InvalidFractionError on a zero denominator or a non-integer part. */
  static of(numerator: IntegerInput, denominator: IntegerInput = 1n): Fraction {
    const fractionError = (message: string): Error => new InvalidFractionError(message);
    const n = toBigInt(numerator, 'Fraction numerator', fractionError);
    const d = toBigInt(denominator, 'Fraction denominator', fractionError);
    if (d === 0n) throw new InvalidFractionError(`Fraction ${n}/0 has a zero denominator.`);
    const sign = d < 0n ? -1n : 1n;
    const divisor = gcd(n, d); // never 0 because d is not 0
    return new Fraction((sign * n) / divisor, (sign * d) / divisor);
  }

  /** Parses "p/q" or "p" (integers only; "0.5" and "1e3" are refused). */
  static parse(text: string): Fraction {
    if (typeof text !== 'string') throw new InvalidFractionError(`Fraction text must be a string, got ${describe(text)}.`);
    const match = FRACTION_TEXT.exec(text);
    if (!match) throw new InvalidFractionError(`"${text}" is not a fraction; write it as "p/q" with integers, for example "2/3".`);
    return Fraction.of(BigInt(match[1]), match[2] === undefined ? 1n : BigInt(match[2]));
  }

  static from(input: FractionInput): Fraction {
    if (input instanceof Fraction) return input;
    if (typeof input === 'string') return Fraction.parse(input);
    return Fraction.of(input);
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than `other`. Exact (cross-multiplication). */
  compare(other: FractionInput): -1 | 0 | 1 {
    const that = Fraction.from(other);
    const left = this.numerator * that.denominator;
    const right = that.numerator * this.denominator;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  equals(other: FractionInput): boolean {
    return this.compare(other) === 0;
  }

  lessThan(other: FractionInput): boolean {
    return this.compare(other) < 0;
  }

  lessThanOrEqual(other: FractionInput): boolean {
    return this.compare(other) <= 0;
  }

  greaterThan(other: FractionInput): boolean {
    return this.compare(other) > 0;
  }

  greaterThanOrEqual(other: FractionInput): boolean {
    return this.compare(other) >= 0;
  }

  isZero(): boolean {
    return this.numerator === 0n;
  }

  /** This fraction multiplied by the integer `factor`, normalised. */
  times(factor: IntegerInput): Fraction {
    return Fraction.of(this.numerator * toBigInt(factor, 'Multiplier'), this.denominator);
  }

  /** ⌈this × factor⌉: the smallest integer k with k ≥ this × factor. */
  ceilTimes(factor: IntegerInput): bigint {
    return ceilDiv(this.numerator * toBigInt(factor, 'Multiplier'), this.denominator);
  }

  /** ⌊this × factor⌋: the largest integer k with k ≤ this × factor. */
  floorTimes(factor: IntegerInput): bigint {
    return floorDiv(this.numerator * toBigInt(factor, 'Multiplier'), this.denominator);
  }

  /** "2/3", or just "3" for an integer, so `Fraction.parse(f.toString())` round-trips. */
  toString(): string {
    return this.denominator === 1n ? `${this.numerator}` : `${this.numerator}/${this.denominator}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

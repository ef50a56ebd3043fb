import { InvalidNumberError } from './voting-errors';

/** Counts of people are plain numbers; they must be exact non-negative integers to enter BigInt arithmetic. */
export function assertCount(value: unknown, what: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InvalidNumberError(`${what} must be a non-negative integer, got ${String(value)}.`);
  }
}

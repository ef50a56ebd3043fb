import { Electorate, type Exclusion } from '@app/voting';

export const TAKEN_AT = new Date('2025-03-01T09:00:00.000Z');

/** unit-01, unit-02, … — stable, sortable ids. */
export function voterIds(count: number, prefix = 'unit-'): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}${String(index + 1).padStart(2, '0')}`);
}

export function electorateOf(size: number, exclusions: Exclusion[] = []): Electorate {
  return Electorate.snapshot({ roll: voterIds(size), exclusions, takenAt: TAKEN_AT });
}

/**
 * The smallest k in 0..limit satisfying `predicate`, or null. A plain integer search, deliberately
 * independent of the library's ceil/floor so it can serve as the oracle for thresholds.
 */
export function smallest(limit: number, predicate: (k: number) => boolean): number | null {
  for (let k = 0; k <= limit; k += 1) if (predicate(k)) return k;
  return null;
}

/** Splits `rest` deterministically into NO, ABSTAIN and silent, so sweeps exercise every position. */
export function splitRest(rest: number): { no: number; abstain: number; silent: number } {
  const no = Math.ceil(rest / 3);
  const abstain = Math.ceil((rest - no) / 2);
  return { no, abstain, silent: rest - no - abstain };
}

/** A small deterministic PRNG (LCG) giving integers in 0..max, so "random" cross-checks are reproducible. */
export function lcg(seed: number): (max: number) => number {
  let state = seed >>> 0;
  return (max) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state >>> 8) % (max + 1);
  };
}

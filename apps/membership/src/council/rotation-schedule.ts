import { addDays } from '@app/common';
import { covers } from './calendar-date';

/** One period of the rotating presidency (轮值会长): who holds it, from when to when (inclusive). */
export interface RotationPeriod {
  holderName: string;
  startsOn: string;
  endsOn: string;
}

export type RotationProblem =
  | { reason: 'ROTATION_PERIOD_OUTSIDE_TERM'; index: number }
  | { reason: 'ROTATION_PERIOD_EMPTY'; index: number }
  | { reason: 'ROTATION_GAP'; index: number; expectedStartsOn: string }
  | { reason: 'ROTATION_OVERLAP'; index: number; expectedStartsOn: string };

/**
 * Checks an ordered rotation schedule: each period inside the term, non-empty, and each one starting
 * the day after the previous one ends (no gap, no overlap). Returns the first problem, or null.
 */
export function checkRotationSchedule(periods: readonly RotationPeriod[], term: { startsOn: string; endsOn: string }): RotationProblem | null {
  for (let index = 0; index < periods.length; index += 1) {
    const period = periods[index];
    if (period.endsOn < period.startsOn) return { reason: 'ROTATION_PERIOD_EMPTY', index };
    if (period.startsOn < term.startsOn || period.endsOn > term.endsOn) return { reason: 'ROTATION_PERIOD_OUTSIDE_TERM', index };
    if (index > 0) {
      const expectedStartsOn = addDays(periods[index - 1].endsOn, 1);
      if (period.startsOn > expectedStartsOn) return { reason: 'ROTATION_GAP', index, expectedStartsOn };
      if (period.startsOn < expectedStartsOn) return { reason: 'ROTATION_OVERLAP', index, expectedStartsOn };
    }
  }
  return null;
}

/** The period covering `date`, or null before the first, after the last, or with no schedule. */
export function rotationPeriodOn<P extends RotationPeriod>(periods: readonly P[], date: string): P | null {
  return periods.find((period) => covers(period.startsOn, period.endsOn, date)) ?? null;
}

/**
 * An early hand-over: the period at `index` ends on `endsOn` and the next one (if any) starts the day
 * after, so the schedule stays without gaps. Returns the new schedule, or a problem.
 */
export function handOverEarly<P extends RotationPeriod>(periods: readonly P[], index: number, endsOn: string): { periods: P[] } | { reason: 'HAND_OVER_DATE_INVALID' } {
  const current = periods[index];
  if (!current || endsOn < current.startsOn || endsOn >= current.endsOn) return { reason: 'HAND_OVER_DATE_INVALID' };
  const next = periods[index + 1];
  if (next && addDays(endsOn, 1) > next.endsOn) return { reason: 'HAND_OVER_DATE_INVALID' };
  const updated = periods.map((period) => ({ ...period }));
  updated[index].endsOn = endsOn;
  if (next) updated[index + 1].startsOn = addDays(endsOn, 1);
  return { periods: updated };
}

import { checkRotationSchedule, handOverEarly, rotationPeriodOn } from './rotation-schedule';

const term = { startsOn: '2024-01-01', endsOn: '2028-12-31' };
const p = (holderName: string, startsOn: string, endsOn: string) => ({ holderName, startsOn, endsOn });

describe('rotating-presidency schedule', () => {
  const schedule = [p('甲', '2024-01-01', '2024-12-31'), p('乙', '2025-01-01', '2025-12-31'), p('丙', '2026-01-01', '2026-12-31')];

  it('accepts consecutive periods inside the term, including across a leap day', () => {
    expect(checkRotationSchedule(schedule, term)).toBeNull();
    expect(checkRotationSchedule([p('甲', '2024-01-01', '2024-02-28'), p('乙', '2024-02-29', '2024-03-31')], term)).toBeNull();
    expect(checkRotationSchedule([], term)).toBeNull();
  });

  it('names the first gap, overlap, empty period or period outside the term', () => {
    expect(checkRotationSchedule([schedule[0], p('乙', '2025-01-02', '2025-12-31')], term)).toEqual({ reason: 'ROTATION_GAP', index: 1, expectedStartsOn: '2025-01-01' });
    expect(checkRotationSchedule([schedule[0], p('乙', '2024-12-31', '2025-12-31')], term)).toEqual({ reason: 'ROTATION_OVERLAP', index: 1, expectedStartsOn: '2025-01-01' });
    expect(checkRotationSchedule([p('甲', '2024-05-01', '2024-04-30')], term)).toEqual({ reason: 'ROTATION_PERIOD_EMPTY', index: 0 });
    expect(checkRotationSchedule([p('甲', '2023-12-31', '2024-04-30')], term)).toEqual({ reason: 'ROTATION_PERIOD_OUTSIDE_TERM', index: 0 });
    expect(checkRotationSchedule([p('甲', '2028-01-01', '2029-01-01')], term)).toEqual({ reason: 'ROTATION_PERIOD_OUTSIDE_TERM', index: 0 });
  });

  it('derives the rotating president of a date, hand-over days included', () => {
    expect(rotationPeriodOn(schedule, '2024-12-31')?.holderName).toBe('甲');
    expect(rotationPeriodOn(schedule, '2025-01-01')?.holderName).toBe('乙');
    expect(rotationPeriodOn(schedule, '2026-12-31')?.holderName).toBe('丙');
    expect(rotationPeriodOn(schedule, '2027-01-01')).toBeNull();
    expect(rotationPeriodOn(schedule, '2023-12-31')).toBeNull();
  });

  it('an early hand-over moves the next start to the day after, keeping the schedule valid', () => {
    const result = handOverEarly(schedule, 1, '2025-09-30');
    expect(result).toEqual({ periods: [schedule[0], p('乙', '2025-01-01', '2025-09-30'), p('丙', '2025-10-01', '2026-12-31')] });
    if ('periods' in result) expect(checkRotationSchedule(result.periods, term)).toBeNull();
    expect(handOverEarly(schedule, 2, '2026-06-30')).toEqual({ periods: [schedule[0], schedule[1], p('丙', '2026-01-01', '2026-06-30')] });
    expect(handOverEarly(schedule, 1, '2025-12-31')).toEqual({ reason: 'HAND_OVER_DATE_INVALID' });
    expect(handOverEarly(schedule, 1, '2024-12-31')).toEqual({ reason: 'HAND_OVER_DATE_INVALID' });
    expect(handOverEarly(schedule, 5, '2025-06-30')).toEqual({ reason: 'HAND_OVER_DATE_INVALID' });
    expect(schedule[1].endsOn).toBe('2025-12-31');
  });
});

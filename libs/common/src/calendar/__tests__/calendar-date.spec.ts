import { addDays, addYears, chinaDateOf, daysBetween, isIsoDate, todayInChina } from '../calendar-date';

describe('calendar dates', () => {
  it('validates ISO dates strictly', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-2-1')).toBe(false);
    expect(isIsoDate(20240101)).toBe(false);
  });

  it('adds and counts days across months and years', () => {
    expect(addDays('2024-01-31', 30)).toBe('2024-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-03-01', '2024-01-31')).toBe(-30);
  });

  it('adds years, 29 February falling back to 28 February in a common year', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2023-06-30', 3)).toBe('2026-06-30');
  });

  it('takes dates in China time, a day ahead of UTC late in the evening', () => {
    expect(todayInChina(new Date('2024-05-31T16:30:00Z'))).toBe('2024-06-01');
    expect(todayInChina(new Date('2024-05-31T15:30:00Z'))).toBe('2024-05-31');
    expect(chinaDateOf(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
  });
});

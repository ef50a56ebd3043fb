/**
 * Calendar dates as ISO `YYYY-MM-DD` strings. The associations' calendar is China Standard Time
 * (UTC+8, no daylight saving): "today", deadlines and meeting dates are China dates.
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CHINA_OFFSET_MS = 8 * 3600_000;

/** True for a real calendar date written `YYYY-MM-DD` (no 30 February). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The date in China at an instant. */
export function chinaDateOf(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's date in China. */
export function todayInChina(now: Date = new Date()): string {
  return chinaDateOf(now);
}

/** The date `days` days after (or before, when negative) a date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds whole years; 29 February falls back to 28 February in common years. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** `to` − `from` in whole days. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

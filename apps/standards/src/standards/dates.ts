/**
 * Today for the standards service, as a UTC date. Other calendar arithmetic is `@app/common`'s; this
 * service has always taken "today" in UTC rather than China time, and keeps doing so.
 */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * iCalendar (RFC 5545) rendering: CRLF line ends, content lines folded at 75 octets (never inside a
 * UTF-8 sequence), TEXT values escaped (\\ ; , and newlines), UTC date-times.
 */
export interface CalendarEntry {
  uid: string;
  title: string;
  description?: string | null;
  location?: string | null;
  startsAt: Date;
  endsAt: Date;
  /** Revision of the entry (RFC 5545 SEQUENCE): clients replace a stored entry only when it grows. */
  sequence?: number;
  /** When the entry last changed (DTSTAMP is when the feed was produced, LAST-MODIFIED this). */
  updatedAt?: Date;
  url?: string | null;
  status?: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';
  categories?: string[];
}

export interface CalendarFeed {
  name: string;
  entries: readonly CalendarEntry[];
  /** DTSTAMP of every entry: when the feed was generated. */
  generatedAt: Date;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line: no physical line exceeds 75 octets; continuation lines start with a
 * single space (which counts toward their 75). Characters are never split.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = ' ';
      octets = 1;
      limit = MAX_OCTETS;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** 20261123T093000Z */
export function formatUtc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function renderCalendar(feed: CalendarFeed): string {
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Zilv//Events//ZH', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(feed.name)}`, 'X-WR-TIMEZONE:Asia/Shanghai'];
  const stamp = formatUtc(feed.generatedAt);
  for (const entry of feed.entries) {
    lines.push('BEGIN:VEVENT', `UID:${entry.uid}`, `DTSTAMP:${stamp}`, `DTSTART:${formatUtc(entry.startsAt)}`, `DTEND:${formatUtc(entry.endsAt)}`);
    if (entry.sequence !== undefined) lines.push(`SEQUENCE:${entry.sequence}`);
    lines.push(`SUMMARY:${escapeText(entry.title)}`);
    if (entry.description) lines.push(`DESCRIPTION:${escapeText(entry.description)}`);
    if (entry.location) lines.push(`LOCATION:${escapeText(entry.location)}`);
    if (entry.categories?.length) lines.push(`CATEGORIES:${entry.categories.map(escapeText).join(',')}`);
    if (entry.updatedAt) lines.push(`LAST-MODIFIED:${formatUtc(entry.updatedAt)}`);
    if (entry.url) lines.push(`URL:${entry.url}`);
    lines.push(`STATUS:${entry.status ?? 'CONFIRMED'}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

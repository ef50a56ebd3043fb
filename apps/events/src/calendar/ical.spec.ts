import { escapeText, foldLine, formatUtc, renderCalendar } from './ical';

describe('iCalendar rendering', () => {
  it('escapes backslash, semicolon, comma and every kind of newline in TEXT values', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('leaves lines of at most 75 octets alone', () => {
    const line = 'X'.repeat(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds at 75 octets with CRLF + space, and unfolds to the original', () => {
    const line = `SUMMARY:${'a'.repeat(200)}`;
    const folded = foldLine(line);
    for (const physical of folded.split('\r\n')) expect(Buffer.byteLength(physical)).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n')[0]).toHaveLength(75);
    expect(folded.split('\r\n').slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('never splits a multi-byte character (Chinese text is 3 octets per character)', () => {
    const line = `SUMMARY:${'会员大会理事会议'.repeat(20)}`;
    const folded = foldLine(line);
    for (const physical of folded.split('\r\n')) {
      expect(Buffer.byteLength(physical)).toBeLessThanOrEqual(75);
      expect(physical).not.toContain('\uFFFD');
      expect(Buffer.from(physical, 'utf8').toString('utf8')).toBe(physical);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('renders a calendar with CRLF line ends, UID, DTSTAMP and UTC start and end', () => {
    const text = renderCalendar({
      name: '协会活动',
      generatedAt: new Date('2026-11-01T00:00:00Z'),
      entries: [{ uid: 'e1@zilv', title: '培训; 第一期, 上午', description: '第一行\n第二行', location: '武汉', startsAt: new Date('2026-12-01T01:30:00Z'), endsAt: new Date('2026-12-01T04:00:00Z') }],
    });
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).toContain('UID:e1@zilv\r\n');
    expect(text).toContain('DTSTAMP:20261101T000000Z\r\n');
    expect(text).toContain('DTSTART:20261201T013000Z\r\nDTEND:20261201T040000Z\r\n');
    expect(text).toContain('SUMMARY:培训\\; 第一期\\, 上午\r\n');
    expect(text).toContain('DESCRIPTION:第一行\\n第二行\r\n');
    expect(formatUtc(new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102T030405Z');
  });

  it('gives SEQUENCE when the entry has a revision (0 included), and STATUS:CANCELLED for an event called off', () => {
    const entry = { uid: 'e2@zilv', title: '论坛', startsAt: new Date('2026-12-01T01:30:00Z'), endsAt: new Date('2026-12-01T04:00:00Z') };
    const at = new Date('2026-11-01T00:00:00Z');
    expect(renderCalendar({ name: 'x', generatedAt: at, entries: [entry] })).not.toContain('SEQUENCE:');
    expect(renderCalendar({ name: 'x', generatedAt: at, entries: [{ ...entry, sequence: 0 }] })).toContain('DTEND:20261201T040000Z\r\nSEQUENCE:0\r\n');
    const cancelled = renderCalendar({ name: 'x', generatedAt: at, entries: [{ ...entry, sequence: 3, status: 'CANCELLED' }] });
    expect(cancelled).toContain('SEQUENCE:3\r\n');
    expect(cancelled).toContain('STATUS:CANCELLED\r\nEND:VEVENT');
  });
});

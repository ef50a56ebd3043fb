import { addYears, daysBetween, isIsoDate } from '@app/common';
import { commentResolutionTable, csvField, UTF8_BOM } from '../comment-table.csv';
import { compareClauseNumbers, diffDrafts, lineDiff } from '../draft-diff';
import { EM_DASH, formatStandardCode, parseStandardCode } from '../publication-code';

describe('publication codes', () => {
  it('formats T/<code> <3-digit sequence>—<year> with an em dash', () => {
    expect(formatStandardCode('WHCSA', 1, 2024)).toBe('T/WHCSA 001\u20142024');
    expect(formatStandardCode('WHCSA', 42, 2025)).toBe('T/WHCSA 042—2025');
    expect(formatStandardCode('WHCSA', 999, 2025)).toBe('T/WHCSA 999—2025');
    expect(EM_DASH.codePointAt(0)).toBe(0x2014);
    expect(formatStandardCode('WHCSA', 7, 2024)).not.toContain('-');
  });

  it('refuses sequences, years and codes that cannot be printed', () => {
    expect(() => formatStandardCode('WHCSA', 0, 2024)).toThrow(RangeError);
    expect(() => formatStandardCode('WHCSA', 1000, 2024)).toThrow(RangeError);
    expect(() => formatStandardCode('WHCSA', 1.5, 2024)).toThrow(RangeError);
    expect(() => formatStandardCode('whcsa', 1, 2024)).toThrow(RangeError);
    expect(() => formatStandardCode('WHCSA', 1, 24)).toThrow(RangeError);
  });

  it('parses what it formats, and nothing with a hyphen', () => {
    expect(parseStandardCode('T/WHCSA 012—2024')).toEqual({ associationCode: 'WHCSA', sequence: 12, year: 2024 });
    expect(parseStandardCode('T/WHCSA 012-2024')).toBeNull();
  });
});

describe('draft diff', () => {
  const clause = (number: string, text: string, title: string | null = null) => ({ number, title, text });

  it('reports added, removed and changed clauses in clause order, with a line diff inside changed ones', () => {
    const from = { text: null, clauses: [clause('1', '范围'), clause('4.2', '第一行\n第二行'), clause('4.10', '旧条款'), clause('5', '不变')] };
    const to = { text: null, clauses: [clause('1', '范围'), clause('4.2', '第一行\n第二行（修改）'), clause('4.2.1', '新条款'), clause('5', '不变')] };
    const diff = diffDrafts(from, to);
    expect(diff.clauseAware).toBe(true);
    expect(diff.clauses.map((c) => [c.number, c.change])).toEqual([['4.2', 'CHANGED'], ['4.2.1', 'ADDED'], ['4.10', 'REMOVED']]);
    expect(diff.clauses[0].lines).toEqual([
      { kind: 'SAME', text: '第一行' },
      { kind: 'REMOVED', text: '第二行' },
      { kind: 'ADDED', text: '第二行（修改）' },
    ]);
    expect([diff.added, diff.removed, diff.changed]).toEqual([1, 1, 1]);
  });

  it('a title change alone is a change', () => {
    const diff = diffDrafts({ text: null, clauses: [clause('3', 'x', '术语')] }, { text: null, clauses: [clause('3', 'x', '术语和定义')] });
    expect(diff.clauses).toEqual([{ number: '3', change: 'CHANGED', titleBefore: '术语', titleAfter: '术语和定义', lines: [{ kind: 'SAME', text: 'x' }] }]);
  });

  it('falls back to a whole-text line diff when a version is unstructured', () => {
    const diff = diffDrafts({ text: 'a\nb\nc', clauses: null }, { text: 'a\nc\nd', clauses: null });
    expect(diff.clauseAware).toBe(false);
    expect(diff.lines.filter((l) => l.kind !== 'SAME').map((l) => `${l.kind}:${l.text}`)).toEqual(['REMOVED:b', 'ADDED:d']);
    expect(lineDiff('same', 'same')).toEqual([{ kind: 'SAME', text: 'same' }]);
  });

  it('orders clause numbers numerically', () => {
    expect(['4.10', '4.2.1', '4.2', '10', 'A.1', '1'].sort(compareClauseNumbers)).toEqual(['1', '4.2', '4.2.1', '4.10', '10', 'A.1']);
  });
});

describe('comment resolution table CSV', () => {
  it('starts with a UTF-8 BOM, quotes what needs quoting and neutralizes formulas', () => {
    const csv = commentResolutionTable([
      { clause: '4.2', paragraph: '表1', commentType: 'te', comment: '建议增加"数据分级"，见附录', proposedChange: '=HYPERLINK("x")', commenterName: '张三', commenterOrganization: '某单位', disposition: 'REJECTED', observation: '超出范围' },
    ]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, row] = csv.slice(1).trimEnd().split('\r\n');
    expect(header.split(',')[0]).toBe('序号');
    expect(row).toBe(`1,4.2,表1,te 技术,"建议增加""数据分级""，见附录","'=HYPERLINK(""x"")",某单位 张三,不采纳,超出范围`);
    expect(csvField(null)).toBe('');
  });

});

describe('calendar dates', () => {
  it('validates, counts days and adds years (29 February falls back)', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(daysBetween('2024-01-01', '2024-01-31')).toBe(30);
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addYears('2024-06-01', 5)).toBe('2029-06-01');
  });
});

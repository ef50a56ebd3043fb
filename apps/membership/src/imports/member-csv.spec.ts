import { computeCreditCodeCheckCharacter } from '@app/common';
import { mapMemberCsvHeaders, parseCalendarDate, parseMemberCsv } from './member-csv';

const code = (body: string) => body + computeCreditCodeCheckCharacter(body);
const FIELDS = new Set(['网络安全', '数据安全']);

describe('member CSV', () => {
  it('maps Chinese and English headers, ignoring unknown ones and a BOM', () => {
    const { columns, missing } = mapMemberCsvHeaders(['\uFEFF单位名称', 'Credit Code', '会员等级', '备注', '业务领域', '技术人员数']);
    expect(columns).toEqual(['name', 'creditCode', 'grade', null, 'fieldsOfWork', 'technicalStaffCount']);
    expect(missing).toEqual([]);
  });

  it('names missing required columns', () => {
    expect(mapMemberCsvHeaders(['单位名称', '地址']).missing).toEqual(['creditCode']);
  });

  it('parses dates in the usual Chinese spellings and refuses impossible ones', () => {
    expect(parseCalendarDate('2015-03-01')).toBe('2015-03-01');
    expect(parseCalendarDate('2015/3/1')).toBe('2015-03-01');
    expect(parseCalendarDate('2015年3月1日')).toBe('2015-03-01');
    expect(parseCalendarDate('2015-02-30')).toBeNull();
    expect(parseCalendarDate('March 2015')).toBeNull();
  });

  it('validates every row and reports row number, column and reason', () => {
    const good = code('91420100MA4K00001');
    const csv = [
      '\uFEFF单位名称,统一社会信用代码,会员等级,成立日期,业务领域,技术人员数',
      `甲单位,${good},理事单位,2015-03-01,网络安全；数据安全,12`,
      `乙单位,${good.slice(0, 17)}0,会员,2016-01-01,网络安全,3`,
      `丙单位,${code('91420100MA4K00002')},顾问单位,2016-13-01,量子安全,很多`,
      `丁单位,${good},会员,,,`,
    ].join('\n');
    const parsed = parseMemberCsv(csv, FIELDS, '2026-01-01');
    expect(parsed.total).toBe(4);
    expect(parsed.rows).toEqual([
      expect.objectContaining({ row: 2, name: '甲单位', creditCode: good, grade: 'COUNCIL', foundedOn: '2015-03-01', fieldsOfWork: ['网络安全', '数据安全'], technicalStaffCount: 12 }),
    ]);
    expect(parsed.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '统一社会信用代码'],
      [4, '会员等级'],
      [4, '成立日期'],
      [4, '业务领域'],
      [4, '技术人员数'],
      [5, '统一社会信用代码'],
    ]);
    expect(parsed.errors[5].reason).toContain('row 2');
  });

  it('refuses a file without the required columns as a whole', () => {
    const parsed = parseMemberCsv('单位名称,地址\n甲,某地\n', FIELDS, '2026-01-01');
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([{ row: 1, column: '统一社会信用代码', reason: expect.stringContaining('Missing required column') }]);
  });
});

import { parse } from 'csv-parse/sync';
import { validateCreditCode } from '@app/common';
import type { MembershipGradeName } from '@app/messaging';

/** Columns of a member import, by their canonical (English) key. */
export type MemberCsvColumn =
  | 'name'
  | 'creditCode'
  | 'grade'
  | 'legalRepresentative'
  | 'registeredCity'
  | 'address'
  | 'foundedOn'
  | 'fieldsOfWork'
  | 'technicalStaffCount';

/** Header spellings accepted for each column (compared after trimming, case-insensitively). */
export const MEMBER_CSV_HEADERS: Readonly<Record<MemberCsvColumn, readonly string[]>> = {
  name: ['单位名称', '名称', 'name', 'organization', 'organization name'],
  creditCode: ['统一社会信用代码', '信用代码', 'credit code', 'creditcode', 'credit_code'],
  grade: ['会员等级', '等级', 'grade'],
  legalRepresentative: ['法定代表人', 'legal representative', 'legalrepresentative', 'legal_representative'],
  registeredCity: ['注册城市', '城市', 'registered city', 'registeredcity', 'registered_city', 'city'],
  address: ['地址', '注册地址', 'address'],
  foundedOn: ['成立日期', 'founded on', 'foundedon', 'founded_on', 'founding date'],
  fieldsOfWork: ['业务领域', '领域', 'fields of work', 'fieldsofwork', 'fields_of_work'],
  technicalStaffCount: ['技术人员数', '技术人员数量', 'technical staff', 'technicalstaffcount', 'technical_staff_count'],
};

const REQUIRED: readonly MemberCsvColumn[] = ['name', 'creditCode'];

/** Grades by their Chinese name or their code. */
export const GRADE_BY_LABEL: Readonly<Record<string, MembershipGradeName>> = {
  会员: 'MEMBER',
  会员单位: 'MEMBER',
  理事单位: 'COUNCIL',
  常务理事单位: 'STANDING_COUNCIL',
  副会长单位: 'VICE_PRESIDENT',
  会长单位: 'PRESIDENT',
  监事单位: 'SUPERVISOR',
  MEMBER: 'MEMBER',
  COUNCIL: 'COUNCIL',
  STANDING_COUNCIL: 'STANDING_COUNCIL',
  VICE_PRESIDENT: 'VICE_PRESIDENT',
  PRESIDENT: 'PRESIDENT',
  SUPERVISOR: 'SUPERVISOR',
};

export interface MemberCsvRow {
  /** Line of the file the row came from (the header is line 1). */
  row: number;
  name: string;
  creditCode: string;
  grade: MembershipGradeName;
  legalRepresentative: string | null;
  registeredCity: string | null;
  address: string | null;
  foundedOn: string | null;
  fieldsOfWork: string[];
  technicalStaffCount: number | null;
}

export interface MemberCsvError {
  row: number;
  column: string;
  reason: string;
}

export interface ParsedMemberCsv {
  rows: MemberCsvRow[];
  errors: MemberCsvError[];
  /** Data rows in the file, valid or not. */
  total: number;
}

function normalise(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().toLowerCase();
}

/** Maps the file's headers to columns; unknown headers are ignored, a missing required one is an error. */
export function mapMemberCsvHeaders(headers: readonly string[]): { columns: Array<MemberCsvColumn | null>; missing: MemberCsvColumn[] } {
  const lookup = new Map<string, MemberCsvColumn>();
  for (const [column, names] of Object.entries(MEMBER_CSV_HEADERS) as Array<[MemberCsvColumn, readonly string[]]>) {
    for (const name of names) lookup.set(name.toLowerCase(), column);
  }
  const columns = headers.map((header) => lookup.get(normalise(header)) ?? null);
  const missing = REQUIRED.filter((column) => !columns.includes(column));
  return { columns, missing };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Accepts 2015-03-01, 2015/3/1 and 2015年3月1日; returns ISO or null when not a real date. */
export function parseCalendarDate(value: string): string | null {
  const match = /^(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?$/.exec(value.trim());
  if (!match) return null;
  const iso = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  const [, y, m, d] = ISO_DATE.exec(iso)!.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? iso : null;
}

/**
 * Parses a member CSV (UTF-8, with or without BOM, Chinese or English headers) and validates every
 * row against the association's taxonomy. Rows with errors are reported, never half-imported; a
 * credit code seen earlier in the same file is an error on the later row.
 */
export function parseMemberCsv(text: string, knownFields: ReadonlySet<string>, today: string): ParsedMemberCsv {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    return { rows: [], errors: [{ row: line, column: '', reason: `Not readable as CSV: ${(error as Error).message}` }], total: 0 };
  }
  if (records.length === 0) return { rows: [], errors: [{ row: 1, column: '', reason: 'The file is empty: a header line is expected.' }], total: 0 };
  const { columns, missing } = mapMemberCsvHeaders(records[0]);
  if (missing.length > 0) {
    const names = missing.map((column) => MEMBER_CSV_HEADERS[column][0]).join(', ');
    return { rows: [], errors: [{ row: 1, column: names, reason: `Missing required column(s): ${names}.` }], total: records.length - 1 };
  }
  const headerOf = (column: MemberCsvColumn): string => records[0][columns.indexOf(column)] ?? MEMBER_CSV_HEADERS[column][0];
  const rows: MemberCsvRow[] = [];
  const errors: MemberCsvError[] = [];
  const seen = new Map<string, number>();
  for (let index = 1; index < records.length; index++) {
    const rowNumber = index + 1;
    const values: Partial<Record<MemberCsvColumn, string>> = {};
    records[index].forEach((value, position) => {
      const column = columns[position];
      if (column) values[column] = value.trim();
    });
    const rowErrors: MemberCsvError[] = [];
    const fail = (column: MemberCsvColumn, reason: string) => rowErrors.push({ row: rowNumber, column: headerOf(column), reason });
    const name = values.name ?? '';
    if (name.length < 2 || name.length > 200) fail('name', 'The name must have 2 to 200 characters.');
    const creditCode = values.creditCode ?? '';
    const check = validateCreditCode(creditCode);
    if (!check.valid) fail('creditCode', check.message);
    else if (seen.has(creditCode)) fail('creditCode', `The same credit code is already on row ${seen.get(creditCode)}.`);
    let grade: MembershipGradeName = 'MEMBER';
    if (values.grade) {
      const found = GRADE_BY_LABEL[values.grade] ?? GRADE_BY_LABEL[values.grade.toUpperCase()];
      if (found) grade = found;
      else fail('grade', `Unknown grade "${values.grade}"; use 会员, 理事单位, 常务理事单位, 副会长单位, 会长单位 or 监事单位.`);
    }
    let foundedOn: string | null = null;
    if (values.foundedOn) {
      foundedOn = parseCalendarDate(values.foundedOn);
      if (!foundedOn) fail('foundedOn', `"${values.foundedOn}" is not a date (write YYYY-MM-DD).`);
      else if (foundedOn > today) fail('foundedOn', 'The founding date is in the future.');
    }
    const fieldsOfWork = values.fieldsOfWork ? [...new Set(values.fieldsOfWork.split(/[;；,，、|]/).map((f) => f.trim()).filter(Boolean))] : [];
    const unknown = fieldsOfWork.filter((field) => !knownFields.has(field));
    if (unknown.length > 0) fail('fieldsOfWork', `Not in the association's fields of work: ${unknown.join(', ')}.`);
    let technicalStaffCount: number | null = null;
    if (values.technicalStaffCount) {
      if (!/^\d{1,7}$/.test(values.technicalStaffCount)) fail('technicalStaffCount', `"${values.technicalStaffCount}" is not a whole number of people.`);
      else technicalStaffCount = Number(values.technicalStaffCount);
    }
    if (check.valid && !seen.has(creditCode)) seen.set(creditCode, rowNumber);
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    rows.push({
      row: rowNumber,
      name,
      creditCode,
      grade,
      legalRepresentative: values.legalRepresentative || null,
      registeredCity: values.registeredCity || null,
      address: values.address || null,
      foundedOn,
      fieldsOfWork,
      technicalStaffCount,
    });
  }
  return { rows, errors, total: records.length - 1 };
}

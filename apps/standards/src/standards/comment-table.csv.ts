/** UTF-8 byte order mark: Excel opens a CSV as UTF-8 (and shows Chinese correctly) only with it. */
export const UTF8_BOM = '\uFEFF';

/** One CSV field per RFC 4180; cells starting with =, +, - or @ are prefixed so a spreadsheet does not run them. */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return UTF8_BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const DISPOSITION_LABELS: Record<string, string> = {
  ACCEPTED: '采纳',
  PARTLY_ACCEPTED: '部分采纳',
  REJECTED: '不采纳',
  NOTED: '备注',
};

export const COMMENT_TYPE_LABELS: Record<string, string> = { ge: 'ge 一般', te: 'te 技术', ed: 'ed 编辑' };

export interface CommentRow {
  clause: string;
  paragraph: string | null;
  commentType: string;
  comment: string;
  proposedChange: string | null;
  commenterName: string;
  commenterOrganization: string | null;
  disposition: string | null;
  observation: string | null;
}

/** 征求意见汇总处理表: the ISO/IEC comment template columns plus who commented and the disposition. */
export function commentResolutionTable(comments: readonly CommentRow[]): string {
  const header = ['序号', '章条编号 Clause', '段/图/表 Paragraph/Figure/Table', '意见类型 Type', '意见内容 Comment', '建议修改 Proposed change', '提出单位/人 Commenter', '处理意见 Disposition', '处理说明 Observations'];
  return toCsv([
    header,
    ...comments.map((c, i) => [
      i + 1,
      c.clause,
      c.paragraph,
      COMMENT_TYPE_LABELS[c.commentType] ?? c.commentType,
      c.comment,
      c.proposedChange,
      c.commenterOrganization ? `${c.commenterOrganization} ${c.commenterName}` : c.commenterName,
      c.disposition ? DISPOSITION_LABELS[c.disposition] : '未处理',
      c.observation,
    ]),
  ]);
}


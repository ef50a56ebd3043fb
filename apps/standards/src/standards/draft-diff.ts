import { diffLines } from 'diff';

export interface DraftClause {
  /** e.g. "4.2.1". */
  number: string;
  title?: string | null;
  text: string;
}

export type LineKind = 'ADDED' | 'REMOVED' | 'SAME';
export interface DiffLine {
  kind: LineKind;
  text: string;
}

export type ClauseChangeKind = 'ADDED' | 'REMOVED' | 'CHANGED';
export interface ClauseChange {
  number: string;
  change: ClauseChangeKind;
  titleBefore: string | null;
  titleAfter: string | null;
  /** Line diff of the clause text (all lines ADDED or REMOVED for added/removed clauses). */
  lines: DiffLine[];
}

export interface DraftContent {
  text: string | null;
  clauses: DraftClause[] | null;
}

export interface DraftDiffResult {
  /** True when both versions are structured in clauses and the diff is clause by clause. */
  clauseAware: boolean;
  clauses: ClauseChange[];
  /** Whole-text line diff when at least one version is unstructured. */
  lines: DiffLine[];
  added: number;
  removed: number;
  changed: number;
}

/** Line diff with one entry per line (the `diff` package groups consecutive lines). */
export function lineDiff(before: string, after: string): DiffLine[] {
  const result: DiffLine[] = [];
  // A last line with and without a newline is the same line.
  const terminated = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);
  for (const part of diffLines(terminated(before), terminated(after))) {
    const kind: LineKind = part.added ? 'ADDED' : part.removed ? 'REMOVED' : 'SAME';
    const lines = part.value.replace(/\n$/, '').split('\n');
    for (const text of lines) result.push({ kind, text });
  }
  return result;
}

/** Clause numbers in document order: 4.2 < 4.2.1 < 4.10. */
export function compareClauseNumbers(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    if (pa[i] === undefined) return -1;
    if (pb[i] === undefined) return 1;
    const na = Number(pa[i]);
    const nb = Number(pb[i]);
    if (Number.isInteger(na) && Number.isInteger(nb) && na !== nb) return na - nb;
    if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  }
  return 0;
}

/** Renders clauses as text (for a diff against an unstructured version). */
export function clausesAsText(clauses: DraftClause[]): string {
  return clauses.map((c) => `${c.number}${c.title ? ` ${c.title}` : ''}\n${c.text}`).join('\n');
}

/**
 * Differences between two draft versions: clause by clause when both are structured (added, removed
 * and changed clauses, with a line diff inside changed ones), else a line diff of the whole text.
 */
export function diffDrafts(from: DraftContent, to: DraftContent): DraftDiffResult {
  if (from.clauses && to.clauses) {
    const before = new Map(from.clauses.map((c) => [c.number, c]));
    const after = new Map(to.clauses.map((c) => [c.number, c]));
    const numbers = [...new Set([...before.keys(), ...after.keys()])].sort(compareClauseNumbers);
    const clauses: ClauseChange[] = [];
    for (const number of numbers) {
      const b = before.get(number);
      const a = after.get(number);
      if (b && !a) clauses.push({ number, change: 'REMOVED', titleBefore: b.title ?? null, titleAfter: null, lines: lineDiff(b.text, '').filter((l) => l.text !== '' || l.kind !== 'SAME') });
      else if (a && !b) clauses.push({ number, change: 'ADDED', titleBefore: null, titleAfter: a.title ?? null, lines: lineDiff('', a.text) });
      else if (a && b && (a.text !== b.text || (a.title ?? null) !== (b.title ?? null))) {
        clauses.push({ number, change: 'CHANGED', titleBefore: b.title ?? null, titleAfter: a.title ?? null, lines: lineDiff(b.text, a.text) });
      }
    }
    const count = (kind: ClauseChangeKind) => clauses.filter((c) => c.change === kind).length;
    return { clauseAware: true, clauses, lines: [], added: count('ADDED'), removed: count('REMOVED'), changed: count('CHANGED') };
  }
  const text = (content: DraftContent) => content.text ?? clausesAsText(content.clauses ?? []);
  const lines = lineDiff(text(from), text(to));
  return {
    clauseAware: false,
    clauses: [],
    lines,
    added: lines.filter((l) => l.kind === 'ADDED').length,
    removed: lines.filter((l) => l.kind === 'REMOVED').length,
    changed: 0,
  };
}

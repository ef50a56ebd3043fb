import { NUMERAL_CHARS, articleLabel, chapterLabel, itemMarker, parseChineseNumeral } from './chinese-numerals';

export interface ImportedItem {
  /** 1 for （一）. */
  number: number;
  /** Normalised marker, always full-width: "（一）". */
  marker: string;
  text: string;
}

export interface ImportedArticle {
  /** The number the document gives it (kept, so complaints and sanctions can cite it). */
  number: number;
  /** "第二十一条". */
  label: string;
  /** The chapter it sits in, or null for a document without chapters. */
  chapterNumber: number | null;
  /** The whole article body (first paragraph, further paragraphs and items, one per line). */
  text: string;
  items: ImportedItem[];
}

export interface ImportedChapter {
  number: number;
  /** "第一章". */
  label: string;
  /** The heading with the spaces inside it removed: "总则". */
  title: string;
}

export type ImportWarningKind =
  | 'ARTEFACT_REMOVED'
  | 'PREAMBLE_SKIPPED'
  | 'TRAILER_SKIPPED'
  | 'FOLLOWING_DOCUMENT_SKIPPED'
  | 'NUMBERING_GAP'
  | 'NUMBERING_OUT_OF_ORDER'
  | 'SECTION_HEADING_IGNORED'
  | 'TEXT_OUTSIDE_ARTICLE'
  | 'ITEM_NUMBERING_GAP'
  | 'NO_ARTICLES';

export interface ImportWarning {
  kind: ImportWarningKind;
  /** 1-based line in the input. */
  line: number;
  message: string;
}

export interface ImportedConventionText {
  /** The document's title, taken from the lines just before the first heading. */
  title: string | null;
  /** True when the title block says （草案）/(征求意见稿). */
  markedAsDraft: boolean;
  chapters: ImportedChapter[];
  articles: ImportedArticle[];
  warnings: ImportWarning[];
}

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const HEADING_NUMERAL = `[${NUMERAL_CHARS}]+`;
const CHAPTER = new RegExp(`^第\\s*(${HEADING_NUMERAL})\\s*章(?:\\s+|$)?(.*)$`);
const SECTION = new RegExp(`^第\\s*(${HEADING_NUMERAL})\\s*节(?:\\s|$)`);
const ARTICLE = new RegExp(`^第\\s*(${HEADING_NUMERAL})\\s*条(?:\\s*[：:]?\\s*)(.*)$`);
const ITEM = new RegExp(`^[（(]\\s*([${NUMERAL_CHARS}]+)\\s*[)）][、.．\\s]*(.*)$`);

/** Lines word processors and converters leave behind that are never part of the text. */
const ARTEFACT_LINES: readonly RegExp[] = [
  /^\[bookmark:[^\]]*\]$/i,
  /^Evaluation Warning\b/i,
  /^Created with an evaluation copy\b/i,
  /^[-—–－\s]*[0-9０-９]+[-—–－\s]*$/, // page numbers: "- 3 -", "12"
  /^第\s*[0-9０-９]+\s*页(?:\s*[,，/]?\s*共\s*[0-9０-９]+\s*页)?$/,
  /^(?:Page\s+)?[0-9]+\s*(?:of|\/)\s*[0-9]+$/i,
];
const INLINE_ARTEFACTS = /\[bookmark:[^\]]*\]/gi;

/** A line that belongs to a signature or contact block rather than to the text. */
const SIGNATURE_LINE: readonly RegExp[] = [
  /^(?:签约(?:成员|单位|时间|日期|代表)|签署(?:单位|时间|日期)|负责人|联系人|联系电话|联系方式|电话|手机|法定代表人|委托代表|授权代表|单位名称|单位(?:盖章|公章)|盖章|签章|签字|签名|日期|时间)\s*[：:]/,
  /[（(]\s*(?:盖章|签章|公章|签字)\s*[)）]\s*$/,
  /^[0-9０-９]{4}\s*[.．年/-]\s*[0-9０-９]{1,2}\s*[.．月/-]\s*[0-9０-９]{1,2}\s*日?$/,
];
const DRAFT_MARK = /^[（(]\s*(?:草案|征求意见稿|送审稿|讨论稿)\s*[)）]$/;
const ANNEX_MARK = /^附件\s*[一二三四五六七八九十0-9]*\s*[：:]?$/;

function normaliseLine(raw: string): string {
  return raw
    .replace(ZERO_WIDTH, '')
    .replace(/[\t\u00A0\u3000\u2000-\u200A\u202F\u205F]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

interface Line {
  no: number;
  text: string;
}

/** Splits into normalised, non-empty lines; artefacts are dropped with a warning. */
function cleanLines(input: string, warnings: ImportWarning[]): Line[] {
  const lines: Line[] = [];
  const rawLines = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/[\f\v]/g, '\n').split('\n');
  rawLines.forEach((raw, index) => {
    const no = index + 1;
    let text = normaliseLine(raw);
    if (INLINE_ARTEFACTS.test(text)) {
      INLINE_ARTEFACTS.lastIndex = 0;
      const stripped = normaliseLine(text.replace(INLINE_ARTEFACTS, ''));
      if (stripped !== '') warnings.push({ kind: 'ARTEFACT_REMOVED', line: no, message: 'Removed a word-processor bookmark from the line.' });
      text = stripped;
      if (text === '') {
        warnings.push({ kind: 'ARTEFACT_REMOVED', line: no, message: 'Skipped a word-processor bookmark line.' });
        return;
      }
    }
    INLINE_ARTEFACTS.lastIndex = 0;
    if (text === '') return;
    if (ARTEFACT_LINES.some((pattern) => pattern.test(text))) {
      warnings.push({ kind: 'ARTEFACT_REMOVED', line: no, message: `Skipped an artefact line: ${text.slice(0, 40)}` });
      return;
    }
    lines.push({ no, text });
  });
  return lines;
}

type Heading =
  | { kind: 'CHAPTER'; number: number; title: string }
  | { kind: 'ARTICLE'; number: number; rest: string }
  | { kind: 'SECTION' }
  | null;

function headingOf(text: string): Heading {
  const chapter = CHAPTER.exec(text);
  if (chapter) {
    const number = parseChineseNumeral(chapter[1]);
    // "第一章总则" and "第一章 总 则" are headings; a long line is prose that happens to start that way.
    if (number !== null && chapter[2].length <= 30 && !/[。；]/.test(chapter[2])) return { kind: 'CHAPTER', number, title: squeeze(chapter[2]) };
  }
  if (SECTION.test(text)) return { kind: 'SECTION' };
  const article = ARTICLE.exec(text);
  if (article) {
    const number = parseChineseNumeral(article[1]);
    if (number !== null) return { kind: 'ARTICLE', number, rest: article[2].trim() };
  }
  return null;
}

function isSignatureLine(text: string): boolean {
  return SIGNATURE_LINE.some((pattern) => pattern.test(text));
}

/** Title and draft mark from the lines just before the first heading (a preamble paragraph may sit between). */
function titleFrom(preamble: Line[]): { title: string | null; markedAsDraft: boolean; used: number } {
  let markedAsDraft = false;
  let used = 0;
  let title: string | null = null;
  for (let i = preamble.length - 1, looked = 0; i >= 0 && looked < 6; i -= 1, looked += 1) {
    const text = preamble[i].text;
    if (DRAFT_MARK.test(squeeze(text))) {
      markedAsDraft = true;
      used += 1;
      continue;
    }
    if (/[。；]/.test(text) || text.length > 60) continue; // a preamble sentence
    if (/[：:，,]$/.test(text) || ANNEX_MARK.test(text) || isSignatureLine(text)) break;
    title = text.replace(/\s+/g, ' ');
    used += 1;
    if (i > 0 && ANNEX_MARK.test(preamble[i - 1].text)) used += 1;
    break;
  }
  return { title, markedAsDraft, used };
}

/**
 * Turns a convention's plain text into chapters → articles → items.
 *
 * Copes with what real documents contain: full-width and doubled spaces (also inside headings such as
 * "第一章　总　则"), "（一）" and "(一)" item markers, a BOM, zero-width characters, form feeds,
 * converter banners and bookmarks, page numbers, a preamble or a feedback form before the first
 * heading (skipped, with a warning), a signature or contact block after the last article (skipped,
 * with a warning) and a second document after the first (skipped; see `importConventionDocuments`).
 * Articles keep the numbers the document gives them.
 */
export function importConventionText(input: string): ImportedConventionText {
  const [first, ...rest] = splitDocuments(input);
  if (rest.length > 0) {
    first.warnings.push({
      kind: 'FOLLOWING_DOCUMENT_SKIPPED',
      line: rest[0].startLine,
      message: `A further document${rest[0].result.title ? ` (${rest[0].result.title})` : ''} starts here; only the first was imported.`,
    });
  }
  return first.result;
}

/** Every document in a text that holds several (e.g. a feedback form followed by two drafts). */
export function importConventionDocuments(input: string): ImportedConventionText[] {
  return splitDocuments(input).map((doc) => doc.result);
}

interface ParsedDocument {
  startLine: number;
  result: ImportedConventionText;
  warnings: ImportWarning[];
}

function splitDocuments(input: string): ParsedDocument[] {
  const cleaningWarnings: ImportWarning[] = [];
  const lines = cleanLines(input, cleaningWarnings);
  const documents: ParsedDocument[] = [];
  let cursor = 0;
  let first = true;
  do {
    const doc = parseOne(lines, cursor);
    if (first) doc.parsed.result.warnings.unshift(...cleaningWarnings);
    first = false;
    documents.push(doc.parsed);
    cursor = doc.next;
  } while (cursor < lines.length && lines.slice(cursor).some((line) => headingOf(line.text)?.kind === 'ARTICLE'));
  return documents;
}

function parseOne(lines: Line[], start: number): { parsed: ParsedDocument; next: number } {
  const warnings: ImportWarning[] = [];
  const chapters: ImportedChapter[] = [];
  const articles: ImportedArticle[] = [];

  // Preamble: everything before the first chapter or article heading.
  let index = start;
  while (index < lines.length && headingOf(lines[index].text) === null) index += 1;
  const preamble = lines.slice(start, index);
  const { title, markedAsDraft, used } = titleFrom(preamble);
  const skipped = preamble.slice(0, preamble.length - used);
  if (skipped.length > 0) {
    warnings.push({
      kind: 'PREAMBLE_SKIPPED',
      line: skipped[0].no,
      message: `Skipped ${skipped.length} line(s) before the first heading (preamble, form or cover page).`,
    });
  }

  let chapter: ImportedChapter | null = null;
  let article: ImportedArticle | null = null;
  let body: string[] = [];
  const flush = (): void => {
    if (article) article.text = body.join('\n');
    body = [];
  };

  let next = lines.length;
  for (; index < lines.length; index += 1) {
    const { no, text } = lines[index];
    const heading = headingOf(text);
    if (heading?.kind === 'CHAPTER') {
      const lastChapter = chapters[chapters.length - 1];
      if (articles.length > 0 && heading.number <= (lastChapter?.number ?? 0)) {
        next = backToTitleBlock(lines, index, start);
        break; // numbering restarts: another document
      }
      if (lastChapter && heading.number !== lastChapter.number + 1) {
        warnings.push({ kind: 'NUMBERING_GAP', line: no, message: `Chapter ${heading.number} follows chapter ${lastChapter.number}.` });
      }
      flush();
      article = null;
      chapter = { number: heading.number, label: chapterLabel(heading.number), title: heading.title };
      chapters.push(chapter);
      continue;
    }
    if (heading?.kind === 'SECTION') {
      warnings.push({ kind: 'SECTION_HEADING_IGNORED', line: no, message: `Section heading ignored: ${text.slice(0, 30)}` });
      continue;
    }
    if (heading?.kind === 'ARTICLE') {
      const last = articles[articles.length - 1];
      if (last && heading.number <= last.number) {
        if (heading.number === 1) {
          next = backToTitleBlock(lines, index, start);
          break; // numbering restarts: another document
        }
        warnings.push({ kind: 'NUMBERING_OUT_OF_ORDER', line: no, message: `Article ${heading.number} after article ${last.number} was skipped.` });
        flush();
        article = null;
        continue;
      }
      if (last && heading.number !== last.number + 1) {
        warnings.push({ kind: 'NUMBERING_GAP', line: no, message: `Article ${heading.number} follows article ${last.number}.` });
      }
      flush();
      article = { number: heading.number, label: articleLabel(heading.number), chapterNumber: chapter?.number ?? null, text: '', items: [] };
      articles.push(article);
      if (heading.rest) body.push(heading.rest);
      continue;
    }
    if ((isSignatureLine(text) && !continuesNumbering(lines, index, articles, chapters)) || ANNEX_MARK.test(text)) {
      // A signature block or the next annex: the text is over.
      const remaining = lines.slice(index);
      const nextArticle = remaining.findIndex((line) => headingOf(line.text) !== null);
      const end = nextArticle === -1 ? lines.length : backToTitleBlock(lines, index + nextArticle, index);
      if (end > index) {
        warnings.push({
          kind: 'TRAILER_SKIPPED',
          line: no,
          message: `Skipped ${end - index} line(s) after the last article (signature block or annex): ${text.slice(0, 30)}`,
        });
      }
      next = end;
      index = end;
      break;
    }
    if (!article) {
      warnings.push({ kind: 'TEXT_OUTSIDE_ARTICLE', line: no, message: `Skipped text between a heading and the first article: ${text.slice(0, 30)}` });
      continue;
    }
    const item = ITEM.exec(text);
    const itemNumber = item ? parseChineseNumeral(item[1]) : null;
    if (item && itemNumber !== null) {
      const lastItem = article.items[article.items.length - 1];
      if (itemNumber !== (lastItem?.number ?? 0) + 1) {
        warnings.push({ kind: 'ITEM_NUMBERING_GAP', line: no, message: `Item ${itemNumber} of ${article.label} follows item ${lastItem?.number ?? 0}.` });
      }
      const marker = itemMarker(itemNumber);
      article.items.push({ number: itemNumber, marker, text: item[2].trim() });
      body.push(`${marker}${item[2].trim()}`);
      continue;
    }
    body.push(text);
  }
  flush();

  if (articles.length === 0) {
    warnings.push({ kind: 'NO_ARTICLES', line: lines[start]?.no ?? 1, message: 'No article heading (第一条 …) was found.' });
  }
  return { parsed: { startLine: lines[start]?.no ?? 1, result: { title, markedAsDraft, chapters, articles, warnings }, warnings }, next };
}

/**
 * A line that looks like a form field ("联系电话：…") inside the text, not after it: the next heading
 * continues this document's numbering.
 */
function continuesNumbering(lines: Line[], index: number, articles: ImportedArticle[], chapters: ImportedChapter[]): boolean {
  for (let i = index + 1; i < lines.length; i += 1) {
    const heading = headingOf(lines[i].text);
    if (heading === null || heading.kind === 'SECTION') continue;
    if (heading.kind === 'ARTICLE') return articles.length > 0 && heading.number === articles[articles.length - 1].number + 1;
    return chapters.length > 0 && heading.number === chapters[chapters.length - 1].number + 1;
  }
  return false;
}

/** Where the next document begins: its title block (annex mark, title, draft mark) sits right above its first heading. */
function backToTitleBlock(lines: Line[], headingIndex: number, floor: number): number {
  let index = headingIndex;
  let steps = 0;
  while (index - 1 > floor && steps < 3) {
    const text = lines[index - 1].text;
    if (headingOf(text) !== null) break;
    const isTitleBlock = DRAFT_MARK.test(squeeze(text)) || ANNEX_MARK.test(text) || (text.length <= 60 && !/[。；]/.test(text) && !isSignatureLine(text));
    if (!isTitleBlock) break;
    index -= 1;
    steps += 1;
  }
  return index;
}

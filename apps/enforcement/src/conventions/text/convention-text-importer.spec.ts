import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importConventionDocuments, importConventionText } from './convention-text-importer';

const fixture = (name: string): string => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');

describe('importConventionText', () => {
  describe('a convention with word-processor quirks', () => {
    const result = importConventionText(fixture('demo-convention-with-quirks.txt'));

    it('finds the title and the draft mark above the first heading, skipping the preamble and the converter banner', () => {
      expect(result.title).toBe('示范区数字服务行业自律公约');
      expect(result.markedAsDraft).toBe(true);
      expect(result.warnings.map((w) => w.kind)).toEqual(expect.arrayContaining(['ARTEFACT_REMOVED', 'PREAMBLE_SKIPPED', 'TRAILER_SKIPPED']));
    });

    it('reads chapter headings with full-width and doubled spaces inside', () => {
      expect(result.chapters.map((c) => `${c.label}${c.title}`)).toEqual(['第一章总则', '第二章自律条款', '第三章公约的执行', '第四章附则']);
    });

    it('keeps the article numbers of the document, including a gap, and warns about the gap', () => {
      const numbers = result.articles.map((a) => a.number);
      expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
      expect(result.articles.find((a) => a.number === 21)?.label).toBe('第二十一条');
      expect(result.articles.find((a) => a.number === 21)?.chapterNumber).toBe(4);
      expect(result.warnings.filter((w) => w.kind === 'NUMBERING_GAP')).toEqual([]);
    });

    it('removes zero-width characters, doubled spaces, page numbers and form feeds from the text', () => {
      expect(result.articles[0].text).toBe('为规范示范区数字服务行业经营行为，制定本公约。');
      expect(result.articles[2].text).toBe('本公约由示范区数字服务协会负责执行。');
      expect(result.articles.map((a) => a.text).join('\n')).not.toMatch(/页|- 1 -|\f/);
    });

    it('parses both （一） and (一) item markers, strips an inline bookmark and keeps a closing paragraph in the article', () => {
      const article = result.articles[3];
      expect(article.items).toEqual([
        { number: 1, marker: '（一）', text: '依法经营，诚实守信；' },
        { number: 2, marker: '（二）', text: '保护用户个人信息；' },
        { number: 3, marker: '（三）', text: '不得以不正当手段争夺客户。' },
      ]);
      expect(article.text.split('\n')).toHaveLength(5);
      expect(article.text).toContain('签约单位违反前款规定的');
    });

    it('skips the signature block after the last article', () => {
      const last = result.articles[result.articles.length - 1];
      expect(last.text).toBe('签约单位可以退出本公约，并书面通知执行机构。');
      expect(JSON.stringify(result.articles)).not.toContain('联系电话');
    });
  });

  describe('a feedback form followed by two drafts', () => {
    const text = fixture('demo-feedback-form-and-two-drafts.txt');

    it('imports the first draft, skips the form and says another document follows', () => {
      const result = importConventionText(text);
      expect(result.title).toBe('示范行业职业道德准则');
      expect(result.markedAsDraft).toBe(true);
      expect(result.articles.map((a) => a.number)).toEqual([1, 2, 3, 4]);
      expect(result.articles[3].text).toBe('本准则由协会会员大会通过后实施。');
      expect(result.warnings.map((w) => w.kind)).toEqual(expect.arrayContaining(['PREAMBLE_SKIPPED', 'FOLLOWING_DOCUMENT_SKIPPED']));
    });

    it('importConventionDocuments returns both drafts', () => {
      const documents = importConventionDocuments(text);
      expect(documents.map((d) => d.title)).toEqual(['示范行业职业道德准则', '示范行业自律公约']);
      expect(documents[1].articles.map((a) => a.label)).toEqual(['第一条', '第二条', '第三条', '第四条']);
      expect(documents[1].chapters.map((c) => c.title)).toEqual(['总则', '自律条款', '附则']);
    });
  });

  it('handles a text without chapters, lone CR line ends and a numbering gap', () => {
    const result = importConventionText('倡议书\r第一条 共同倡议。\r第三条 互相监督。\r');
    expect(result.chapters).toEqual([]);
    expect(result.articles.map((a) => [a.number, a.chapterNumber])).toEqual([[1, null], [3, null]]);
    expect(result.warnings.map((w) => w.kind)).toContain('NUMBERING_GAP');
  });

  it('a form-like line inside an article (a hotline) stays in the text when the numbering goes on', () => {
    const result = importConventionText('第一条 设立举报渠道：\n联系电话：12345\n第二条 依法处理。\n\n签约单位：（盖章）');
    expect(result.articles.map((a) => a.text)).toEqual(['设立举报渠道：\n联系电话：12345', '依法处理。']);
    expect(result.warnings.map((w) => w.kind)).toContain('TRAILER_SKIPPED');
  });

  it('warns when there is no article at all', () => {
    const result = importConventionText('只是一段说明文字。');
    expect(result.articles).toEqual([]);
    expect(result.warnings.map((w) => w.kind)).toContain('NO_ARTICLES');
  });

  it('an article number going backwards is skipped with a warning', () => {
    const result = importConventionText('第一条 甲。\n第二条 乙。\n第二条 重复。\n第三条 丙。');
    expect(result.articles.map((a) => a.text)).toEqual(['甲。', '乙。', '丙。']);
    expect(result.warnings.map((w) => w.kind)).toContain('NUMBERING_OUT_OF_ORDER');
  });
});

/** The reference documents are read where they exist (never copied into the repository). */
const REFERENCE = '/work/shared/reference';
const describeReference = existsSync(REFERENCE) ? describe : describe.skip;

describeReference('importConventionText on the reference documents', () => {
  it('the district internet convention: 4 chapters, 25 articles, items of article 12, signature block skipped', () => {
    const result = importConventionText(readFileSync(join(REFERENCE, 'changping-internet-convention.txt'), 'utf8'));
    expect(result.title).toContain('自律公约');
    expect(result.chapters.map((c) => c.title)).toEqual(['总则', '自律条款', '公约的执行', '附则']);
    expect(result.articles.map((a) => a.number)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(result.articles[11].items.map((i) => i.marker)).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）']);
    expect(result.articles[17].text.split('\n')).toHaveLength(2);
    expect(result.articles[24].text).not.toContain('签约');
    expect(result.warnings.map((w) => w.kind)).toContain('TRAILER_SKIPPED');
  });

  it('the feedback form and two drafts: both drafts found with their articles', () => {
    const documents = importConventionDocuments(readFileSync(join(REFERENCE, 'wuhan-code-of-ethics-and-convention-drafts.txt'), 'utf8'));
    expect(documents).toHaveLength(2);
    expect(documents.map((d) => d.markedAsDraft)).toEqual([true, true]);
    expect(documents[0].articles).toHaveLength(15);
    expect(documents[1].articles).toHaveLength(18);
    expect(documents[0].chapters.map((c) => c.title)).toEqual(['总则', '职业道德准则', '附则']);
    expect(documents[0].warnings.map((w) => w.kind)).toContain('PREAMBLE_SKIPPED');
  });
});

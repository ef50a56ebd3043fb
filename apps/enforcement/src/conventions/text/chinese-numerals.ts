const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const DIGIT_CHARS = '一二三四五六七八九';

/** Characters a Chinese (or Arabic, full- or half-width) number may be written with. */
export const NUMERAL_CHARS = '零〇一二两三四五六七八九十百千0-9０-９';

/**
 * Parses a number written in Chinese numerals as conventions number chapters, articles and items
 * ("二十一", "十二", "一百零五"), or in Arabic digits (half- or full-width). Returns null when the
 * text is not a number.
 */
export function parseChineseNumeral(input: string): number | null {
  const text = input.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));
  if (text === '') return null;
  if (/^[0-9]+$/.test(text)) return Number(text);
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const char of text) {
    if (char in DIGITS) {
      if (digit !== null && digit !== 0) return null; // two digits in a row ("二三") is not a number
      digit = DIGITS[char];
      continue;
    }
    const unit = UNITS[char];
    if (unit === undefined || unit >= lastUnit) return null;
    // "十二": a leading 十 means one ten.
    total += (digit ?? (total === 0 ? 1 : NaN)) * unit;
    if (Number.isNaN(total)) return null;
    lastUnit = unit;
    digit = null;
  }
  if (digit !== null) total += digit;
  return total > 0 || text === '零' || text === '〇' ? total : null;
}

/** Writes 1–999 the way article numbers are written: 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五. */
export function toChineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 999) throw new RangeError(`Only 1 to 999 can be written, got ${value}.`);
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor((value % 100) / 10);
  const ones = value % 10;
  let out = '';
  if (hundreds > 0) out += `${DIGIT_CHARS[hundreds - 1]}百`;
  if (tens > 0) out += hundreds === 0 && tens === 1 ? '十' : `${DIGIT_CHARS[tens - 1]}十`;
  else if (hundreds > 0 && ones > 0) out += '零';
  if (ones > 0) out += DIGIT_CHARS[ones - 1];
  return out;
}

/** The citation label of an article: 21 → "第二十一条". */
export function articleLabel(number: number): string {
  return `第${toChineseNumeral(number)}条`;
}

/** The label of a chapter: 3 → "第三章". */
export function chapterLabel(number: number): string {
  return `第${toChineseNumeral(number)}章`;
}

/** The marker of an item: 2 → "（二）". */
export function itemMarker(number: number): string {
  return `（${toChineseNumeral(number)}）`;
}

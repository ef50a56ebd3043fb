import { articleLabel, itemMarker, parseChineseNumeral, toChineseNumeral } from './chinese-numerals';

describe('Chinese numerals', () => {
  it.each([
    ['一', 1], ['十', 10], ['十一', 11], ['十二', 12], ['二十', 20], ['二十一', 21], ['二十五', 25], ['九十九', 99],
    ['一百', 100], ['一百零五', 105], ['一百一十', 110], ['两', 2], ['〇', 0], ['21', 21], ['２１', 21],
  ])('parses %s as %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each(['', '二三', '十十', '百十百', 'abc', '章'])('refuses %p', (text) => {
    expect(parseChineseNumeral(text)).toBeNull();
  });

  it('writes every number from 1 to 999 so that it parses back', () => {
    for (let n = 1; n <= 999; n += 1) expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
    expect(toChineseNumeral(10)).toBe('十');
    expect(toChineseNumeral(21)).toBe('二十一');
    expect(toChineseNumeral(105)).toBe('一百零五');
    expect(() => toChineseNumeral(0)).toThrow(RangeError);
  });

  it('labels articles and items', () => {
    expect(articleLabel(21)).toBe('第二十一条');
    expect(itemMarker(3)).toBe('（三）');
  });
});

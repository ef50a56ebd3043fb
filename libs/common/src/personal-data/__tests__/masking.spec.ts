import { maskContact, maskEmail, maskName, maskPhone } from '../masking';

describe('masking personal data for lists', () => {
  it('keeps the first three and last four digits of a mobile or long number, whatever its separators', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138-1234-5678')).toBe('138****5678');
    expect(maskPhone('027-82757716')).toBe('027****7716');
    expect(maskPhone('+86 138 1234 5678')).toBe('861****5678');
  });

  it('masks shorter numbers down to their last two digits, so no short number is shown whole', () => {
    expect(maskPhone('010-8888')).toBe('*****88');
    expect(maskPhone('88881234')).toBe('******34');
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('7')).toBe('*7');
  });

  it('keeps the first letter and the domain of an e-mail address', () => {
    expect(maskEmail('zhang.san@example.org')).toBe('z***@example.org');
    expect(maskEmail('a@b.cn')).toBe('a***@b.cn');
    expect(maskEmail('not-an-address')).toBe('***');
    expect(maskEmail('@example.org')).toBe('***');
  });

  it('keeps the surname (and the last character of longer Chinese names); Latin names keep the initial', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('欧阳明月')).toBe('欧**月');
    expect(maskName('John Smith')).toBe('J***');
    expect(maskName('王')).toBe('*');
  });

  it('tells e-mail addresses from phone numbers in a free contact field', () => {
    expect(maskContact('13812345678')).toBe('138****5678');
    expect(maskContact('zhang@example.cn')).toBe('z***@example.cn');
  });

  it('passes absence through as null', () => {
    for (const mask of [maskPhone, maskEmail, maskName, maskContact]) {
      expect(mask(null)).toBeNull();
      expect(mask(undefined)).toBeNull();
      expect(mask('')).toBeNull();
    }
  });
});

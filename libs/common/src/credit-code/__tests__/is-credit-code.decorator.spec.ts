import { validateSync } from 'class-validator';
import { IsCreditCode } from '../is-credit-code.decorator';

class RegisterOrganizationDto {
  @IsCreditCode()
  creditCode: unknown;
}

class FormerCodesDto {
  @IsCreditCode({ each: true, message: 'every former code must be valid' })
  formerCodes: unknown;
}

function errorsFor(value: unknown): Record<string, string> | undefined {
  const dto = new RegisterOrganizationDto();
  dto.creditCode = value;
  return validateSync(dto)[0]?.constraints;
}

describe('@IsCreditCode', () => {
  it('accepts a valid code', () => {
    expect(validateSync(Object.assign(new RegisterOrganizationDto(), { creditCode: '91350100M000100Y43' }))).toEqual([]);
  });

  it('explains the failing rule in the default message', () => {
    expect(errorsFor('91350100M000100Y44')).toEqual({
      isCreditCode: 'creditCode: The check character (position 18) does not match the other 17 characters; one of them is probably mistyped.',
    });
    expect(errorsFor('91350100m000100Y43')?.isCreditCode).toContain('lower case');
    expect(errorsFor('91350100O000100Y43')?.isCreditCode).toContain('the letter O');
  });

  it('rejects values that are not strings, including a missing value', () => {
    expect(errorsFor(913501001)).toEqual({ isCreditCode: 'creditCode must be a unified social credit code string.' });
    expect(errorsFor(undefined)).toBeDefined();
  });

  it('honours class-validator options such as each and message', () => {
    const valid = Object.assign(new FormerCodesDto(), { formerCodes: ['91350100M000100Y43', '000000000000000000'] });
    expect(validateSync(valid)).toEqual([]);
    const invalid = Object.assign(new FormerCodesDto(), { formerCodes: ['91350100M000100Y43', 'nope'] });
    expect(validateSync(invalid)[0]?.constraints).toEqual({ isCreditCode: 'every former code must be valid' });
  });
});

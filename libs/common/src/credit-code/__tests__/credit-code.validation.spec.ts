import { BadInputError, PublicErrorCode } from '../../errors/domain-error';
import {
  assertCreditCode,
  computeCreditCodeCheckCharacter,
  CREDIT_CODE_ALPHABET,
  CREDIT_CODE_WEIGHTS,
  validateCreditCode,
} from '../credit-code.validation';

// A published code (Fujian); the first test confirms its check character with the reference below.
const REAL_CODE = '91350100M000100Y43';

/** Written from the standard's text, independently of the implementation under test. */
function referenceCheckCharacter(first17: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let sum = 0;
  let weight = 1;
  for (const char of first17) {
    sum += alphabet.indexOf(char) * weight;
    weight = (weight * 3) % 31;
  }
  const check = 31 - (sum % 31);
  return alphabet[check === 31 ? 0 : check];
}

/** Deterministic pseudo-random prefixes, so a failure can be reproduced. */
function* randomPrefixes(count: number, seed = 20150901): Generator<string> {
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state;
  };
  for (let n = 0; n < count; n++) {
    let prefix = '';
    for (let i = 0; i < 17; i++) prefix += CREDIT_CODE_ALPHABET[next() % CREDIT_CODE_ALPHABET.length];
    yield prefix;
  }
}

function withCheck(first17: string): string {
  return first17 + computeCreditCodeCheckCharacter(first17);
}

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

function reasonOf(input: string): string | undefined {
  const result = validateCreditCode(input);
  return result.valid ? undefined : result.reason;
}

describe('credit code constants', () => {
  it('has the 31-character alphabet without I, O, Z, S and V', () => {
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31);
    expect(new Set(CREDIT_CODE_ALPHABET).size).toBe(31);
    for (const letter of 'IOZSV') expect(CREDIT_CODE_ALPHABET).not.toContain(letter);
  });

  it('weights position i by 3^(i-1) mod 31', () => {
    expect(CREDIT_CODE_WEIGHTS).toEqual(Array.from({ length: 17 }, (_, i) => Number(3n ** BigInt(i) % 31n)));
  });
});

describe('validateCreditCode', () => {
  it('accepts a real published code', () => {
    expect(referenceCheckCharacter(REAL_CODE.slice(0, 17))).toBe('3');
    expect(validateCreditCode(REAL_CODE)).toEqual({ valid: true });
  });

  it('accepts codes whose check character is computed, matching a reference implementation', () => {
    for (const prefix of randomPrefixes(500)) {
      expect(computeCreditCodeCheckCharacter(prefix)).toBe(referenceCheckCharacter(prefix));
      expect(validateCreditCode(withCheck(prefix))).toEqual({ valid: true });
    }
  });

  it('writes a check value of 31 as 0', () => {
    // Every weight times 0 is 0, so the sum is a multiple of 31.
    expect(computeCreditCodeCheckCharacter('00000000000000000')).toBe('0');
    expect(validateCreditCode('000000000000000000')).toEqual({ valid: true });
  });

  it('rejects a wrong check character', () => {
    const wrong = REAL_CODE.slice(0, 17) + '4';
    const result = validateCreditCode(wrong);
    expect(result).toMatchObject({ valid: false, reason: 'CHECK_CHARACTER' });
    expect(result.valid ? '' : result.message).toContain('position 18');
  });

  it('detects every single-character substitution', () => {
    for (let position = 0; position < 18; position++) {
      for (const char of CREDIT_CODE_ALPHABET) {
        if (char === REAL_CODE[position]) continue;
        const typo = REAL_CODE.slice(0, position) + char + REAL_CODE.slice(position + 1);
        expect(reasonOf(typo)).toBe('CHECK_CHARACTER');
      }
    }
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('names %s as a forbidden letter, wherever it stands', (letter) => {
    for (const position of [0, 8, 17]) {
      const code = REAL_CODE.slice(0, position) + letter + REAL_CODE.slice(position + 1);
      const result = validateCreditCode(code);
      expect(result).toMatchObject({ valid: false, reason: 'FORBIDDEN_LETTER' });
      expect(result.valid ? '' : result.message).toContain(`Character ${position + 1} is the letter ${letter}`);
    }
  });

  it('rejects lower case instead of upper-casing it', () => {
    expect(reasonOf(REAL_CODE.toLowerCase())).toBe('LOWER_CASE');
    expect(reasonOf('91350100m000100Y43')).toBe('LOWER_CASE');
    // A lower-case forbidden letter is still a case problem first.
    expect(reasonOf('91350100M000100i43')).toBe('LOWER_CASE');
    const result = validateCreditCode('91350100m000100Y43');
    expect(result.valid ? '' : result.message).toContain('Character 9');
  });

  it('rejects 17 and 19 characters, and the empty string', () => {
    expect(validateCreditCode(REAL_CODE.slice(0, 17))).toEqual({
      valid: false,
      reason: 'LENGTH',
      message: 'A unified social credit code has 18 characters; got 17.',
    });
    expect(reasonOf(`${REAL_CODE}3`)).toBe('LENGTH');
    expect(reasonOf('')).toBe('LENGTH');
  });

  it('does not trim surrounding spaces', () => {
    expect(reasonOf(` ${REAL_CODE}`)).toBe('LENGTH');
    expect(reasonOf(` ${REAL_CODE.slice(1)}`)).toBe('INVALID_CHARACTER');
  });

  it('refuses very long input without splitting it', () => {
    const result = validateCreditCode('9'.repeat(1_000_000));
    expect(result).toEqual({ valid: false, reason: 'LENGTH', message: 'A unified social credit code has 18 characters; got 1000000.' });
  });

  it('rejects characters outside the alphabet such as hyphens and punctuation', () => {
    expect(reasonOf('91350100-000100Y43')).toBe('INVALID_CHARACTER');
    expect(reasonOf('91350100M00010.Y43')).toBe('INVALID_CHARACTER');
    const result = validateCreditCode('91350100-000100Y43');
    expect(result.valid ? '' : result.message).toBe('Character 9 "-" (U+002D) is not allowed; use digits and capital letters only.');
  });

  it('rejects full-width digits and letters', () => {
    // Full-width forms from a Chinese input method look the same but are other characters.
    const fullWidth = REAL_CODE.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(reasonOf(fullWidth)).toBe('INVALID_CHARACTER');
    expect(reasonOf('91350100Ｍ000100Y43')).toBe('INVALID_CHARACTER');
    const result = validateCreditCode('91350100Ｍ000100Y43');
    expect(result.valid ? '' : result.message).toContain('(U+FF2D)');
  });

  it('counts an astral character as one character', () => {
    const code = `91350100${'\u{1F600}'}000100Y43`;
    expect(reasonOf(code)).toBe('INVALID_CHARACTER');
  });

  it('rejects a value that is not a string, for callers without type checking', () => {
    expect(reasonOf(123 as unknown as string)).toBe('INVALID_CHARACTER');
  });
});

describe('computeCreditCodeCheckCharacter', () => {
  it('computes the check character of the real code', () => {
    expect(computeCreditCodeCheckCharacter(REAL_CODE.slice(0, 17))).toBe('3');
  });

  it('refuses input that is not 17 alphabet characters', () => {
    expect(thrownBy(() => computeCreditCodeCheckCharacter(REAL_CODE))).toBeInstanceOf(BadInputError);
    expect(thrownBy(() => computeCreditCodeCheckCharacter('9135'))).toMatchObject({
      reason: 'INVALID_CREDIT_CODE',
      message: 'The part before the check character has 17 characters; got 4.',
      details: { reason: 'LENGTH' },
    });
    expect(thrownBy(() => computeCreditCodeCheckCharacter('9135010OM000100Y4'))).toMatchObject({ details: { reason: 'FORBIDDEN_LETTER' } });
  });
});

describe('assertCreditCode', () => {
  it('passes a valid code', () => {
    expect(() => assertCreditCode(REAL_CODE)).not.toThrow();
  });

  it('throws BadInputError INVALID_CREDIT_CODE with the failing rule', () => {
    const thrown = thrownBy(() => assertCreditCode('91350100M000100Y44'));
    expect(thrown).toBeInstanceOf(BadInputError);
    expect(thrown).toMatchObject({
      code: PublicErrorCode.BAD_USER_INPUT,
      reason: 'INVALID_CREDIT_CODE',
      details: { reason: 'CHECK_CHARACTER' },
    });
  });
});

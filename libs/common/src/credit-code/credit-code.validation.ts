import { BadInputError } from '../errors/domain-error';

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters, where
 * position 1 is the registration authority, 2 the organisation category, 3–8 the administrative
 * division, 9–17 the organisation code (GB 11714) and 18 the check character over positions 1–17.
 */
export const CREDIT_CODE_LENGTH = 18;

/** The 31 characters the standard allows, in value order: I, O, Z, S and V are left out. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Upper-case Latin letters the standard leaves out because they read like digits or each other. */
export const CREDIT_CODE_FORBIDDEN_LETTERS = 'IOZSV';

/** Weight of position i (1-based) is 3^(i-1) mod 31. */
export const CREDIT_CODE_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeFailureReason = 'LENGTH' | 'LOWER_CASE' | 'FORBIDDEN_LETTER' | 'INVALID_CHARACTER' | 'CHECK_CHARACTER';

export type CreditCodeValidation = { valid: true } | { valid: false; reason: CreditCodeFailureReason; message: string };

type CreditCodeFailure = Extract<CreditCodeValidation, { valid: false }>;

const VALUE_OF = new Map<string, number>([...CREDIT_CODE_ALPHABET].map((char, value) => [char, value]));

/** Lower case is refused rather than upper-cased, so what is stored is exactly what was submitted. */
const LOWER_CASE = /^[a-z]$/;

function failure(reason: CreditCodeFailureReason, message: string): CreditCodeFailure {
  return { valid: false, reason, message };
}

/** Shows a character with its code point, so look-alikes (full-width, Cyrillic) can be told apart. */
function describeCharacter(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  return `"${char}" (U+${codePoint.toString(16).toUpperCase().padStart(4, '0')})`;
}

/**
 * Splits into code points (so an astral character counts as one) and checks there are
 * `expectedLength` of them, all from the alphabet. Returns the characters or the first failure.
 */
function checkShape(input: string, expectedLength: number): string[] | CreditCodeFailure {
  // Two UTF-16 units per code point at most, so longer input fails without being split.
  const chars = input.length > expectedLength * 2 ? null : [...input];
  if (chars === null || chars.length !== expectedLength) {
    const rule =
      expectedLength === CREDIT_CODE_LENGTH
        ? `A unified social credit code has ${CREDIT_CODE_LENGTH} characters`
        : `The part before the check character has ${expectedLength} characters`;
    return failure('LENGTH', `${rule}; got ${chars?.length ?? input.length}.`);
  }
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index];
    if (VALUE_OF.has(char)) continue;
    const position = index + 1;
    if (LOWER_CASE.test(char)) {
      return failure('LOWER_CASE', `Character ${position} ${describeCharacter(char)} is lower case; write the code in capital letters.`);
    }
    if (CREDIT_CODE_FORBIDDEN_LETTERS.includes(char)) {
      return failure(
        'FORBIDDEN_LETTER',
        `Character ${position} is the letter ${char}, which unified social credit codes never use (no I, O, Z, S or V).`,
      );
    }
    return failure('INVALID_CHARACTER', `Character ${position} ${describeCharacter(char)} is not allowed; use digits and capital letters only.`);
  }
  return chars;
}

function checkValue(chars: readonly string[]): number {
  let sum = 0;
  for (let index = 0; index < CREDIT_CODE_WEIGHTS.length; index++) {
    sum += (VALUE_OF.get(chars[index]) ?? 0) * CREDIT_CODE_WEIGHTS[index];
  }
  // 31 − (sum mod 31) is 31 exactly when the sum is a multiple of 31; that case is written as 0.
  return (31 - (sum % 31)) % 31;
}

/**
 * Validates a unified social credit code exactly as given: no trimming and no case folding. The
 * first failing rule wins, scanning characters left to right.
 */
export function validateCreditCode(input: string): CreditCodeValidation {
  if (typeof input !== 'string') {
    return failure('INVALID_CHARACTER', 'A unified social credit code must be a string.');
  }
  const chars = checkShape(input, CREDIT_CODE_LENGTH);
  if (!Array.isArray(chars)) return chars;
  // The expected character is left out of the message: a typo is as likely in positions 1–17, and
  // naming it invites "fixing" the last character instead.
  if (chars[CREDIT_CODE_LENGTH - 1] !== CREDIT_CODE_ALPHABET[checkValue(chars)]) {
    return failure(
      'CHECK_CHARACTER',
      'The check character (position 18) does not match the other 17 characters; one of them is probably mistyped.',
    );
  }
  return { valid: true };
}

/** The check character (position 18) for the given first 17 characters. */
export function computeCreditCodeCheckCharacter(first17: string): string {
  const chars = checkShape(first17, CREDIT_CODE_LENGTH - 1);
  if (!Array.isArray(chars)) {
    throw new BadInputError('INVALID_CREDIT_CODE', chars.message, { reason: chars.reason });
  }
  return CREDIT_CODE_ALPHABET[checkValue(chars)];
}

/** Throws `BadInputError('INVALID_CREDIT_CODE')` with the failing rule in `details.reason`. */
export function assertCreditCode(input: string): void {
  const result = validateCreditCode(input);
  if (!result.valid) {
    throw new BadInputError('INVALID_CREDIT_CODE', result.message, { reason: result.reason });
  }
}

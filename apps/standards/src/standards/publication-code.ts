/** U+2014 EM DASH, as group-standard numbers are printed (T/WHCSA 001—2024). */
export const EM_DASH = '\u2014';

/** `T/<association code> <sequence, 3 digits zero-padded>—<year>`. */
export function formatStandardCode(associationCode: string, sequence: number, year: number): string {
  if (!/^[A-Z][A-Z0-9]{1,15}$/.test(associationCode)) throw new RangeError(`Association code ${JSON.stringify(associationCode)} must be 2-16 capital letters or digits.`);
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > 999) throw new RangeError(`Sequence must be 1 to 999, got ${sequence}.`);
  if (!Number.isSafeInteger(year) || year < 1900 || year > 9999) throw new RangeError(`Year must be 1900 to 9999, got ${year}.`);
  return `T/${associationCode} ${String(sequence).padStart(3, '0')}${EM_DASH}${year}`;
}

const CODE = /^T\/([A-Z][A-Z0-9]{1,15}) (\d{3})\u2014(\d{4})$/;

export function parseStandardCode(code: string): { associationCode: string; sequence: number; year: number } | null {
  const match = CODE.exec(code);
  return match ? { associationCode: match[1], sequence: Number(match[2]), year: Number(match[3]) } : null;
}

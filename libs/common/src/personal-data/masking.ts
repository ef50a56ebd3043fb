/**
 * Masks for personal data shown in lists (PIPL minimisation): enough to recognise an entry, not
 * enough to use it. Full values are for the few roles that need them, and reading them is audited.
 */

/** 13812345678 → 138****5678 (11 digits or more); shorter numbers keep only their last two digits. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${'*'.repeat(Math.max(digits.length - 2, 1))}${digits.slice(-2)}`;
}

/** zhang.san@example.org → z***@example.org; without a local part and an @ everything is masked. */
export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** 张三 → 张*, 张三丰 → 张*丰, 欧阳明月 → 欧**月, John Smith → J***. */
export function maskName(name: string | null | undefined): string | null {
  if (!name?.trim()) return null;
  const chars = [...name.trim()];
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  if (/^[\x20-\x7e]+$/.test(name)) return `${chars[0]}***`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** A contact that may be either: an e-mail address (it has an @) or a phone number. */
export function maskContact(contact: string | null | undefined): string | null {
  if (!contact) return null;
  return contact.includes('@') ? maskEmail(contact) : maskPhone(contact);
}

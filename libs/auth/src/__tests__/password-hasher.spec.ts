import { hashPassword, UNUSABLE_PASSWORD_HASH, verifyPassword } from '../password-hasher';

describe('hashPassword / verifyPassword', () => {
  let stored: string;

  beforeAll(async () => {
    stored = await hashPassword('correct horse 电池 staple');
  });

  it('stores scrypt with its cost, salt and key', () => {
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain('correct horse');
  });

  it('accepts the right password', async () => {
    await expect(verifyPassword('correct horse 电池 staple', stored)).resolves.toBe(true);
  });

  it('refuses a wrong password', async () => {
    await expect(verifyPassword('correct horse 电池 stapler', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  it('salts: two hashes of one password differ and both verify', async () => {
    const again = await hashPassword('correct horse 电池 staple');
    expect(again).not.toBe(stored);
    await expect(verifyPassword('correct horse 电池 staple', again)).resolves.toBe(true);
  });

  it('matches no password against the unusable hash', async () => {
    await expect(verifyPassword('', UNUSABLE_PASSWORD_HASH)).resolves.toBe(false);
    await expect(verifyPassword('password', UNUSABLE_PASSWORD_HASH)).resolves.toBe(false);
  });

  it.each([
    ['an empty value', ''],
    ['another scheme', stored0('bcrypt')],
    ['a hash without its key', 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA$'],
    ['a key that decodes to nothing', 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA$A'],
    ['a key of one byte', 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA$AA'],
  ])('refuses any password against %s', async (_case, value) => {
    await expect(verifyPassword('anything', value)).resolves.toBe(false);
    await expect(verifyPassword('', value)).resolves.toBe(false);
  });
});

function stored0(scheme: string): string {
  return `${scheme}$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
}

import { randomBytes } from 'node:crypto';
import { ComplainantCipher, deriveDevelopmentDataKey, hashSecret, newSecret, newTrackingCode, parseDataKey, secretMatches } from './complainant-cipher';

describe('complainant cipher', () => {
  const cipher = new ComplainantCipher(randomBytes(32));
  const identity = { name: '李四', contact: '13800000000', organizationId: null };

  it('round-trips and never stores the plain text', () => {
    const sealed = cipher.encrypt('c1', identity);
    expect(sealed).not.toContain('李四');
    expect(sealed).not.toContain('13800000000');
    expect(cipher.decrypt('c1', sealed)).toEqual(identity);
    expect(cipher.encrypt('c1', identity)).not.toBe(sealed); // fresh nonce each time
  });

  it('refuses a ciphertext moved to another complaint, a tampered one, or another key', () => {
    const sealed = cipher.encrypt('c1', identity);
    expect(() => cipher.decrypt('c2', sealed)).toThrow();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[2], 'base64');
    body[0] ^= 1;
    expect(() => cipher.decrypt('c1', [parts[0], parts[1], body.toString('base64'), parts[3]].join('.'))).toThrow();
    expect(() => new ComplainantCipher(randomBytes(32)).decrypt('c1', sealed)).toThrow();
  });

  it('indexes organizations with a keyed hash', () => {
    expect(cipher.organizationIndex('o1')).toBe(cipher.organizationIndex('o1'));
    expect(cipher.organizationIndex('o1')).not.toBe(cipher.organizationIndex('o2'));
    expect(new ComplainantCipher(randomBytes(32)).organizationIndex('o1')).not.toBe(cipher.organizationIndex('o1'));
  });

  it('accepts 32-byte keys in base64 or hex only', () => {
    expect(parseDataKey(randomBytes(32).toString('base64'))).toHaveLength(32);
    expect(parseDataKey(randomBytes(32).toString('hex'))).toHaveLength(32);
    expect(parseDataKey(randomBytes(16).toString('base64'))).toBeNull();
    expect(() => new ComplainantCipher(Buffer.alloc(16))).toThrow();
    expect(deriveDevelopmentDataKey('pem')).toEqual(deriveDevelopmentDataKey('pem'));
  });

  it('makes tracking codes and checks secrets by hash', () => {
    expect(newTrackingCode()).toMatch(/^JB-[A-HJ-NP-Z2-9]{10}$/);
    const secret = newSecret();
    expect(secretMatches(secret, hashSecret(secret))).toBe(true);
    expect(secretMatches('wrong', hashSecret(secret))).toBe(false);
    expect(secretMatches(secret, null)).toBe(false);
  });
});

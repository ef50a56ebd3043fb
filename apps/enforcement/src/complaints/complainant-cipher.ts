import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

const VERSION = 'v1';

/** Who complained, as stored encrypted. Never leaves the service except through the audited read. */
export interface ComplainantIdentity {
  name: string | null;
  contact: string | null;
  organizationId: string | null;
}

/**
 * AES-256-GCM for the complainant's identity: a random 96-bit nonce per value, the complaint id as
 * additional data (a ciphertext copied to another complaint does not decrypt), and a keyed hash
 * (blind index) of the complainant's organization for conflict checks without decrypting.
 */
export class ComplainantCipher {
  private readonly encryptionKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('The complainant data key must be 32 bytes');
    this.encryptionKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'zilv complainant identity', 32));
    this.indexKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'zilv complainant organization index', 32));
  }

  encrypt(complaintId: string, identity: ComplainantIdentity): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, nonce);
    cipher.setAAD(Buffer.from(complaintId));
    const body = Buffer.concat([cipher.update(JSON.stringify(identity), 'utf8'), cipher.final()]);
    return [VERSION, nonce.toString('base64'), body.toString('base64'), cipher.getAuthTag().toString('base64')].join('.');
  }

  decrypt(complaintId: string, sealed: string): ComplainantIdentity {
    const [version, nonce, body, tag] = sealed.split('.');
    if (version !== VERSION || !nonce || !body || !tag) throw new Error('Unknown complainant data format');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(nonce, 'base64'));
    decipher.setAAD(Buffer.from(complaintId));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    return JSON.parse(text) as ComplainantIdentity;
  }

  organizationIndex(organizationId: string): string {
    return createHmac('sha256', this.indexKey).update(organizationId).digest('base64');
  }
}

/** A 32-byte key from base64 (44 characters) or hex (64 characters). */
export function parseDataKey(value: string): Buffer | null {
  const trimmed = value.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  return key.length === 32 ? key : null;
}

/** Development and test default: derived from the development signing key, never used in production. */
export function deriveDevelopmentDataKey(privateKeyPem: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(privateKeyPem), Buffer.alloc(0), 'zilv development complainant data key', 32));
}

// ---- tracking codes and secrets -------------------------------------------------------------

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** "JB-" and 10 characters without look-alikes (I, O, 0, 1): about 50 bits. */
export function newTrackingCode(): string {
  const bytes = randomBytes(10);
  let code = '';
  for (const byte of bytes) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
  return `JB-${code}`;
}

export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares in constant time; a missing hash compares against a dummy so timing tells nothing. */
export function secretMatches(secret: string, storedHash: string | null): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = storedHash && /^[0-9a-f]{64}$/.test(storedHash) ? Buffer.from(storedHash, 'hex') : Buffer.alloc(32, 0xff);
  return timingSafeEqual(given, stored) && storedHash !== null;
}

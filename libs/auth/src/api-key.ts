import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'zk_';

/**
 * API keys carry 256 random bits, so a fast hash is enough to store them (no dictionary to guess
 * from); the visible prefix identifies the key in lists without revealing it.
 */
export function generateApiKey(): { key: string; hash: string; prefix: string } {
  const key = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashApiKey(key), prefix: key.slice(0, 10) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(PREFIX) && value.length >= 40 && value.length <= 80;
}

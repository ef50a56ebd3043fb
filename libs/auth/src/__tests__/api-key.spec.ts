import { createHash } from 'node:crypto';
import { generateApiKey, hashApiKey, looksLikeApiKey } from '../api-key';

describe('generateApiKey', () => {
  it('returns a zk_ key, its SHA-256 hash and a 10-character prefix', () => {
    const { key, hash, prefix } = generateApiKey();
    expect(key).toMatch(/^zk_[A-Za-z0-9_-]{43}$/);
    expect(hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(prefix).toBe(key.slice(0, 10));
    expect(prefix.startsWith('zk_')).toBe(true);
  });

  it('never repeats a key', () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateApiKey().key));
    expect(keys.size).toBe(200);
  });

  it('does not store the key in the hash or reveal it past the prefix', () => {
    const { key, hash, prefix } = generateApiKey();
    expect(hash).not.toContain(key.slice(3));
    expect(key.length - prefix.length).toBeGreaterThanOrEqual(36);
  });

  it('generates keys the gate recognises', () => {
    expect(looksLikeApiKey(generateApiKey().key)).toBe(true);
  });
});

describe('hashApiKey', () => {
  it('is stable and distinguishes keys', () => {
    expect(hashApiKey('zk_abc')).toBe(hashApiKey('zk_abc'));
    expect(hashApiKey('zk_abc')).not.toBe(hashApiKey('zk_abd'));
    expect(hashApiKey('zk_abc')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('looksLikeApiKey', () => {
  it.each([
    ['a bearer JWT', 'eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4In0.c2ln'],
    ['the bare prefix', 'zk_'],
    ['a short zk_ value', `zk_${'a'.repeat(36)}`],
    ['an overlong zk_ value', `zk_${'a'.repeat(78)}`],
    ['another prefix', `pk_${'a'.repeat(43)}`],
    ['an empty string', ''],
  ])('refuses %s', (_case, value) => {
    expect(looksLikeApiKey(value)).toBe(false);
  });

  it('accepts lengths from 40 to 80', () => {
    expect(looksLikeApiKey(`zk_${'a'.repeat(37)}`)).toBe(true);
    expect(looksLikeApiKey(`zk_${'a'.repeat(77)}`)).toBe(true);
  });
});

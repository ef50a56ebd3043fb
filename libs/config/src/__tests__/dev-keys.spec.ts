import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDevelopmentKeys } from '../dev-keys';
import { loadConfig } from '../load-config';
import { CommonConfig, PEM_PRIVATE, PEM_PUBLIC } from '../service-config';

class ToolConfig extends CommonConfig {}

describe('ensureDevelopmentKeys', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'zilv-dev-keys-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates an Ed25519 key pair under <dataDir>/keys', () => {
    const keys = ensureDevelopmentKeys(dataDir);
    expect(keys.publicKeyPem).toMatch(PEM_PUBLIC);
    expect(keys.privateKeyPem).toMatch(PEM_PRIVATE);
    expect(createPrivateKey(keys.privateKeyPem).asymmetricKeyType).toBe('ed25519');
    const signature = sign(null, Buffer.from('hello'), keys.privateKeyPem);
    expect(verify(null, Buffer.from('hello'), createPublicKey(keys.publicKeyPem), signature)).toBe(true);
    expect(readdirSync(join(dataDir, 'keys'))).toEqual(['development-signing-key.json']);
  });

  it('returns the same keys on the second call', () => {
    const first = ensureDevelopmentKeys(dataDir);
    const second = ensureDevelopmentKeys(dataDir);
    expect(second).toEqual(first);
  });

  it('keeps keys apart per data directory', () => {
    const other = mkdtempSync(join(tmpdir(), 'zilv-dev-keys-'));
    try {
      expect(ensureDevelopmentKeys(other).publicKeyPem).not.toBe(ensureDevelopmentKeys(dataDir).publicKeyPem);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('makes the key file 0600 and its folder 0700', () => {
    ensureDevelopmentKeys(dataDir);
    expect(statSync(join(dataDir, 'keys')).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'keys', 'development-signing-key.json')).mode & 0o777).toBe(0o600);
  });

  it('gives a public key the config accepts as AUTH_PUBLIC_KEY', () => {
    const { publicKeyPem } = ensureDevelopmentKeys(dataDir);
    const config = loadConfig(ToolConfig, { REDIS_URL: 'redis://localhost:6379', NODE_ENV: 'production', AUTH_PUBLIC_KEY: publicKeyPem });
    expect(config.AUTH_PUBLIC_KEY).toBe(publicKeyPem);
  });
});

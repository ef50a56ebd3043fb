import { randomBytes } from 'node:crypto';
import { ConfigValidationError, loadConfig, redactConfig } from '@app/config';
import { EnforcementConfig } from './enforcement.config';
import { complainantCipherFor } from '../complaints/complainant-cipher.provider';

const base = { DATABASE_URL: 'postgres://u:p@localhost/db', REDIS_URL: 'redis://localhost:6379', AUTH_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----' };

describe('EnforcementConfig: the complainant data key', () => {
  it('refuses to start in production without COMPLAINANT_DATA_KEY', () => {
    expect(() => loadConfig(EnforcementConfig, { ...base, NODE_ENV: 'production' })).toThrow(ConfigValidationError);
    expect(() => loadConfig(EnforcementConfig, { ...base, NODE_ENV: 'production' })).toThrow(/COMPLAINANT_DATA_KEY: required in production/);
  });

  it('accepts a 32-byte key in base64 or hex, refuses others, and never shows it', () => {
    const key = randomBytes(32).toString('base64');
    const config = loadConfig(EnforcementConfig, { ...base, NODE_ENV: 'production', COMPLAINANT_DATA_KEY: key });
    expect(redactConfig(config).COMPLAINANT_DATA_KEY).toBe('[redacted]');
    expect(() => complainantCipherFor(config)).not.toThrow();
    expect(() => loadConfig(EnforcementConfig, { ...base, NODE_ENV: 'production', COMPLAINANT_DATA_KEY: randomBytes(32).toString('hex') })).not.toThrow();
    expect(() => loadConfig(EnforcementConfig, { ...base, NODE_ENV: 'production', COMPLAINANT_DATA_KEY: randomBytes(16).toString('base64') })).toThrow(/COMPLAINANT_DATA_KEY/);
  });

  it('outside production the key may be left out (a development key is derived)', () => {
    const config = loadConfig(EnforcementConfig, { ...base, NODE_ENV: 'test' });
    expect(config.COMPLAINANT_DATA_KEY).toBeUndefined();
    expect(config.COMPLAINT_RETENTION_DAYS).toBe(730);
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface SigningKeys {
  publicKeyPem: string;
  privateKeyPem: string;
}

/** Local state of the development servers and keys; the start command runs from the repository root. */
export const DATA_DIR = resolve(process.env.ZILV_DATA_DIR ?? join(process.cwd(), '.data'));

/**
 * Development signing keys: generated on first start and kept under .data/keys. Several processes may
 * start at once, so the file is created with link(2), which fails if another process won the race.
 */
export function ensureDevelopmentKeys(dataDir = DATA_DIR): SigningKeys {
  const dir = join(dataDir, 'keys');
  const file = join(dir, 'development-signing-key.json');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const keys: SigningKeys = {
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(keys), { mode: 0o600 });
    try {
      linkSync(temporary, file);
    } catch {
      /* another process created it first: use theirs */
    } finally {
      unlinkSync(temporary);
    }
  }
  return JSON.parse(readFileSync(file, 'utf8')) as SigningKeys;
}

import { generateKeyPairSync, randomBytes, randomInt } from 'node:crypto';
import { Client } from 'pg';
import { hashPassword } from '@app/auth';
import { computeCreditCodeCheckCharacter } from '@app/common';

let sequence = 0;

/** Six random digits per process, so processes sharing a database rarely meet; the sequence keeps one process unique. */
const PROCESS_DIGITS = String(randomInt(0, 1_000_000)).padStart(6, '0');

/** A valid unified social credit code, unique within the process for ten million calls. */
export function aCreditCode(): string {
  sequence += 1;
  const body = `9142${PROCESS_DIGITS}${String(sequence).padStart(7, '0')}`;
  return body + computeCreditCodeCheckCharacter(body);
}

/** A credit code whose check character is wrong, always: the valid one is swapped for a different character. */
export function aCreditCodeWithWrongCheckCharacter(): string {
  const valid = aCreditCode();
  const wrongCheck = valid.endsWith('0') ? '1' : '0';
  return valid.slice(0, 17) + wrongCheck;
}

export function aShortCode(): string {
  return `T${randomBytes(4).toString('hex').toUpperCase().replace(/[^A-Z0-9]/g, 'X')}`;
}

export function anEmail(label = 'user'): string {
  return `${label}-${randomBytes(4).toString('hex')}@example.org`;
}

export function testSigningKeys(): { AUTH_PUBLIC_KEY: string; AUTH_PRIVATE_KEY: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    AUTH_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    AUTH_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** Operators are created out of band (as the demo data does); everything else goes through the API. */
export async function insertPlatformAdmin(databaseUrl: string, email: string, password: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`INSERT INTO membership.account (email, display_name, password_hash, platform_admin) VALUES ($1, $2, $3, true)`, [
      email,
      'Platform operator',
      await hashPassword(password),
    ]);
  } finally {
    await client.end();
  }
}

export async function sqlQuery<T = Record<string, unknown>>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

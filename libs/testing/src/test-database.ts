import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { SERVICE_NAMES, type ServiceName } from '@app/config';
import { runServiceMigrations } from '@app/database';
import { MIGRATIONS } from '../../../migrations';
import { ENV_REDIS_URL, ENV_SERVER_URL } from './test-infrastructure';

/** A fresh, fully migrated database of its own for one test file: no file sees another's rows. */
export async function createTestDatabase(services: readonly ServiceName[] = SERVICE_NAMES): Promise<string> {
  const serverUrl = process.env[ENV_SERVER_URL];
  if (!serverUrl) throw new Error(`${ENV_SERVER_URL} is not set: run through the integration or e2e Jest project`);
  const name = `zilv_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  for (const service of services) {
    await runServiceMigrations({ service, url: url.toString(), entities: [], migrations: MIGRATIONS[service] });
  }
  return url.toString();
}

export function testRedisUrl(): string {
  const url = process.env[ENV_REDIS_URL];
  if (!url) throw new Error(`${ENV_REDIS_URL} is not set: run through the integration or e2e Jest project`);
  return url;
}

/** A BullMQ key prefix of its own, so test files sharing a Redis never see each other's jobs. */
export function uniqueQueuePrefix(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

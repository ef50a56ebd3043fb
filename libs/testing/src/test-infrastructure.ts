import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, startRedisServer, type RunningPostgres, type RunningRedis } from '../../devstack/src'; // relative: Jest's global setup does not apply moduleNameMapper

/** Set by the global setup for every test worker. */
export const ENV_SERVER_URL = 'ZILV_TEST_POSTGRES_SERVER_URL';
export const ENV_REDIS_URL = 'ZILV_TEST_REDIS_URL';
export const ENV_REDIS_PORT = 'ZILV_TEST_REDIS_PORT';
export const ENV_REDIS_DIR = 'ZILV_TEST_REDIS_DIR';

export interface TestInfrastructure {
  postgres?: RunningPostgres;
  redis?: RunningRedis;
  folder?: string;
}

/**
 * PostgreSQL and Redis for a test run: the servers named by DATABASE_URL / REDIS_URL when given,
 * else private ones on free ports in a temporary folder, removed afterwards.
 */
export async function startTestInfrastructure(): Promise<TestInfrastructure> {
  const started: TestInfrastructure = {};
  if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
    started.folder = mkdtempSync(join(tmpdir(), 'zilv-test-'));
  }
  if (process.env.DATABASE_URL) {
    process.env[ENV_SERVER_URL] = process.env.DATABASE_URL;
  } else {
    started.postgres = await startEmbeddedPostgres({ dataDir: join(started.folder!, 'postgres'), database: 'postgres' });
    process.env[ENV_SERVER_URL] = started.postgres.url;
  }
  if (process.env.REDIS_URL) {
    process.env[ENV_REDIS_URL] = process.env.REDIS_URL;
  } else {
    const dir = join(started.folder!, 'redis');
    started.redis = await startRedisServer({ dir });
    process.env[ENV_REDIS_URL] = started.redis.url;
    process.env[ENV_REDIS_PORT] = String(started.redis.port);
    process.env[ENV_REDIS_DIR] = dir;
  }
  return started;
}

export async function stopTestInfrastructure(infrastructure: TestInfrastructure): Promise<void> {
  await infrastructure.redis?.stop();
  await infrastructure.postgres?.stop();
  if (infrastructure.folder) rmSync(infrastructure.folder, { recursive: true, force: true });
}

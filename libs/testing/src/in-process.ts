import type { INestApplication } from '@nestjs/common';
import { SERVICE_NAMES, type ServiceConfig, type ServiceName, loadConfig } from '@app/config';
import { findFreePort } from '@app/devstack';
import { QUEUE_PREFIX, jobQueueName } from '@app/messaging';
import { Queue } from 'bullmq';
import { startService } from '@app/subgraph';
import { testSigningKeys } from './factories';
import { createTestDatabase, testRedisUrl } from './test-database';

export interface InProcessService<C extends ServiceConfig> {
  app: INestApplication;
  config: C;
  url: string;
  databaseUrl: string;
  keys: ReturnType<typeof testSigningKeys>;
  close(): Promise<void>;
}

/**
 * One subgraph service inside the test process (one per test file: Nest keeps GraphQL type metadata
 * per process), on a fresh database and the run's Redis, listening on a free port.
 */
export async function startServiceInProcess<C extends ServiceConfig>(
  configClass: new () => C,
  moduleFor: (config: C) => unknown,
  name: string,
  env: Record<string, string> = {},
): Promise<InProcessService<C>> {
  const databaseUrl = await createTestDatabase();
  const keys = testSigningKeys();
  const config = loadConfig(configClass, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: process.env.QUEUE_PREFIX,
    PORT: String(await findFreePort()),
    OUTBOX_POLL_INTERVAL_MS: '200',
    ...keys,
    ...env,
  });
  const app = await startService(moduleFor(config), config, name);
  await removeJobSchedules(name);
  return {
    app,
    config,
    url: `http://127.0.0.1:${config.PORT}/graphql`,
    databaseUrl,
    keys,
    close: () => app.close(),
  };
}

/**
 * A test runs a scheduled job when it wants to, with the payload it wants; a scheduler firing on its
 * own in the middle of a test (the waitlist sweep runs every minute) would race with what it checks.
 */
async function removeJobSchedules(service: string): Promise<void> {
  if (!(SERVICE_NAMES as readonly string[]).includes(service)) return;
  const queue = new Queue(jobQueueName(service as ServiceName), { connection: { url: testRedisUrl() }, prefix: QUEUE_PREFIX });
  try {
    for (const scheduler of await queue.getJobSchedulers()) await queue.removeJobScheduler(scheduler.key);
  } finally {
    await queue.close();
  }
}

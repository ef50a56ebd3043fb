import IORedis, { type Redis, type RedisOptions } from 'ioredis';

/**
 * Producers fail fast when Redis is away (the outbox keeps the event and retries); workers block on
 * Redis and so must never give up on a command (BullMQ requires `maxRetriesPerRequest: null`).
 */
export function createProducerConnection(url: string, name: string): Redis {
  return quiet(new IORedis(url, {
    connectionName: name,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  } satisfies RedisOptions));
}

export function createWorkerConnection(url: string, name: string): Redis {
  return quiet(new IORedis(url, {
    connectionName: name,
    maxRetriesPerRequest: null,
    enableReadyCheck: false,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  } satisfies RedisOptions));
}

/** Connection errors are retried by ioredis and surface on the commands that fail; no unhandled 'error' events. */
function quiet(connection: Redis): Redis {
  connection.on('error', () => undefined);
  return connection;
}

/** Closes a connection without waiting for a server that may be gone. */
export async function closeConnection(connection: Redis): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([connection.quit(), new Promise((resolve) => (timer = setTimeout(resolve, 500)))]);
  } catch {
    /* already closed */
  } finally {
    clearTimeout(timer);
  }
  connection.disconnect();
}

/**
 * Resolves true once the connection can take commands, or false after `timeoutMs`. A fail-fast
 * producer connection refuses commands until then, so a process that serves traffic with it waits
 * here first instead of answering its first requests as if Redis were down.
 */
export function waitUntilReady(connection: Redis, timeoutMs: number): Promise<boolean> {
  if (connection.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const settle = (ready: boolean) => {
      clearTimeout(timer);
      connection.off('ready', onReady);
      resolve(ready);
    };
    const onReady = () => settle(true);
    const timer = setTimeout(() => settle(false), timeoutMs);
    connection.on('ready', onReady);
  });
}

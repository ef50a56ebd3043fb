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
  try {
    await Promise.race([connection.quit(), new Promise((resolve) => setTimeout(resolve, 500))]);
  } catch {
    /* already closed */
  }
  connection.disconnect();
}

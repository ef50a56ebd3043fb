import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedisServer, type RunningRedis } from '@app/devstack';
import { closeConnection, createProducerConnection, waitUntilReady } from '../redis-connections';

jest.setTimeout(30_000);

/** A port nothing listens on: taken from the OS, then released. */
async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('waitUntilReady against a real redis-server', () => {
  let dir: string;
  let server: RunningRedis;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zilv-redis-connections-'));
    server = await startRedisServer({ dir });
  });

  afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('resolves true once a fresh producer connection can take commands', async () => {
    const connection = createProducerConnection(server.url, 'zilv-test');
    try {
      // A fail-fast connection refuses commands before it is ready: this is what the wait is for.
      await expect(waitUntilReady(connection, 5_000)).resolves.toBe(true);
      await expect(connection.ping()).resolves.toBe('PONG');
      await expect(waitUntilReady(connection, 1)).resolves.toBe(true);
    } finally {
      await closeConnection(connection);
    }
  });

  it('resolves false after the timeout when no Redis answers', async () => {
    const connection = createProducerConnection(`redis://127.0.0.1:${await unusedPort()}`, 'zilv-test');
    try {
      const started = Date.now();
      await expect(waitUntilReady(connection, 300)).resolves.toBe(false);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(connection.listenerCount('ready')).toBe(0);
    } finally {
      await closeConnection(connection);
    }
  });
});

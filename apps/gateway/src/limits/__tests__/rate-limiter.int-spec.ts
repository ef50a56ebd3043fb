import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { startRedisServer, type RunningRedis } from '@app/devstack';
import { RedisRateLimiter } from '../rate-limiter.service';

jest.setTimeout(30_000);

/** Tests that are not about the deadline give Redis time to answer on a loaded machine. */
const SLOW_MACHINE_TIMEOUT_MS = 5_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RedisRateLimiter against a real redis-server', () => {
  let dir: string;
  let server: RunningRedis;
  let redis: Redis;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zilv-rate-limiter-'));
    server = await startRedisServer({ dir });
    // The options the gateway uses: commands fail at once while Redis is away instead of queueing.
    redis = new Redis(server.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true, disconnectTimeout: 100 });
    redis.on('error', () => undefined); // reconnect noise once the server is stopped on purpose
    await redis.connect();
  });

  afterAll(async () => {
    redis?.disconnect();
    // ioredis keeps a `disconnectTimeout` timer for the socket the stopped server already closed.
    await sleep(150);
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('allows exactly limit requests per window, then refuses', async () => {
    const limiter = new RedisRateLimiter(redis, { limit: 5, windowMs: 10_000, prefix: 'test:exact:', timeoutMs: SLOW_MACHINE_TIMEOUT_MS });
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await limiter.consume('client'));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([4, 3, 2, 1, 0, 0]);
    for (const result of results) {
      expect(result).toMatchObject({ limit: 5, degraded: false });
      // The window opened at the first request; a slow machine may take a while over the six.
      expect(result.resetMs).toBeGreaterThan(5_000);
      expect(result.resetMs).toBeLessThanOrEqual(10_000);
    }
    expect(await redis.pttl('test:exact:client')).toBeGreaterThan(5_000);
  });

  it('counts concurrent requests atomically', async () => {
    const limiter = new RedisRateLimiter(redis, { limit: 20, windowMs: 10_000, prefix: 'test:concurrent:', timeoutMs: SLOW_MACHINE_TIMEOUT_MS });
    const results = await Promise.all(Array.from({ length: 50 }, () => limiter.consume('client')));
    expect(results.filter((r) => r.allowed)).toHaveLength(20);
  });

  it('keeps separate budgets for separate client keys', async () => {
    const limiter = new RedisRateLimiter(redis, { limit: 2, windowMs: 10_000, prefix: 'test:keys:', timeoutMs: SLOW_MACHINE_TIMEOUT_MS });
    await limiter.consume('alice');
    await limiter.consume('alice');
    expect((await limiter.consume('alice')).allowed).toBe(false);
    await expect(limiter.consume('bob')).resolves.toMatchObject({ allowed: true, remaining: 1 });
  });

  it('allows requests again once the window has passed', async () => {
    const limiter = new RedisRateLimiter(redis, { limit: 2, windowMs: 1_500, prefix: 'test:reset:', timeoutMs: SLOW_MACHINE_TIMEOUT_MS });
    await limiter.consume('client');
    await limiter.consume('client');
    const refused = await limiter.consume('client');
    expect(refused.allowed).toBe(false);
    await sleep(refused.resetMs + 50);
    await expect(limiter.consume('client')).resolves.toMatchObject({ allowed: true, remaining: 1, degraded: false });
  });

  it('sends the script again after Redis lost its script cache', async () => {
    const limiter = new RedisRateLimiter(redis, { limit: 3, windowMs: 10_000, prefix: 'test:flush:', timeoutMs: SLOW_MACHINE_TIMEOUT_MS });
    await limiter.consume('client');
    await redis.script('FLUSH');
    await expect(limiter.consume('client')).resolves.toMatchObject({ allowed: true, remaining: 1, degraded: false });
  });

  it('fails open after timeoutMs while Redis hangs, and counts again once it answers', async () => {
    const limiter = new RedisRateLimiter(redis, { limit: 5, windowMs: 10_000, prefix: 'test:hang:', timeoutMs: 100 });
    server.process.kill('SIGSTOP');
    try {
      const started = Date.now();
      await expect(limiter.consume('client')).resolves.toMatchObject({ allowed: true, degraded: true });
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      server.process.kill('SIGCONT');
    }
    // The timed-out request still reached Redis late, so this is the second one counted.
    const patient = new RedisRateLimiter(redis, { limit: 5, windowMs: 10_000, prefix: 'test:hang:', timeoutMs: SLOW_MACHINE_TIMEOUT_MS });
    await expect(patient.consume('client')).resolves.toMatchObject({ allowed: true, remaining: 3, degraded: false });
  });

  it('counts the request when only this process was busy past the deadline and the answer was waiting', async () => {
    const limiter = new RedisRateLimiter(redis, { limit: 5, windowMs: 10_000, prefix: 'test:busy:', timeoutMs: 50 });
    const pending = limiter.consume('client');
    // Blocks the event loop far past timeoutMs (and past any delay of a loaded Redis), as a garbage collection or a heavy request would.
    const until = Date.now() + 1_000;
    while (Date.now() < until);
    await expect(pending).resolves.toMatchObject({ allowed: true, remaining: 4, degraded: false });
  });

  // Last: it stops the server.
  it('fails open, quickly, once Redis is down', async () => {
    const errors: Error[] = [];
    const limiter = new RedisRateLimiter(redis, { limit: 1, windowMs: 10_000, prefix: 'test:down:', onError: (e) => errors.push(e), timeoutMs: SLOW_MACHINE_TIMEOUT_MS });
    await limiter.consume('client');
    expect((await limiter.consume('client')).allowed).toBe(false);

    await server.stop();
    const started = Date.now();
    for (let i = 0; i < 3; i++) {
      await expect(limiter.consume('client')).resolves.toEqual({ allowed: true, limit: 1, remaining: 1, resetMs: 0, degraded: true });
    }
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(errors).toHaveLength(3);
  });
});

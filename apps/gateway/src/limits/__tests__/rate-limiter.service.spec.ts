import { RedisRateLimiter, warnAtMostEvery, type RateLimiterRedisClient } from '../rate-limiter.service';

/** Scripted stand-in for ioredis: the Redis behaviour itself is covered by rate-limiter.int-spec.ts. */
function fakeRedis(evalsha: RateLimiterRedisClient['evalsha'], evalScript?: RateLimiterRedisClient['eval']): RateLimiterRedisClient {
  return { evalsha, eval: evalScript ?? (() => Promise.reject(new Error('eval not expected'))) };
}

describe('RedisRateLimiter', () => {
  it("turns the script's count and ttl into the result", async () => {
    const calls: unknown[][] = [];
    const replies = [[3, 900], [4, 800]];
    const limiter = new RedisRateLimiter(
      fakeRedis(async (...args) => {
        calls.push(args);
        return replies.shift();
      }),
      { limit: 3, windowMs: 1000, prefix: 'test:' },
    );
    await expect(limiter.consume('client-a')).resolves.toEqual({ allowed: true, limit: 3, remaining: 0, resetMs: 900, degraded: false });
    await expect(limiter.consume('client-a')).resolves.toEqual({ allowed: false, limit: 3, remaining: 0, resetMs: 800, degraded: false });
    expect(calls[0]).toEqual([expect.stringMatching(/^[0-9a-f]{40}$/), 1, 'test:client-a', 1000]);
  });

  it('sends the script itself when Redis has not cached it (NOSCRIPT)', async () => {
    const evalScript = jest.fn(async () => [1, 1000]);
    const limiter = new RedisRateLimiter(
      fakeRedis(() => Promise.reject(new Error('NOSCRIPT No matching script. Please use EVAL.')), evalScript),
      { limit: 5, windowMs: 1000 },
    );
    await expect(limiter.consume('c')).resolves.toMatchObject({ allowed: true, remaining: 4, degraded: false });
    expect(evalScript).toHaveBeenCalledWith(expect.stringContaining("redis.call('INCR', KEYS[1])"), 1, 'gateway:ratelimit:c', 1000);
  });

  it('fails open and reports the error when Redis rejects the command', async () => {
    const onError = jest.fn();
    const limiter = new RedisRateLimiter(
      fakeRedis(() => Promise.reject(new Error("Stream isn't writeable and enableOfflineQueue options is false"))),
      { limit: 5, windowMs: 1000, onError },
    );
    await expect(limiter.consume('c')).resolves.toEqual({ allowed: true, limit: 5, remaining: 5, resetMs: 0, degraded: true });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('enableOfflineQueue') }));
  });

  it('fails open after timeoutMs when Redis does not answer at all', async () => {
    const onError = jest.fn();
    const limiter = new RedisRateLimiter(
      fakeRedis(() => new Promise(() => undefined)),
      { limit: 5, windowMs: 1000, timeoutMs: 50, onError },
    );
    const started = Date.now();
    await expect(limiter.consume('c')).resolves.toMatchObject({ allowed: true, degraded: true });
    // Without the deadline it would wait forever; the bound leaves room for a loaded machine.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(onError).toHaveBeenCalledWith(new Error('Redis did not answer within 50 ms'));
  });

  it('fails open on a reply it does not understand', async () => {
    const limiter = new RedisRateLimiter(fakeRedis(async () => 'OK'), { limit: 5, windowMs: 1000 });
    await expect(limiter.consume('c')).resolves.toMatchObject({ allowed: true, degraded: true });
  });

  it('refuses nonsensical options', () => {
    const redis = fakeRedis(async () => [1, 1]);
    expect(() => new RedisRateLimiter(redis, { limit: 0, windowMs: 1000 })).toThrow(RangeError);
    expect(() => new RedisRateLimiter(redis, { limit: 10, windowMs: 0.5 })).toThrow(RangeError);
    expect(() => new RedisRateLimiter(redis, { limit: 10, windowMs: 1000, timeoutMs: 0 })).toThrow(RangeError);
  });
});

describe('warnAtMostEvery', () => {
  it('logs the first failure at once, then one per interval with the number it held back', () => {
    let clock = 0;
    const warnings: [string, number][] = [];
    const onError = warnAtMostEvery(10_000, (error, skipped) => warnings.push([error.message, skipped]), () => clock);
    onError(new Error('down'));
    for (let i = 0; i < 5; i += 1) {
      clock += 1_000;
      onError(new Error('still down'));
    }
    clock = 10_000;
    onError(new Error('down again'));
    expect(warnings).toEqual([
      ['down', 0],
      ['down again', 5],
    ]);
  });
});

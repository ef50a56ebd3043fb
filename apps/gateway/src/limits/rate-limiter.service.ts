import { createHash } from 'node:crypto';
import { assertLimit } from './limit.errors';

/**
 * The two commands the limiter needs; an ioredis `Redis` satisfies it. The gateway's client is
 * created with `enableOfflineQueue: false` and `maxRetriesPerRequest: 1`, so while Redis is down
 * commands fail at once instead of queueing.
 */
export interface RateLimiterRedisClient {
  evalsha(sha1: string, numkeys: number, ...args: (string | number)[]): Promise<unknown>;
  eval(script: string, numkeys: number, ...args: (string | number)[]): Promise<unknown>;
}

export interface RateLimiterOptions {
  /** Requests allowed per client and window. */
  limit: number;
  windowMs: number;
  /** Key prefix, so several limiters (and environments) can share one Redis. */
  prefix?: string;
  /** After this long without an answer Redis counts as down; it bounds the latency an outage adds. */
  timeoutMs?: number;
  /** Told about every Redis failure (for logs and metrics); the request is let through regardless. */
  onError?: (error: Error) => void;
}

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  /** Requests left in the current window. */
  remaining: number;
  /** Milliseconds until the window resets. */
  resetMs: number;
  /** Redis could not be asked, so nothing was counted and the request was allowed. */
  degraded: boolean;
}

// INCR and the expiry run atomically, so concurrent gateway instances share one exact count and a
// key can never be left without an expiry (which would block that client for good).
const FIXED_WINDOW_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;
const FIXED_WINDOW_SHA = createHash('sha1').update(FIXED_WINDOW_SCRIPT).digest('hex');

export const DEFAULT_RATE_LIMIT_PREFIX = 'gateway:ratelimit:';
export const DEFAULT_RATE_LIMIT_TIMEOUT_MS = 200;

/**
 * Fixed-window request counter per client key, kept in Redis so every gateway instance enforces
 * the same budget. The window starts with a client's first request and lasts `windowMs`.
 *
 * It fails open: when Redis errors or does not answer within `timeoutMs`, `consume` allows the
 * request and reports `degraded: true`, because a Redis outage must not take the API down with it.
 */
export class RedisRateLimiter {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly prefix: string;
  private readonly timeoutMs: number;
  private readonly onError?: (error: Error) => void;

  constructor(
    private readonly redis: RateLimiterRedisClient,
    options: RateLimiterOptions,
  ) {
    assertLimit('limit', options.limit);
    assertLimit('windowMs', options.windowMs);
    this.limit = options.limit;
    this.windowMs = options.windowMs;
    this.prefix = options.prefix ?? DEFAULT_RATE_LIMIT_PREFIX;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_RATE_LIMIT_TIMEOUT_MS;
    assertLimit('timeoutMs', this.timeoutMs);
    this.onError = options.onError;
  }

  /** Counts one request for `clientKey` and says whether it is within the limit. */
  async consume(clientKey: string): Promise<RateLimitResult> {
    try {
      const [count, ttl] = await this.withTimeout(this.increment(this.prefix + clientKey));
      return {
        allowed: count <= this.limit,
        limit: this.limit,
        remaining: Math.max(0, this.limit - count),
        resetMs: Math.max(0, ttl),
        degraded: false,
      };
    } catch (error) {
      this.onError?.(error instanceof Error ? error : new Error(String(error)));
      return { allowed: true, limit: this.limit, remaining: this.limit, resetMs: 0, degraded: true };
    }
  }

  private async increment(key: string): Promise<[count: number, ttl: number]> {
    let reply: unknown;
    try {
      reply = await this.redis.evalsha(FIXED_WINDOW_SHA, 1, key, this.windowMs);
    } catch (error) {
      // The script cache is empty after a Redis restart or failover: send the script itself once.
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      reply = await this.redis.eval(FIXED_WINDOW_SCRIPT, 1, key, this.windowMs);
    }
    if (!Array.isArray(reply) || typeof reply[0] !== 'number' || typeof reply[1] !== 'number') {
      throw new Error(`Unexpected rate limit script reply: ${JSON.stringify(reply)}`);
    }
    return [reply[0], reply[1]];
  }

  private withTimeout<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      // The rejection waits for setImmediate, which runs after the event loop has polled for I/O:
      // when this process was busy past the deadline, an answer already waiting on the socket
      // still wins, so a stalled event loop does not make the limiter fail open.
      const expire = () => setImmediate(() => reject(new Error(`Redis did not answer within ${this.timeoutMs} ms`)));
      timer = setTimeout(expire, this.timeoutMs);
    });
    // Promise.race also observes a late rejection of `work`, so none goes unhandled.
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }
}

/**
 * Wraps a warning so an outage that fails every request open logs once per `intervalMs`, with the
 * number of failures it did not log, instead of once per request.
 */
export function warnAtMostEvery(intervalMs: number, warn: (error: Error, skipped: number) => void, now: () => number = Date.now): (error: Error) => void {
  let lastWarnedAt = Number.NEGATIVE_INFINITY;
  let skipped = 0;
  return (error) => {
    const at = now();
    if (at - lastWarnedAt < intervalMs) {
      skipped += 1;
      return;
    }
    warn(error, skipped);
    lastWarnedAt = at;
    skipped = 0;
  };
}

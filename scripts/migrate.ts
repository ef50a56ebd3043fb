/**
 * One-shot migration step (the compose file's `migrate` service and `npm start` run it): creates each
 * service's schema when missing and applies its pending migrations. `--revert <service>` undoes the
 * last migration of one service.
 */
import 'reflect-metadata';
import { SERVICE_NAMES, type ServiceName } from '@app/config';
import { revertLastServiceMigration, runServiceMigrations } from '@app/database';
import { MIGRATIONS } from '../migrations';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const revert = process.argv.indexOf('--revert');
  if (revert >= 0) {
    const service = process.argv[revert + 1] as ServiceName;
    if (!SERVICE_NAMES.includes(service)) throw new Error(`--revert needs one of ${SERVICE_NAMES.join(', ')}`);
    await revertLastServiceMigration({ service, url, entities: [], migrations: MIGRATIONS[service] });
    console.log(`migrate: reverted the last migration of ${service}`);
    return;
  }
  for (const service of SERVICE_NAMES) {
    const applied = await runServiceMigrations({ service, url, entities: [], migrations: MIGRATIONS[service] });
    console.log(`migrate: ${service} ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
  }
}

main().catch((error: unknown) => {
  console.error(`migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

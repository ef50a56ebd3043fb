import type { MixedList, EntitySchema } from 'typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { ServiceName } from '@app/config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// TypeORM accepts entity classes of any shape here.
type EntityList = MixedList<string | EntitySchema | (new (...args: never[]) => unknown)>;
type MigrationList = MixedList<string | (new () => unknown)>;

export interface ServiceDataSourceInput {
  service: ServiceName;
  url: string;
  entities: EntityList;
  migrations?: MigrationList;
  poolSize?: number;
  applicationName?: string;
}

/**
 * One data source per service, confined to the service's own schema: `search_path` is the service
 * schema only, so a query that names another service's table fails instead of quietly working.
 */
export function serviceDataSourceOptions(input: ServiceDataSourceInput): DataSourceOptions {
  return {
    type: 'postgres',
    url: input.url,
    schema: input.service,
    entities: input.entities as DataSourceOptions['entities'],
    migrations: (input.migrations ?? []) as DataSourceOptions['migrations'],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: input.applicationName ?? `zilv-${input.service}`,
    extra: { max: input.poolSize ?? 10, options: `-c search_path=${input.service}` },
    logging: ['error'],
  };
}

/** Creates the service schema when missing, then applies pending migrations, each in its own transaction. */
export async function runServiceMigrations(input: ServiceDataSourceInput, log: (line: string) => void = () => undefined): Promise<string[]> {
  const dataSource = new DataSource(serviceDataSourceOptions({ ...input, poolSize: 2, applicationName: `zilv-migrate-${input.service}` }));
  await dataSource.initialize();
  try {
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${input.service}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) log(`${input.service}: applied ${migration.name}`);
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

export async function revertLastServiceMigration(input: ServiceDataSourceInput): Promise<void> {
  const dataSource = new DataSource(serviceDataSourceOptions({ ...input, poolSize: 2 }));
  await dataSource.initialize();
  try {
    await dataSource.undoLastMigration({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

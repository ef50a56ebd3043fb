import { DataSource } from 'typeorm';
import { SERVICE_NAMES } from '@app/config';
import { revertLastServiceMigration, runServiceMigrations, serviceDataSourceOptions } from '@app/database';
import { createTestDatabase, sqlQuery } from '@app/testing';
import { MIGRATIONS } from '..';

describe('migrations', () => {
  it.each(SERVICE_NAMES)('%s migrates down to nothing and up again', async (service) => {
    const url = await createTestDatabase([service]);
    const tables = () => sqlQuery<{ table_name: string }>(url, `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'schema_migrations' ORDER BY 1`, [service]);
    const migrated = await tables();
    expect(migrated.map((t) => t.table_name)).toEqual(expect.arrayContaining(['inbox_event', 'outbox_event']));
    for (let i = 0; i < MIGRATIONS[service].length; i += 1) await revertLastServiceMigration({ service, url, entities: [], migrations: MIGRATIONS[service] });
    expect(await tables()).toEqual([]);
    expect(await runServiceMigrations({ service, url, entities: [], migrations: MIGRATIONS[service] })).toHaveLength(MIGRATIONS[service].length);
    expect(await tables()).toEqual(migrated);
    expect(await runServiceMigrations({ service, url, entities: [], migrations: MIGRATIONS[service] })).toEqual([]);
  });

  it('a service connection sees only its own schema', async () => {
    const url = await createTestDatabase();
    const membership = new DataSource(serviceDataSourceOptions({ service: 'membership', url, entities: [], poolSize: 1 }));
    await membership.initialize();
    try {
      await expect(membership.query('SELECT count(*) FROM organization')).resolves.toBeDefined();
      await expect(membership.query('SELECT count(*) FROM organization_directory')).rejects.toThrow(/does not exist/);
    } finally {
      await membership.destroy();
    }
  });

  it('migration class names are unique and each service lists its migrations in timestamp order', () => {
    for (const service of SERVICE_NAMES) {
      const stamps = MIGRATIONS[service].map((m) => Number(/(\d{13})$/.exec(m.name)?.[1]));
      expect(stamps.every((s) => Number.isFinite(s))).toBe(true);
      expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
    }
  });
});

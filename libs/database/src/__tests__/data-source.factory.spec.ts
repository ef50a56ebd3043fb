import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { serviceDataSourceOptions } from '../data-source.factory';
import { SnakeNamingStrategy } from '../snake-naming.strategy';

class OrganizationEntity {}

const URL = 'postgres://zilv:secret@localhost:5432/zilv';

function optionsFor(input: Partial<Parameters<typeof serviceDataSourceOptions>[0]> = {}): PostgresConnectionOptions {
  return serviceDataSourceOptions({ service: 'membership', url: URL, entities: [OrganizationEntity], ...input }) as PostgresConnectionOptions;
}

describe('serviceDataSourceOptions', () => {
  it('uses the service name as the schema', () => {
    expect(optionsFor()).toMatchObject({ type: 'postgres', url: URL, schema: 'membership' });
    expect(optionsFor({ service: 'enforcement' }).schema).toBe('enforcement');
  });

  it('confines search_path to the service schema alone', () => {
    expect(optionsFor({ service: 'standards' }).extra).toMatchObject({ options: '-c search_path=standards' });
    expect(String(optionsFor().extra.options)).not.toMatch(/public|,/);
  });

  it('never synchronizes or migrates on connect', () => {
    expect(optionsFor()).toMatchObject({ synchronize: false, migrationsRun: false });
  });

  it('applies each migration in its own transaction, tracked in schema_migrations', () => {
    expect(optionsFor()).toMatchObject({ migrationsTableName: 'schema_migrations', migrationsTransactionMode: 'each', migrations: [] });
  });

  it('names tables and columns in snake case', () => {
    expect(optionsFor().namingStrategy).toBeInstanceOf(SnakeNamingStrategy);
  });

  it('sizes the pool (default 10) and names the connection after the service', () => {
    expect(optionsFor().extra.max).toBe(10);
    expect(optionsFor({ poolSize: 3 }).extra.max).toBe(3);
    expect(optionsFor({ service: 'events' }).applicationName).toBe('zilv-events');
    expect(optionsFor({ applicationName: 'zilv-migrate-events' }).applicationName).toBe('zilv-migrate-events');
  });

  it('passes the entities through', () => {
    expect(optionsFor().entities).toEqual([OrganizationEntity]);
  });
});

/** Loads the demo data (idempotent). `npm start` runs it after migrating. */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { serviceDataSourceOptions } from '@app/database';
import { loadDemoData } from '../apps/membership/src/demo/demo-data';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const dataSource = new DataSource(serviceDataSourceOptions({ service: 'membership', url, entities: [], poolSize: 1 }));
  await dataSource.initialize();
  try {
    await loadDemoData(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`demo data failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { serviceDataSourceOptions } from '@app/database';
import { createTestDatabase, sqlQuery } from '@app/testing';
import { loadDemoData } from '../../demo/demo-data';

describe('governance demo data', () => {
  it('loads the council term, a committee and an expert batch once, however often it runs', async () => {
    const url = await createTestDatabase(['membership']);
    const dataSource = new DataSource(serviceDataSourceOptions({ service: 'membership', url, entities: [], poolSize: 1 }));
    await dataSource.initialize();
    try {
      await loadDemoData(dataSource, () => undefined);
      await loadDemoData(dataSource, () => undefined);
    } finally {
      await dataSource.destroy();
    }
    const counts = await sqlQuery<{ terms: number; offices: number; committees: number; experts: number; events: number }>(
      url,
      `SELECT (SELECT count(*)::int FROM membership.council_term) AS terms, (SELECT count(*)::int FROM membership.council_office) AS offices,
              (SELECT count(*)::int FROM membership.committee) AS committees, (SELECT count(*)::int FROM membership.expert) AS experts,
              (SELECT count(*)::int FROM membership.outbox_event WHERE type IN ('membership.office.changed', 'membership.expert.changed')) AS events`,
    );
    expect(counts).toEqual([{ terms: 1, offices: 8, committees: 1, experts: 3, events: 11 }]);
  });
});

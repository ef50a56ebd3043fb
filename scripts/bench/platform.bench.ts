import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { serviceDataSourceOptions } from '@app/database';
import { OutboxService } from '@app/messaging';
import { aCreditCode, graphql, sqlQuery } from '@app/testing';
import { type BenchContext, fmt, load, summarize } from './bench-kit';

/** (a) one query through the gateway vs straight to its subgraph: throughput, p50, p99, ratio. */
export async function benchQueries({ stack, token, associationId, scale: SCALE }: BenchContext): Promise<void> {
  const query = `query($a: ID!) { organizations(associationId: $a, first: 20) { totalCount nodes { id name creditCode membershipStatus } } }`;
  const targets = { gateway: `${stack.gatewayUrl}/graphql`, subgraph: stack.subgraphUrl('membership') };
  const send = (url: string) => async () => {
    const response = await graphql(url, query, { a: associationId }, { token });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
  };
  for (const url of Object.values(targets)) await load(200, 8, send(url)); // warm-up: JIT, pools, plans
  const rounds = 5;
  const perRound = 400 * SCALE;
  const results = { gateway: { latencies: [] as number[], elapsedMs: 0 }, subgraph: { latencies: [] as number[], elapsedMs: 0 } };
  for (let round = 0; round < rounds; round += 1) {
    // Alternate the order each round so drift in machine load hits both sides.
    const order = round % 2 === 0 ? (['gateway', 'subgraph'] as const) : (['subgraph', 'gateway'] as const);
    for (const side of order) {
      const run = await load(perRound, 16, send(targets[side]));
      results[side].latencies.push(...run.latencies);
      results[side].elapsedMs += run.elapsedMs;
    }
  }
  const gateway = summarize(results.gateway.latencies, results.gateway.elapsedMs);
  const subgraph = summarize(results.subgraph.latencies, results.subgraph.elapsedMs);
  console.log('\n(a) organizations(first: 20) — through the gateway vs directly to the membership subgraph (16 concurrent, 5 alternating rounds)');
  console.log('    side        requests   req/s     p50 ms   p99 ms');
  for (const [name, s] of [['gateway', gateway], ['subgraph', subgraph]] as const) {
    console.log(`    ${name.padEnd(10)}  ${String(s.count).padStart(8)}   ${fmt(s.perSecond, 0).padStart(6)}   ${fmt(s.p50, 2).padStart(6)}   ${fmt(s.p99, 2).padStart(6)}`);
  }
  console.log(`    ratio gateway/subgraph: throughput ${fmt(gateway.perSecond / subgraph.perSecond, 2)}×, p50 ${fmt(gateway.p50 / subgraph.p50, 2)}×, p99 ${fmt(gateway.p99 / subgraph.p99, 2)}×`);
}

/**
 * (b) event propagation from commit to the consumer's effect through outbox → relay → BullMQ → inbox
 * vs a raw BullMQ add → worker round trip: p50, p99 latency and events/s.
 */
export async function benchEvents({ stack, scale: SCALE }: BenchContext): Promise<void> {
  const membership = new DataSource(serviceDataSourceOptions({ service: 'membership', url: stack.databaseUrl, entities: [], poolSize: 8 }));
  await membership.initialize();
  const outbox = new OutboxService('membership');
  const associationId = randomUUID();
  const record = (organizationId: string) =>
    membership.transaction((manager) =>
      outbox.record(manager, { type: 'membership.organization.updated', associationId, payload: { organizationId, name: '基准测试单位', creditCode: aCreditCode(), membershipStatus: 'ACTIVE', revision: 1 } }),
    );
  const applied = async (ids: string[]) => {
    const rows = await sqlQuery<{ n: string }>(stack.databaseUrl, `SELECT count(*) AS n FROM enforcement.organization_directory WHERE organization_id = ANY($1::uuid[])`, [ids]);
    return Number(rows[0].n);
  };
  const waitApplied = async (ids: string[]) => {
    while ((await applied(ids)) < ids.length) await new Promise((r) => setTimeout(r, 20));
  };

  // Latency: paced single events; commit → effect measured on PostgreSQL's clock on both ends.
  const paced: string[] = [];
  for (let i = 0; i < 200 * SCALE; i += 1) {
    const id = randomUUID();
    paced.push(id);
    await record(id);
    await new Promise((r) => setTimeout(r, 5));
  }
  await waitApplied(paced);
  const latencyRows = await sqlQuery<{ ms: number }>(
    stack.databaseUrl,
    `SELECT extract(epoch FROM (i.handled_at - o.occurred_at)) * 1000 AS ms
       FROM membership.outbox_event o JOIN enforcement.inbox_event i ON i.event_id = o.id
      WHERE o.payload->>'organizationId' = ANY($1)`,
    [paced],
  );
  const relayLatency = summarize(latencyRows.map((r) => Number(r.ms)), 1);

  // Throughput: a burst of commits from 8 writers, until every effect is visible.
  const burst = Array.from({ length: 2000 * SCALE }, () => randomUUID());
  const t0 = performance.now();
  await load(burst.length, 8, async () => void (await record(burst.pop()!)));
  const burstIds = (await sqlQuery<{ id: string }>(stack.databaseUrl, `SELECT payload->>'organizationId' AS id FROM membership.outbox_event ORDER BY position DESC LIMIT $1`, [2000 * SCALE])).map((r) => r.id);
  await waitApplied(burstIds);
  const relayRate = (burstIds.length * 1000) / (performance.now() - t0);
  await membership.destroy();

  // Raw BullMQ on the same Redis: add → worker, no database on either side.
  const connection = { url: stack.redisUrl };
  const queue = new Queue('bench-raw', { connection, prefix: `${stack.queuePrefix}-raw` });
  const rawLatencies: number[] = [];
  let rawDone = 0;
  const worker = new Worker('bench-raw', async (job) => {
    rawLatencies.push(Date.now() - (job.data as { sentAt: number }).sentAt);
    rawDone += 1;
  }, { connection, prefix: `${stack.queuePrefix}-raw`, concurrency: 8 });
  for (let i = 0; i < 200 * SCALE; i += 1) {
    await queue.add('e', { sentAt: Date.now() }, { removeOnComplete: true });
    await new Promise((r) => setTimeout(r, 5));
  }
  while (rawDone < 200 * SCALE) await new Promise((r) => setTimeout(r, 20));
  const rawLatency = summarize(rawLatencies, 1);
  rawDone = 0;
  const t1 = performance.now();
  await load(2000 * SCALE, 8, async () => void (await queue.add('e', { sentAt: Date.now() }, { removeOnComplete: true })));
  while (rawDone < 2000 * SCALE) await new Promise((r) => setTimeout(r, 20));
  const rawRate = (2000 * SCALE * 1000) / (performance.now() - t1);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();

  console.log('\n(b) event propagation, commit → consumer effect (outbox → relay → BullMQ → inbox + read model) vs raw BullMQ add → worker');
  console.log('    path             p50 ms   p99 ms   events/s (burst of 8 writers)');
  console.log(`    outbox relay     ${fmt(relayLatency.p50, 2).padStart(6)}   ${fmt(relayLatency.p99, 2).padStart(6)}   ${fmt(relayRate, 0).padStart(6)}`);
  console.log(`    raw BullMQ       ${fmt(rawLatency.p50, 2).padStart(6)}   ${fmt(rawLatency.p99, 2).padStart(6)}   ${fmt(rawRate, 0).padStart(6)}`);
  console.log(`    ratio relay/raw: p50 ${fmt(relayLatency.p50 / rawLatency.p50, 2)}×, events/s ${fmt(relayRate / rawRate, 2)}×`);
}


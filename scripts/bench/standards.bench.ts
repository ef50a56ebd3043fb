import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { dataOf, graphql, sqlQuery } from '@app/testing';
import { type BenchContext, fmt, load, summarize } from './bench-kit';

/**
 * (publish) Publication code allocation under contention: N publications of distinct standards in
 * flight at once, each one transaction through the standards subgraph (guards, counter row
 * `INSERT … ON CONFLICT DO UPDATE … RETURNING`, code, history, outbox), versus the same number of
 * plain single-row `UPDATE … RETURNING` counter increments straight on PostgreSQL at the same
 * concurrency. Every publication of a round lands on the same (association, year) counter row.
 */
export async function benchPublish({ stack, token, associationId, scale: SCALE }: BenchContext): Promise<void> {
  const url = stack.subgraphUrl('standards');
  const code = `B${randomBytes(3).toString('hex').toUpperCase().replace(/[^A-Z0-9]/g, 'X')}`;
  dataOf(await graphql(url, `mutation($i: ConfigureStandardsProgrammeInput!) { configureStandardsProgramme(input: $i) { code } }`, { i: { associationId, code } }, { token }));
  const perRound = Math.min(900, 200 * SCALE);
  const concurrency = 32;
  const rounds = 3;

  const pool = new Pool({ connectionString: stack.databaseUrl, max: concurrency });
  await pool.query(`CREATE TABLE IF NOT EXISTS public.bench_counter (id integer PRIMARY KEY, n integer NOT NULL)`);
  await pool.query(`INSERT INTO public.bench_counter (id, n) VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET n = 0`);

  const standardsFor = async (count: number) =>
    (await sqlQuery<{ id: string }>(
      stack.databaseUrl,
      `INSERT INTO standards.standard (association_id, title, state, scope, necessity, related_standards, planned_units, patent_pre_disclosure, proposer_account_id, proposer_name)
       SELECT $1, '基准标准 ' || g, 'APPROVAL_PENDING', 's', 'n', 'r', '{u}', 'p', 'bench', 'bench' FROM generate_series(1, $2) g RETURNING id`,
      [associationId, count],
    )).map((r) => r.id);
  /** `year` a number: every publication on one counter row; a function: each on its own row. */
  const publishAll = async (ids: string[], year: number | ((i: number) => number)) => {
    const queue = [...ids];
    let started = 0;
    const codes: string[] = [];
    const run = await load(ids.length, concurrency, async () => {
      const id = queue.pop()!;
      const y = typeof year === 'number' ? year : year(started++);
      const response = await graphql<{ transitionStandard: { code: string } }>(url, `mutation($i: TransitionStandardInput!) { transitionStandard(input: $i) { code } }`, {
        i: { standardId: id, to: 'PUBLISHED', publication: { publishedOn: `${y}-01-15`, implementedOn: `${y}-04-15`, approvalDocumentNumber: `基准〔${y}〕${id.slice(0, 6)}号` } },
      }, { token });
      codes.push(dataOf(response).transitionStandard.code);
    });
    return { ...run, codes };
  };
  const increment = () => load(perRound, concurrency, async () => void (await pool.query(`UPDATE public.bench_counter SET n = n + 1 WHERE id = 1 RETURNING n`)));

  // Warm-up: JIT, pools, plans.
  await publishAll(await standardsFor(50), 2090);
  await increment();

  const publish = { latencies: [] as number[], elapsedMs: 0 };
  const spread = { latencies: [] as number[], elapsedMs: 0 };
  const counter = { latencies: [] as number[], elapsedMs: 0 };
  let duplicates = 0;
  for (let round = 0; round < rounds; round += 1) {
    const ids = await standardsFor(perRound);
    const spreadIds = await standardsFor(perRound);
    const sides = round % 2 === 0 ? (['publish', 'spread', 'counter'] as const) : (['counter', 'spread', 'publish'] as const);
    for (const side of sides) {
      if (side === 'spread') {
        const run = await publishAll(spreadIds, (i) => 3000 + round * 1000 + i);
        spread.latencies.push(...run.latencies);
        spread.elapsedMs += run.elapsedMs;
      } else if (side === 'publish') {
        const run = await publishAll(ids, 2091 + round);
        duplicates += run.codes.length - new Set(run.codes).size;
        if (run.codes.length !== perRound) throw new Error(`expected ${perRound} codes, got ${run.codes.length}`);
        publish.latencies.push(...run.latencies);
        publish.elapsedMs += run.elapsedMs;
      } else {
        const run = await increment();
        counter.latencies.push(...run.latencies);
        counter.elapsedMs += run.elapsedMs;
      }
    }
  }
  await pool.query(`DROP TABLE public.bench_counter`);
  await pool.end();

  const p = summarize(publish.latencies, publish.elapsedMs);
  const c = summarize(counter.latencies, counter.elapsedMs);
  const u = summarize(spread.latencies, spread.elapsedMs);
  console.log(`\n(publish) code allocation under contention — ${perRound} publications per round on one counter row, ${concurrency} in flight, ${rounds} alternating rounds`);
  console.log('    side                          ops   ops/s     p50 ms   p99 ms');
  for (const [name, s] of [['publish, one counter row', p], ['publish, a row each (no lock)', u], ['UPDATE … RETURNING (raw pg)', c]] as const) {
    console.log(`    ${name.padEnd(28)}  ${String(s.count).padStart(5)}   ${fmt(s.perSecond, 0).padStart(5)}   ${fmt(s.p50, 2).padStart(6)}   ${fmt(s.p99, 2).padStart(6)}`);
  }
  console.log(`    ratio publish/counter: throughput ${fmt(p.perSecond / c.perSecond, 3)}×, p50 ${fmt(p.p50 / c.p50, 1)}×, p99 ${fmt(p.p99 / c.p99, 1)}×; duplicate codes: ${duplicates}`);
  console.log(`    cost of the shared counter row to publication: throughput ${fmt(p.perSecond / u.perSecond, 2)}×, p50 ${fmt(p.p50 / u.p50, 2)}×, p99 ${fmt(p.p99 / u.p99, 2)}×`);
}

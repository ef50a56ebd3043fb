import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { serviceDataSourceOptions } from '@app/database';
import { graphql, sqlQuery } from '@app/testing';
import { type BenchContext, fmt, load, summarize } from './bench-kit';

const CONCURRENCY = 16;

const TEXT = ['基准自律公约', '第一章　总　则', '第一条 为规范行业行为，制定本公约。', '第二章 自律条款', '第二条 保护用户信息。', '第三条 公平竞争。'].join('\n');

/**
 * (complaints) public complaint submissions through the gateway (anonymous, 16 in flight: validation,
 * signature and article checks, encryption-free anonymous path, hashed secret, outbox event, one
 * transaction each) beside the same number of raw outbox-style INSERTs into PostgreSQL at the same
 * concurrency: rows/s, p50, p99 and the ratio.
 */
export async function benchComplaints({ stack, url, token, associationId, scale: SCALE }: BenchContext): Promise<void> {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const ok = <T>(response: { data?: T | null; errors?: unknown[] }): T => {
    if (response.errors?.length || !response.data) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };
  const created = ok(
    await graphql<{ createConvention: { id: string; conventionId: string } }>(url, `mutation($i: CreateConventionInput!) { createConvention(input: $i) { id conventionId } }`, { i: { associationId, kind: 'CONVENTION', title: `基准公约${randomUUID().slice(0, 6)}`, executingBody: '基准协会', text: TEXT } }, { token }),
  ).createConvention;
  ok(
    await graphql(url, `mutation($i: AdoptConventionVersionInput!) { adoptConventionVersion(input: $i) { status } }`, { i: { versionId: created.id, method: 'INITIATOR_SIGNATURES', adoptedOn: today, effectiveOn: today, initiators: [{ name: '发起单位', signerCapacity: 'LEGAL_REPRESENTATIVE', signedOn: today }] } }, { token }),
  );
  // The respondent must be a signatory; the organization directory is fed by membership's events.
  let respondent: string | undefined;
  for (let attempt = 0; attempt < 200 && !respondent; attempt += 1) {
    const rows = await sqlQuery<{ organization_id: string }>(stack.databaseUrl, `SELECT organization_id FROM enforcement.organization_directory WHERE association_id = $1 LIMIT 1`, [associationId]);
    if (rows[0]) respondent = rows[0].organization_id;
    else await new Promise((r) => setTimeout(r, 50));
  }
  if (!respondent) throw new Error('organization directory not fed');
  ok(await graphql(url, `mutation($i: SignConventionInput!) { signConvention(input: $i) { id } }`, { i: { conventionVersionId: created.id, organizationId: respondent, signerCapacity: 'LEGAL_REPRESENTATIVE', signerName: '张三', signedOn: today } }, { token }));

  const mutation = `mutation($i: SubmitComplaintInput!) { submitComplaint(input: $i) { trackingCode secret } }`;
  const input = { associationId, source: 'PUBLIC', conventionId: created.conventionId, respondentOrganizationId: respondent, articleNumbers: [2, 3], facts: '基准测试：该单位涉嫌违规收集用户信息。', evidence: ['截图'], anonymous: true };
  const submit = async () => {
    const response = await graphql(`${stack.gatewayUrl}/graphql`, mutation, { i: input });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
  };

  const raw = new DataSource(serviceDataSourceOptions({ service: 'enforcement', url: stack.databaseUrl, entities: [], poolSize: CONCURRENCY }));
  await raw.initialize();
  await raw.query(`CREATE TABLE IF NOT EXISTS enforcement.bench_raw_outbox (id uuid PRIMARY KEY, type text NOT NULL, association_id uuid NOT NULL, payload jsonb NOT NULL, occurred_at timestamptz NOT NULL DEFAULT now())`);
  const insert = async () => {
    await raw.query(`INSERT INTO enforcement.bench_raw_outbox (id, type, association_id, payload) VALUES ($1, 'enforcement.complaint.received', $2, $3)`, [
      randomUUID(),
      associationId,
      JSON.stringify({ complaintId: randomUUID(), source: 'PUBLIC', respondentOrganizationId: respondent, conventionId: created.conventionId, receivedAt: new Date().toISOString() }),
    ]);
  };

  try {
    await load(100, CONCURRENCY, submit); // warm-up
    await load(100, CONCURRENCY, insert);
    const rounds = 4;
    const perRound = 250 * SCALE;
    const results = { gateway: { latencies: [] as number[], elapsedMs: 0 }, raw: { latencies: [] as number[], elapsedMs: 0 } };
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? (['gateway', 'raw'] as const) : (['raw', 'gateway'] as const);
      for (const side of order) {
        const run = await load(perRound, CONCURRENCY, side === 'gateway' ? submit : insert);
        results[side].latencies.push(...run.latencies);
        results[side].elapsedMs += run.elapsedMs;
      }
    }
    const gateway = summarize(results.gateway.latencies, results.gateway.elapsedMs);
    const direct = summarize(results.raw.latencies, results.raw.elapsedMs);
    console.log(`\n(complaints) anonymous submitComplaint through the gateway vs raw outbox-style INSERTs (${CONCURRENCY} concurrent, ${rounds} alternating rounds)`);
    console.log('    side              rows     rows/s   p50 ms   p99 ms');
    for (const [name, s] of [['gateway submit', gateway], ['raw INSERT', direct]] as const) {
      console.log(`    ${name.padEnd(16)}  ${String(s.count).padStart(6)}   ${fmt(s.perSecond, 0).padStart(6)}   ${fmt(s.p50, 2).padStart(6)}   ${fmt(s.p99, 2).padStart(6)}`);
    }
    console.log(`    ratio raw/gateway: throughput ${fmt(direct.perSecond / gateway.perSecond, 1)}×; gateway p50 ${fmt(gateway.p50 / direct.p50, 1)}× and p99 ${fmt(gateway.p99 / direct.p99, 1)}× the raw INSERT's`);
  } finally {
    await raw.query(`DROP TABLE IF EXISTS enforcement.bench_raw_outbox`);
    await raw.destroy();
  }
}

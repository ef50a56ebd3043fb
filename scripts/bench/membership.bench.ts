import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { computeCreditCodeCheckCharacter } from '@app/common';
import { JOB_CATALOG, jobQueueName } from '@app/messaging';
import type { BenchContext } from './bench-kit';

/**
 * importMembers through the real job queue (an outside batch client's way: the documented payload on
 * `jobs-membership`), beside a raw set-based load of the same rows into a scratch table. pg-copy-streams
 * is not installed, so the raw baseline is one multi-row INSERT … SELECT FROM unnest(...) per 10,000
 * rows rather than COPY FROM STDIN.
 */
export async function benchImport({ stack, scale }: BenchContext): Promise<void> {
  const rows = 100_000 * scale;
  const client = new Client({ connectionString: stack.databaseUrl });
  await client.connect();
  const queue = new Queue(jobQueueName('membership'), { connection: { url: stack.redisUrl }, prefix: stack.queuePrefix });
  try {
    const shortCode = `B${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`.replace(/[^A-Z0-9]/g, 'X');
    const [{ id: associationId }] = (await client.query(`INSERT INTO membership.association (name, short_code) VALUES ('导入基准协会', $1) RETURNING id`, [shortCode])).rows;
    await client.query(`INSERT INTO membership.field_of_work (association_id, name, position) VALUES ($1, '网络安全', 1), ($1, '数据安全', 2)`, [associationId]);
    const grades = ['会员', '理事单位', '常务理事单位'];
    const records = Array.from({ length: rows }, (_, i) => {
      const body = `91420100${String(i).padStart(9, '0')}`;
      return [`基准导入单位${i}`, body + computeCreditCodeCheckCharacter(body), grades[i % 3], '法人', '武汉', '某路', '2015-03-01', i % 2 ? '网络安全；数据安全' : '网络安全', String(i % 50)];
    });
    const csv = `\uFEFF单位名称,统一社会信用代码,会员等级,法定代表人,注册城市,地址,成立日期,业务领域,技术人员数\n${records.map((r) => r.join(',')).join('\n')}\n`;

    // Raw baseline: the same rows into a scratch table, set-based, no validation, no events.
    await client.query(`CREATE TABLE IF NOT EXISTS public.bench_import_scratch (name text, credit_code text, grade text, legal_representative text, registered_city text, address text, founded_on date, fields text, technical_staff_count int)`);
    await client.query(`TRUNCATE public.bench_import_scratch`);
    const rawStart = performance.now();
    for (let start = 0; start < rows; start += 10_000) {
      const chunk = records.slice(start, start + 10_000);
      const column = (i: number) => chunk.map((r) => r[i]);
      await client.query(
        `INSERT INTO public.bench_import_scratch SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[], $9::int[])`,
        [column(0), column(1), column(2), column(3), column(4), column(5), column(6), column(7), column(8)],
      );
    }
    const rawMs = performance.now() - rawStart;
    await client.query(`DROP TABLE public.bench_import_scratch`);

    // importMembers through the queue: submit the documented payload, wait for the batch run to finish.
    const jobId = randomUUID();
    const importStart = performance.now();
    await queue.add('membership.members.import', { payload: { associationId, csv }, associationId, requestedBy: 'bench', requestId: `bench-${jobId}` }, { ...JOB_CATALOG['membership.members.import'].policy, jobId });
    let state = 'waiting';
    while (state !== 'completed' && state !== 'failed') {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const job = await queue.getJob(jobId);
      state = job ? await job.getState() : 'missing';
    }
    const importMs = performance.now() - importStart;
    // Read the job again: one fetched just before it completed has no return value yet.
    const progress = (await queue.getJob(jobId))?.returnvalue as unknown;
    const [{ n }] = (await client.query(`SELECT count(*)::int AS n FROM membership.membership WHERE association_id = $1 AND status = 'ACTIVE'`, [associationId])).rows;
    const summary = progress as { progress?: { succeeded: number; failed: number } } | null;
    const perSecond = (ms: number) => Math.round((rows * 1000) / ms);
    console.log(`import: ${rows} member rows (UTF-8 CSV with BOM, Chinese headers)`);
    console.log(`  importMembers via jobs-membership: ${state}, ${(importMs / 1000).toFixed(1)} s, ${perSecond(importMs)} rows/s (succeeded ${summary?.progress?.succeeded ?? '?'}, failed ${summary?.progress?.failed ?? '?'}, ${n} ACTIVE memberships; validation, organizations + fields + memberships + history + 3 events per row)`);
    console.log(`  raw baseline (multi-row INSERT … SELECT FROM unnest, 10,000 rows per statement; COPY streaming unavailable without pg-copy-streams): ${(rawMs / 1000).toFixed(1)} s, ${perSecond(rawMs)} rows/s`);
    console.log(`  ratio raw / importMembers: ${(importMs / rawMs).toFixed(1)}x`);
  } finally {
    await queue.close();
    await client.end();
  }
}

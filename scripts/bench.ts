/**
 * `npm run bench`: side-by-side measurements in one run, so a noisy shared machine affects both sides
 * alike. Report ratios and medians, not absolute numbers. Each measurement lives in `scripts/bench/`;
 * `BENCH_ONLY=queries,events` runs a subset. Uses DATABASE_URL / REDIS_URL when set, else throwaway
 * servers. BENCH_SCALE=2 doubles the work.
 */
import 'reflect-metadata';
import { Stack, aCreditCode, aShortCode, anEmail, dataOf, graphql, insertPlatformAdmin, startTestInfrastructure, stopTestInfrastructure } from '@app/testing';
import type { BenchContext } from './bench/bench-kit';
import { benchEvents, benchQueries } from './bench/platform.bench';
import { benchImport } from './bench/membership.bench';
import { benchRegistrations } from './bench/events.bench';
import { benchPublish } from './bench/standards.bench';
import { benchComplaints } from './bench/enforcement.bench';

/**
 * Every measurement by name; services add theirs here. The import runs last: its 100,000 rows leave
 * several hundred thousand events for the consumers to work off, which would load the later runs.
 */
const BENCHES: Record<string, (context: BenchContext) => Promise<void>> = {
  queries: benchQueries,
  events: benchEvents,
  registrations: benchRegistrations,
  publish: benchPublish,
  complaints: benchComplaints,
  import: benchImport,
};

async function main(): Promise<void> {
  const infrastructure = await startTestInfrastructure();
  const quiet = { LOG_LEVEL: 'warn' };
  const stack = await Stack.start({ env: { gateway: { ...quiet, RATE_LIMIT_PER_MINUTE: '100000000' }, membership: quiet, enforcement: quiet, standards: quiet, events: quiet } });
  try {
    const email = anEmail('bench');
    await insertPlatformAdmin(stack.databaseUrl, email, 'bench password');
    const url = `${stack.gatewayUrl}/graphql`;
    const token = dataOf(await graphql<{ login: { accessToken: string } }>(url, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: 'bench password' })).login.accessToken;
    const associationId = dataOf(await graphql<{ createAssociation: { id: string } }>(url, `mutation($i: CreateAssociationInput!) { createAssociation(input: $i) { id } }`, { i: { name: '基准协会', shortCode: aShortCode() } }, { token })).createAssociation.id;
    for (let i = 0; i < 50; i += 1) {
      dataOf(await graphql(url, `mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { id } }`, { i: { associationId, name: `基准单位 ${i}`, creditCode: aCreditCode() } }, { token }));
    }
    console.log(`bench: node ${process.version}, scale ${process.env.BENCH_SCALE ?? 1}; gateway, 4 services, PostgreSQL and Redis on this machine`);
    const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
    const context: BenchContext = { stack, url, token, associationId, scale: Number(process.env.BENCH_SCALE ?? 1) };
    for (const [name, bench] of Object.entries(BENCHES)) {
      if (!only || only.includes(name)) await bench(context);
    }
  } finally {
    await stack.stop();
    await stopTestInfrastructure(infrastructure);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);

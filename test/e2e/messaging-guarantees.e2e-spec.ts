import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { serviceDataSourceOptions } from '@app/database';
import { startRedisServer, type RunningRedis } from '@app/devstack';
import { DOMAIN_EVENT_CATALOG, OutboxService, eventQueueName, type DomainEventEnvelope } from '@app/messaging';
import { Stack, aCreditCode, aShortCode, anEmail, dataOf, eventually, graphql, insertPlatformAdmin, sqlQuery, waitForQueuesToDrain } from '@app/testing';

/** Records `membership.organization.updated` through membership's outbox, as its services do. */
async function recordOrganizationEvent(dataSource: DataSource, options: { rollback?: boolean } = {}): Promise<DomainEventEnvelope<'membership.organization.updated'>> {
  const outbox = new OutboxService('membership');
  let recorded: DomainEventEnvelope<'membership.organization.updated'> | undefined;
  const work = dataSource.transaction(async (manager) => {
    recorded = await outbox.record(manager, {
      type: 'membership.organization.updated',
      associationId: randomUUID(),
      payload: { organizationId: randomUUID(), name: '保证测试单位', creditCode: aCreditCode(), membershipStatus: 'ACTIVE', revision: 1 },
    });
    if (options.rollback) throw new Error('the state change failed after the event was written');
  });
  if (options.rollback) await expect(work).rejects.toThrow('the state change failed');
  else await work;
  return recorded!;
}

async function directoryRows(stack: Stack, organizationId: string): Promise<Array<{ revision: number; last_event_id: string }>> {
  return sqlQuery(stack.databaseUrl, `SELECT revision, last_event_id FROM enforcement.organization_directory WHERE organization_id = $1`, [organizationId]);
}

async function inboxCount(stack: Stack, eventId: string): Promise<number> {
  const [{ n }] = await sqlQuery<{ n: string }>(stack.databaseUrl, `SELECT count(*) AS n FROM enforcement.inbox_event WHERE event_id = $1`, [eventId]);
  return Number(n);
}

describe('messaging guarantees between real services', () => {
  let stack: Stack;
  let membershipDb: DataSource;
  let deliveries: Queue;

  beforeAll(async () => {
    // Every consumer of the event runs, so its queue drains as well.
    stack = await Stack.start({ apps: ['membership', ...DOMAIN_EVENT_CATALOG['membership.organization.updated'].subscribers], env: { enforcement: { EVENT_LOCK_DURATION_MS: '2000' } } });
    membershipDb = new DataSource(serviceDataSourceOptions({ service: 'membership', url: stack.databaseUrl, entities: [], poolSize: 2 }));
    await membershipDb.initialize();
    deliveries = new Queue(eventQueueName('enforcement'), { connection: { url: stack.redisUrl }, prefix: stack.queuePrefix });
  });

  afterAll(async () => {
    await deliveries?.close();
    await membershipDb?.destroy();
    await stack?.stop();
  });

  it('a rolled-back transaction publishes nothing; a committed one is delivered', async () => {
    const rolledBack = await recordOrganizationEvent(membershipDb, { rollback: true });
    const committed = await recordOrganizationEvent(membershipDb);
    await eventually(async () => ((await directoryRows(stack, committed.payload.organizationId)).length === 1 ? true : undefined), { what: 'committed event applied' });
    await waitForQueuesToDrain(stack.redisUrl, stack.queuePrefix, stack.databaseUrl);
    expect(await sqlQuery(stack.databaseUrl, `SELECT id FROM membership.outbox_event WHERE id = $1`, [rolledBack.id])).toEqual([]);
    expect(await deliveries.getJob(rolledBack.id)).toBeUndefined();
    expect(await directoryRows(stack, rolledBack.payload.organizationId)).toEqual([]);
  });

  it('a consumer killed inside the delivery transaction applies the event exactly once after restart', async () => {
    await stack.restartApp('enforcement', { MESSAGING_FAULT_PAUSE_BEFORE_COMMIT_MS: '5000' });
    const event = await recordOrganizationEvent(membershipDb);
    await eventually(async () => ((await deliveries.getActiveCount()) > 0 ? true : undefined), { what: 'delivery in progress' });
    await stack.apps.enforcement!.kill();
    expect(await directoryRows(stack, event.payload.organizationId)).toEqual([]);
    expect(await inboxCount(stack, event.id)).toBe(0);

    await stack.startApp('enforcement');
    const job = await eventually(async () => {
      const found = await deliveries.getJob(event.id);
      // Re-read once completed: a job fetched just before it completed still holds no return value.
      return found && (await found.isCompleted()) ? deliveries.getJob(event.id) : undefined;
    }, { what: 'redelivery completed', timeoutMs: 30_000 });
    expect(job.returnvalue).toBe('APPLIED');
    expect(await inboxCount(stack, event.id)).toBe(1);
    expect(await directoryRows(stack, event.payload.organizationId)).toEqual([{ revision: 1, last_event_id: event.id }]);
  });

  it('a consumer killed after commit but before acknowledging has no second effect on redelivery', async () => {
    await stack.restartApp('enforcement', { MESSAGING_FAULT_PAUSE_AFTER_COMMIT_MS: '5000' });
    const event = await recordOrganizationEvent(membershipDb);
    await eventually(async () => ((await inboxCount(stack, event.id)) === 1 ? true : undefined), { what: 'delivery committed' });
    await stack.apps.enforcement!.kill();
    expect(await (await deliveries.getJob(event.id))?.isCompleted()).toBe(false);

    await stack.startApp('enforcement');
    const job = await eventually(async () => {
      const found = await deliveries.getJob(event.id);
      // Re-read once completed: a job fetched just before it completed still holds no return value.
      return found && (await found.isCompleted()) ? deliveries.getJob(event.id) : undefined;
    }, { what: 'redelivery completed', timeoutMs: 30_000 });
    expect(job.returnvalue).toBe('DUPLICATE');
    expect(await inboxCount(stack, event.id)).toBe(1);
    expect(await directoryRows(stack, event.payload.organizationId)).toEqual([{ revision: 1, last_event_id: event.id }]);
  });

  it('an event that keeps failing becomes a dead letter after bounded retries and replays once the cause is fixed', async () => {
    // The retry policy travels with the job, so it is the producer's relay that sets it.
    await stack.restartApp('membership', { EVENT_DELIVERY_ATTEMPTS: '3', EVENT_RETRY_BASE_DELAY_MS: '100' });
    await stack.restartApp('enforcement');
    const operatorEmail = anEmail('operator');
    await insertPlatformAdmin(stack.databaseUrl, operatorEmail, 'operator password');
    const membershipUrl = stack.subgraphUrl('membership');
    const { login } = dataOf(await graphql<{ login: { accessToken: string } }>(membershipUrl, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: operatorEmail, p: 'operator password' }));
    const token = login.accessToken;

    // An operational fault: the read model's table is missing (as after a botched manual change).
    await sqlQuery(stack.databaseUrl, `ALTER TABLE enforcement.organization_directory RENAME TO organization_directory_moved`);
    let event: DomainEventEnvelope<'membership.organization.updated'>;
    try {
      event = await recordOrganizationEvent(membershipDb);
      const letter = await eventually(async () => {
        const { deadLetters } = dataOf(await graphql<{ deadLetters: { nodes: Array<{ queue: string; jobId: string; name: string; attemptsMade: number; failedReason: string }> } }>(membershipUrl, `{ deadLetters(first: 100) { nodes { queue jobId name attemptsMade failedReason } } }`, {}, { token }));
        return deadLetters.nodes.find((l) => l.jobId === event.id);
      }, { what: 'dead letter', timeoutMs: 30_000 });
      expect(letter).toMatchObject({ queue: 'events-enforcement', name: 'membership.organization.updated', attemptsMade: 3 });
      expect(letter.failedReason).toMatch(/organization_directory/);
      expect(await inboxCount(stack, event.id)).toBe(0);
    } finally {
      await sqlQuery(stack.databaseUrl, `ALTER TABLE enforcement.organization_directory_moved RENAME TO organization_directory`);
    }

    const replayed = await graphql(membershipUrl, `mutation($q: String!, $id: ID!) { replayDeadLetter(queue: $q, jobId: $id) { jobId } }`, { q: 'events-enforcement', id: event.id }, { token });
    expect(replayed.errors).toBeUndefined();
    await eventually(async () => ((await directoryRows(stack, event.payload.organizationId)).length === 1 ? true : undefined), { what: 'replayed event applied' });
    expect(await inboxCount(stack, event.id)).toBe(1);
    const { deadLetters } = dataOf(await graphql<{ deadLetters: { nodes: Array<{ jobId: string }> } }>(membershipUrl, `{ deadLetters(first: 100) { nodes { jobId } } }`, {}, { token }));
    expect(deadLetters.nodes.map((l) => l.jobId)).not.toContain(event.id);
  });

  it('start-up fails when a subscribed event has no handler', async () => {
    // The catalog routes membership events to enforcement; standards has no handlers for them.
    const { startAppProcess } = await import('@app/testing');
    const { DOMAIN_EVENT_CATALOG } = await import('@app/messaging');
    expect(DOMAIN_EVENT_CATALOG['membership.organization.updated'].subscribers).toContain('enforcement');
    await expect(startAppProcess('enforcement', 1, { ...stack.environment('enforcement'), NODE_OPTIONS: '--require ./test/e2e/support/drop-directory-handler.js' }, { timeoutMs: 20_000 })).rejects.toThrow(/has no event handler in enforcement/);
  });
});

describe('Redis outage while a mutation commits', () => {
  let redis: RunningRedis;
  let redisDir: string;
  let stack: Stack;

  beforeAll(async () => {
    redisDir = mkdtempSync(join(tmpdir(), 'zilv-redis-outage-'));
    redis = await startRedisServer({ dir: redisDir });
    stack = await Stack.start({ apps: ['membership', 'enforcement'], redisUrl: redis.url });
  });

  afterAll(async () => {
    await stack?.stop();
    await redis?.stop();
    rmSync(redisDir, { recursive: true, force: true });
  });

  it('the mutation succeeds, and its event arrives once Redis is back', async () => {
    const url = stack.subgraphUrl('membership');
    const operatorEmail = anEmail('operator');
    await insertPlatformAdmin(stack.databaseUrl, operatorEmail, 'operator password');
    const token = dataOf(await graphql<{ login: { accessToken: string } }>(url, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: operatorEmail, p: 'operator password' })).login.accessToken;
    const { createAssociation } = dataOf(await graphql<{ createAssociation: { id: string } }>(url, `mutation($i: CreateAssociationInput!) { createAssociation(input: $i) { id } }`, { i: { name: '断线测试协会', shortCode: aShortCode() } }, { token }));

    await redis.stop();
    const { registerOrganization } = dataOf(
      await graphql<{ registerOrganization: { id: string } }>(url, `mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { id } }`, { i: { associationId: createAssociation.id, name: '断线期间登记单位', creditCode: aCreditCode() } }, { token }),
    );
    const pending = await eventually(async () => {
      const rows = await sqlQuery<{ attempts: number; published_at: Date | null }>(stack.databaseUrl, `SELECT attempts, published_at FROM membership.outbox_event WHERE payload->>'organizationId' = $1`, [registerOrganization.id]);
      return rows[0]?.attempts > 0 ? rows[0] : undefined;
    }, { what: 'a failed publish attempt' });
    expect(pending.published_at).toBeNull();

    redis = await startRedisServer({ dir: redisDir, port: redis.port });
    await eventually(async () => ((await sqlQuery(stack.databaseUrl, `SELECT 1 FROM enforcement.organization_directory WHERE organization_id = $1`, [registerOrganization.id])).length === 1 ? true : undefined), { what: 'event delivered after Redis returned', timeoutMs: 60_000 });
  });
});

import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { AccessTokenSigner, Role } from '@app/auth';
import { QUEUE_PREFIX, eventQueueName, eventDeliveryPolicy, type DomainEvent } from '@app/messaging';
import { aCreditCode, dataOf, errorCodeOf, eventually, graphql, sqlQuery, startServiceInProcess, testRedisUrl, type InProcessService } from '@app/testing';
import { EnforcementAppModule } from '../app.module';
import { EnforcementConfig } from '../config/enforcement.config';

describe('enforcement organization directory (in process, real PostgreSQL and Redis)', () => {
  let service: InProcessService<EnforcementConfig>;
  let queue: Queue;
  const associationId = randomUUID();
  const otherAssociationId = randomUUID();

  beforeAll(async () => {
    service = await startServiceInProcess(EnforcementConfig, (c) => EnforcementAppModule.forRoot(c), 'enforcement');
    queue = new Queue(eventQueueName('enforcement'), { connection: { url: testRedisUrl() }, prefix: QUEUE_PREFIX });
  });

  afterAll(async () => {
    await queue?.close();
    await service?.close();
  });

  /** Delivers an event the way membership's relay does: job name = type, job id = event id. */
  async function deliver(event: DomainEvent): Promise<void> {
    await queue.add(event.type, event, { ...eventDeliveryPolicy(3, 100), jobId: event.id });
  }

  function updated(organizationId: string, revision: number, name: string, association = associationId): DomainEvent {
    return {
      id: randomUUID(),
      type: 'membership.organization.updated',
      version: 1,
      associationId: association,
      occurredAt: new Date().toISOString(),
      causationId: null,
      correlationId: 'test',
      payload: { organizationId, name, creditCode: aCreditCode(), membershipStatus: 'ACTIVE', revision },
    };
  }

  async function waitDelivered(eventId: string): Promise<unknown> {
    return eventually(async () => {
      const job = await queue.getJob(eventId);
      return job && (await job.isCompleted()) ? job.returnvalue : undefined;
    }, { what: `event ${eventId} delivered` });
  }

  function tokenFor(association: string, role: Role): string {
    const signer = new AccessTokenSigner(service.keys.AUTH_PRIVATE_KEY);
    return signer.sign({ accountId: randomUUID(), email: null, kind: 'PERSON', platformAdmin: false, grants: [{ associationId: association, role }] }, 300).token;
  }

  it('keeps the newest revision when events arrive out of order', async () => {
    const organizationId = randomUUID();
    const newer = updated(organizationId, 2, '新名称');
    const older = updated(organizationId, 1, '旧名称');
    await deliver(newer);
    await waitDelivered(newer.id);
    await deliver(older);
    await waitDelivered(older.id);
    const rows = await sqlQuery(service.databaseUrl, `SELECT name, revision FROM enforcement.organization_directory WHERE organization_id = $1`, [organizationId]);
    expect(rows).toEqual([{ name: '新名称', revision: 2 }]);
  });

  it('a status change updates the status; one for an unknown organization changes nothing', async () => {
    const organizationId = randomUUID();
    const first = updated(organizationId, 1, '状态测试单位');
    await deliver(first);
    await waitDelivered(first.id);
    const change = (id: string, revision: number): DomainEvent => ({
      ...first,
      id: randomUUID(),
      type: 'membership.membership.status-changed',
      payload: { organizationId: id, previousStatus: 'ACTIVE', status: 'SUSPENDED', reason: '处分', revision },
    });
    const suspended = change(organizationId, 2);
    const unknown = change(randomUUID(), 1);
    await deliver(suspended);
    await deliver(unknown);
    await waitDelivered(suspended.id);
    expect(await waitDelivered(unknown.id)).toBe('APPLIED');
    expect(await sqlQuery(service.databaseUrl, `SELECT membership_status, revision FROM enforcement.organization_directory WHERE organization_id = $1`, [organizationId])).toEqual([{ membership_status: 'SUSPENDED', revision: 2 }]);
    expect(await sqlQuery(service.databaseUrl, `SELECT 1 FROM enforcement.organization_directory WHERE organization_id = $1`, [unknown.payload.organizationId])).toEqual([]);
  });

  it('the same event delivered twice (a fresh job with the same id after the first was removed) is recorded once', async () => {
    const event = updated(randomUUID(), 1, '重复投递单位');
    await deliver(event);
    expect(await waitDelivered(event.id)).toBe('APPLIED');
    await (await queue.getJob(event.id))!.remove();
    await deliver(event);
    expect(await waitDelivered(event.id)).toBe('DUPLICATE');
    expect(await sqlQuery(service.databaseUrl, `SELECT count(*)::int AS n FROM enforcement.inbox_event WHERE event_id = $1`, [event.id])).toEqual([{ n: 1 }]);
  });

  it('answers only within the caller’s association, paged', async () => {
    const mine = [updated(randomUUID(), 1, '本协会单位一'), updated(randomUUID(), 1, '本协会单位二'), updated(randomUUID(), 1, '本协会单位三')];
    const theirs = updated(randomUUID(), 1, '他协会单位', otherAssociationId);
    for (const event of [...mine, theirs]) await deliver(event);
    for (const event of [...mine, theirs]) await waitDelivered(event.id);
    const token = tokenFor(associationId, Role.INVESTIGATOR);
    const pageQuery = `query($a: ID!, $after: String) { organizationDirectory(associationId: $a, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { name } } }`;
    type Page = { organizationDirectory: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Array<{ name: string }> } };
    const first = dataOf(await graphql<Page>(service.url, pageQuery, { a: associationId }, { token }));
    expect(first.organizationDirectory.nodes).toHaveLength(2);
    expect(first.organizationDirectory.pageInfo.hasNextPage).toBe(true);
    const all: string[] = first.organizationDirectory.nodes.map((n) => n.name);
    let after: string | null = first.organizationDirectory.pageInfo.endCursor;
    while (after) {
      const page: Page = dataOf(await graphql<Page>(service.url, pageQuery, { a: associationId, after }, { token }));
      all.push(...page.organizationDirectory.nodes.map((n) => n.name));
      after = page.organizationDirectory.pageInfo.hasNextPage ? page.organizationDirectory.pageInfo.endCursor : null;
    }
    expect(all).toHaveLength(first.organizationDirectory.totalCount);
    expect(all).not.toContain('他协会单位');
    expect(new Set(all).size).toBe(all.length);
    expect(errorCodeOf(await graphql(service.url, pageQuery, { a: otherAssociationId }, { token }))).toBe('FORBIDDEN');
    expect(errorCodeOf(await graphql(service.url, pageQuery, { a: associationId }))).toBe('UNAUTHENTICATED');
  });
});

describe('forged cursors', () => {
  it('a well-formed cursor with an id that is not a uuid is BAD_USER_INPUT, not an internal error', async () => {
    const { encodeCursor } = await import('@app/common');
    const service = await startServiceInProcess(EnforcementConfig, (c) => EnforcementAppModule.forRoot(c), 'enforcement');
    try {
      const association = randomUUID();
      const token = new AccessTokenSigner(service.keys.AUTH_PRIVATE_KEY).sign({ accountId: randomUUID(), email: null, kind: 'PERSON', platformAdmin: false, grants: [{ associationId: association, role: Role.SECRETARIAT }] }, 300).token;
      const response = await graphql(service.url, `query($a: ID!, $after: String) { organizationDirectory(associationId: $a, after: $after) { totalCount } }`, { a: association, after: encodeCursor({ createdAt: new Date(), id: 'not-a-uuid' }) }, { token });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
    } finally {
      await service.close();
    }
  });
});

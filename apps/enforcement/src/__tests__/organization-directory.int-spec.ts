import { randomUUID } from 'node:crypto';
import { AccessTokenSigner, Role } from '@app/auth';
import type { DomainEvent, DomainEventEnvelope } from '@app/messaging';
import { TestEventDelivery, aCreditCode, aDomainEvent, dataOf, errorCodeOf, graphql, sqlQuery, startServiceInProcess, type InProcessService } from '@app/testing';
import { EnforcementAppModule } from '../app.module';
import { EnforcementConfig } from '../config/enforcement.config';

describe('enforcement organization directory (in process, real PostgreSQL and Redis)', () => {
  let service: InProcessService<EnforcementConfig>;
  let delivery: TestEventDelivery;
  const associationId = randomUUID();
  const otherAssociationId = randomUUID();

  beforeAll(async () => {
    service = await startServiceInProcess(EnforcementConfig, (c) => EnforcementAppModule.forRoot(c), 'enforcement');
    delivery = new TestEventDelivery('enforcement');
  });

  afterAll(async () => {
    await delivery?.close();
    await service?.close();
  });

  function updated(organizationId: string, revision: number, name: string, association = associationId): DomainEvent {
    return aDomainEvent('membership.organization.updated', association, { organizationId, name, creditCode: aCreditCode(), membershipStatus: 'ACTIVE', revision });
  }

  function tokenFor(association: string, role: Role): string {
    const signer = new AccessTokenSigner(service.keys.AUTH_PRIVATE_KEY);
    return signer.sign({ accountId: randomUUID(), email: null, kind: 'PERSON', platformAdmin: false, grants: [{ associationId: association, role }] }, 300).token;
  }

  it('keeps the newest revision when events arrive out of order', async () => {
    const organizationId = randomUUID();
    const newer = updated(organizationId, 2, '新名称');
    const older = updated(organizationId, 1, '旧名称');
    await delivery.enqueue(newer);
    await delivery.result(newer.id);
    await delivery.enqueue(older);
    await delivery.result(older.id);
    const rows = await sqlQuery(service.databaseUrl, `SELECT name, revision FROM enforcement.organization_directory WHERE organization_id = $1`, [organizationId]);
    expect(rows).toEqual([{ name: '新名称', revision: 2 }]);
  });

  it('a snapshot at the revision a status change already reached still applies (same commit, snapshot second)', async () => {
    const organizationId = randomUUID();
    const first = updated(organizationId, 1, '改名前');
    await delivery.enqueue(first);
    await delivery.result(first.id);
    const statusChange: DomainEventEnvelope<'membership.membership.status-changed'> = {
      ...(first as DomainEventEnvelope<'membership.membership.status-changed'>),
      id: randomUUID(),
      type: 'membership.membership.status-changed',
      payload: { organizationId, previousStatus: 'ACTIVE', status: 'SUSPENDED', reason: '处分', revision: 2 },
    };
    await delivery.enqueue(statusChange);
    await delivery.result(statusChange.id);
    const snapshot = updated(organizationId, 2, '改名后');
    (snapshot.payload as { membershipStatus: string }).membershipStatus = 'SUSPENDED';
    await delivery.enqueue(snapshot);
    await delivery.result(snapshot.id);
    expect(await sqlQuery(service.databaseUrl, `SELECT name, membership_status, revision FROM enforcement.organization_directory WHERE organization_id = $1`, [organizationId])).toEqual([
      { name: '改名后', membership_status: 'SUSPENDED', revision: 2 },
    ]);
  });

  it('a status change updates the status; one for an unknown organization changes nothing', async () => {
    const organizationId = randomUUID();
    const first = updated(organizationId, 1, '状态测试单位');
    await delivery.enqueue(first);
    await delivery.result(first.id);
    const change = (id: string, revision: number): DomainEventEnvelope<'membership.membership.status-changed'> => ({
      ...first,
      id: randomUUID(),
      type: 'membership.membership.status-changed',
      payload: { organizationId: id, previousStatus: 'ACTIVE', status: 'SUSPENDED', reason: '处分', revision },
    });
    const suspended = change(organizationId, 2);
    const unknown = change(randomUUID(), 1);
    await delivery.enqueue(suspended);
    await delivery.enqueue(unknown);
    await delivery.result(suspended.id);
    expect(await delivery.result(unknown.id)).toBe('APPLIED');
    expect(await sqlQuery(service.databaseUrl, `SELECT membership_status, revision FROM enforcement.organization_directory WHERE organization_id = $1`, [organizationId])).toEqual([{ membership_status: 'SUSPENDED', revision: 2 }]);
    expect(await sqlQuery(service.databaseUrl, `SELECT 1 FROM enforcement.organization_directory WHERE organization_id = $1`, [unknown.payload.organizationId])).toEqual([]);
  });

  it('the same event delivered twice (a fresh job with the same id after the first was removed) is recorded once', async () => {
    const event = updated(randomUUID(), 1, '重复投递单位');
    await delivery.enqueue(event);
    expect(await delivery.result(event.id)).toBe('APPLIED');
    await delivery.forget(event.id);
    await delivery.enqueue(event);
    expect(await delivery.result(event.id)).toBe('DUPLICATE');
    expect(await sqlQuery(service.databaseUrl, `SELECT count(*)::int AS n FROM enforcement.inbox_event WHERE event_id = $1`, [event.id])).toEqual([{ n: 1 }]);
  });

  it('answers only within the caller’s association, paged', async () => {
    const mine = [updated(randomUUID(), 1, '本协会单位一'), updated(randomUUID(), 1, '本协会单位二'), updated(randomUUID(), 1, '本协会单位三')];
    const theirs = updated(randomUUID(), 1, '他协会单位', otherAssociationId);
    for (const event of [...mine, theirs]) await delivery.enqueue(event);
    for (const event of [...mine, theirs]) await delivery.result(event.id);
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

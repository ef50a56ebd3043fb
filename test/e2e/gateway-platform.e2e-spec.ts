import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { SERVICE_NAMES } from '@app/config';
import { REPOSITORY_ROOT, Stack, aCreditCode, dataOf, errorCodeOf, eventually, graphql, sqlQuery } from '@app/testing';
import { composeSupergraph } from '../../apps/gateway/src/graphql/compose-supergraph';
import { LOGIN, setUpTwoTenants, type TwoTenants } from './support/tenants';

describe('gateway and services, end to end', () => {
  let stack: Stack;
  let url: string;
  let tenants: TwoTenants;

  beforeAll(async () => {
    stack = await Stack.start();
    url = `${stack.gatewayUrl}/graphql`;
    tenants = await setUpTwoTenants(stack, url);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  describe('checked-in schemas and documents match the code', () => {
    it('each subgraph SDL and the supergraph equal what the running services compose to', async () => {
      const sdl = Object.fromEntries(await Promise.all(SERVICE_NAMES.map(async (s) => [s, await stack.subgraphSdl(s)] as const))) as Record<(typeof SERVICE_NAMES)[number], string>;
      for (const service of SERVICE_NAMES) {
        expect(sdl[service]).toEqual(readFileSync(join(REPOSITORY_ROOT, 'schema', `${service}.graphql`), 'utf8'));
      }
      expect(composeSupergraph(sdl)).toEqual(readFileSync(join(REPOSITORY_ROOT, 'schema', 'supergraph.graphql'), 'utf8'));
    });

    it('the OpenAPI document served at /api/docs-json is the checked-in docs/openapi.json', async () => {
      const served = await (await fetch(`${stack.gatewayUrl}/api/docs-json`)).json();
      expect(served).toEqual(JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'docs', 'openapi.json'), 'utf8')));
      expect((await fetch(`${stack.gatewayUrl}/api/docs`)).status).toBe(200);
    });

    it('every type, field, argument and enum value clients see carries a description', async () => {
      const { data } = await graphql<IntrospectionQuery>(url, getIntrospectionQuery({ inputValueDeprecation: true }));
      const schema = buildClientSchema(data!);
      const missing: string[] = [];
      for (const type of Object.values(schema.getTypeMap())) {
        if (type.name.startsWith('__')) continue;
        if (!type.description) missing.push(type.name);
        if (isObjectType(type) || isInterfaceType(type)) {
          for (const field of Object.values(type.getFields())) {
            if (!field.description) missing.push(`${type.name}.${field.name}`);
            for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
        if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
        if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
      expect(missing).toEqual([]);
    });
  });

  describe('health', () => {
    it('is live, and ready when every subgraph, PostgreSQL and Redis answer', async () => {
      expect((await fetch(`${stack.gatewayUrl}/health/live`)).status).toBe(200);
      const ready = await fetch(`${stack.gatewayUrl}/health/ready`);
      const body = (await ready.json()) as { checks: Record<string, { status: string }> };
      expect(ready.status).toBe(200);
      expect(Object.keys(body.checks).sort()).toEqual(['enforcement', 'events', 'membership', 'postgres', 'redis', 'standards']);
      expect(Object.values(body.checks).every((c) => c.status === 'up')).toBe(true);
    });
  });

  describe('identity', () => {
    it('login returns a token; me shows the roles per association', async () => {
      const me = dataOf(await graphql<{ me: { email: string; roles: Array<{ role: string; association: { id: string } }> } }>(url, `{ me { email roles { role association { id } } } }`, {}, { token: tenants.a.adminToken }));
      expect(me.me.email).toBe(tenants.a.adminEmail);
      expect(me.me.roles).toEqual([{ role: 'ADMIN', association: { id: tenants.a.associationId } }]);
    });

    it('a wrong password is UNAUTHENTICATED and says nothing about which part was wrong', async () => {
      const wrong = await graphql(url, LOGIN, { email: tenants.a.adminEmail, password: 'not the password' });
      const unknown = await graphql(url, LOGIN, { email: 'nobody@example.org', password: 'not the password' });
      expect(errorCodeOf(wrong)).toBe('UNAUTHENTICATED');
      expect(wrong.errors![0].message).toEqual(unknown.errors![0].message);
    });

    it('anonymous callers are refused unless the operation is public', async () => {
      expect(errorCodeOf(await graphql(url, `{ me { id } }`))).toBe('UNAUTHENTICATED');
      const lifecycle = dataOf(await graphql<{ standardLifecycle: Array<{ state: string; isoStageCode: string | null }> }>(url, `{ standardLifecycle { state isoStageCode } }`));
      expect(lifecycle.standardLifecycle).toContainEqual({ state: 'PUBLISHED', isoStageCode: '60.60' });
      expect(dataOf(await graphql<{ eventCategories: unknown[] }>(url, `{ eventCategories { category } }`)).eventCategories.length).toBeGreaterThan(0);
    });

    it('a forged or garbled token is refused at the gateway', async () => {
      const [header, payload] = tenants.a.adminToken.split('.');
      const forged = `${header}.${payload}.${Buffer.from('x'.repeat(64)).toString('base64url')}`;
      const response = await graphql(url, `{ me { id } }`, {}, { token: forged });
      expect(response.status).toBe(401);
      expect(errorCodeOf(response)).toBe('UNAUTHENTICATED');
    });
  });

  describe('tenancy', () => {
    it("an admin of A sees only A's associations and cannot list B's organizations", async () => {
      const own = dataOf(await graphql<{ associations: { nodes: Array<{ id: string }> } }>(url, `{ associations(first: 100) { nodes { id } } }`, {}, { token: tenants.a.adminToken }));
      expect(own.associations.nodes.map((n) => n.id)).toEqual([tenants.a.associationId]);
      const foreign = await graphql(url, `query($a: ID!) { organizations(associationId: $a) { totalCount } }`, { a: tenants.b.associationId }, { token: tenants.a.adminToken });
      expect(errorCodeOf(foreign)).toBe('FORBIDDEN');
      const directory = await graphql(url, `query($a: ID!) { organizationDirectory(associationId: $a) { totalCount } }`, { a: tenants.b.associationId }, { token: tenants.a.adminToken });
      expect(errorCodeOf(directory)).toBe('FORBIDDEN');
    });

    it("an organization of B cannot be read by A, directly or as a federation entity reference", async () => {
      const direct = await graphql(url, `query($id: ID!) { organization(id: $id) { name } }`, { id: tenants.b.organizationIds[0] }, { token: tenants.a.adminToken });
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(errorCodeOf(direct));
      const entities = await graphql<{ _entities: Array<{ name?: string } | null> }>(
        stack.subgraphUrl('membership'),
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { name } } }`,
        { r: [{ __typename: 'Organization', id: tenants.b.organizationIds[0] }, { __typename: 'Organization', id: tenants.a.organizationIds[0] }] },
        { token: tenants.a.adminToken },
      );
      expect(entities.data?._entities[0]).toBeNull();
      expect(entities.data?._entities[1]?.name).toMatch(/甲/);
      const anonymous = await graphql<{ _entities: Array<unknown> }>(stack.subgraphUrl('membership'), `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { name } } }`, { r: [{ __typename: 'Organization', id: tenants.a.organizationIds[0] }] });
      expect(anonymous.data?._entities?.[0] ?? null).toBeNull();
    });

    it("the enforcement directory of A, resolved across subgraphs, holds A's organizations only", async () => {
      const directory = await eventually(async () => {
        const { organizationDirectory } = dataOf(await graphql<{ organizationDirectory: { nodes: Array<{ organizationId: string; organization: { name: string } }> } }>(url, `query($a: ID!) { organizationDirectory(associationId: $a) { nodes { organizationId organization { name } } } }`, { a: tenants.a.associationId }, { token: tenants.a.adminToken }));
        return organizationDirectory.nodes.length === tenants.a.organizationIds.length ? organizationDirectory.nodes : undefined;
      });
      expect(directory.map((d) => d.organizationId).sort()).toEqual([...tenants.a.organizationIds].sort());
      expect(directory.every((d) => d.organization.name.includes('甲'))).toBe(true);
    });
  });

  describe('bad input', () => {
    it('an invalid credit code is BAD_USER_INPUT and changes nothing (no row, no event)', async () => {
      const before = await sqlQuery<{ o: string; e: string }>(stack.databaseUrl, `SELECT (SELECT count(*) FROM membership.organization) AS o, (SELECT count(*) FROM membership.outbox_event) AS e`);
      const code = aCreditCode();
      const wrongCheck = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
      const response = await graphql(url, `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }`, { input: { associationId: tenants.a.associationId, name: '错误代码单位', creditCode: wrongCheck } }, { token: tenants.a.adminToken });
      expect(errorCodeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.errors![0].message).toMatch(/check character/);
      const after = await sqlQuery<{ o: string; e: string }>(stack.databaseUrl, `SELECT (SELECT count(*) FROM membership.organization) AS o, (SELECT count(*) FROM membership.outbox_event) AS e`);
      expect(after).toEqual(before);
    });

    it('a duplicate credit code in the same association is CONFLICT', async () => {
      const creditCode = aCreditCode();
      const register = () => graphql(url, `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }`, { input: { associationId: tenants.a.associationId, name: '重复单位', creditCode } }, { token: tenants.a.adminToken });
      dataOf(await register());
      const second = await register();
      expect(errorCodeOf(second)).toBe('CONFLICT');
      expect(second.errors![0].extensions?.reason).toBe('CREDIT_CODE_TAKEN');
    });

    it('page sizes are bounded', async () => {
      const response = await graphql(url, `query($a: ID!) { organizations(associationId: $a, first: 101) { totalCount } }`, { a: tenants.a.associationId }, { token: tenants.a.adminToken });
      expect(errorCodeOf(response)).toBe('BAD_USER_INPUT');
    });

    it('an unexpected failure reaches the caller as INTERNAL_SERVER_ERROR with an error id and no stack', async () => {
      const response = await graphql(url, `query($id: ID!) { batchRun(id: $id) { id } }`, { id: 'x'.repeat(5000) }, { token: tenants.operatorToken });
      const error = response.errors![0];
      expect(JSON.stringify(response)).not.toMatch(/stacktrace|at .*\.js:\d+/);
      if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') expect(error.extensions.errorId).toBeDefined();
      else expect(['NOT_FOUND', 'BAD_USER_INPUT']).toContain(error.extensions?.code);
    });
  });

  describe('limits', () => {
    it('refuses queries deeper than the limit before any subgraph is asked', async () => {
      let selection = 'id';
      for (let level = 0; level < 14; level += 1) selection = `n${level} { ${selection} }`;
      const response = await graphql(url, `{ me { ${selection} } }`, {}, { token: tenants.a.adminToken });
      expect(response.errors?.map((e) => e.extensions?.reason)).toContain('QUERY_TOO_DEEP');
    });

    it('refuses too many aliases and too costly queries', async () => {
      const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ');
      expect((await graphql(url, `{ ${aliases} }`)).errors?.[0]?.extensions?.reason).toBe('TOO_MANY_ALIASES');
      const page = `associations(first: 100) { nodes { id name shortCode createdAt } edges { cursor node { id name shortCode createdAt } } }`;
      const costly = `{ ${Array.from({ length: 25 }, (_, i) => `p${i}: ${page}`).join(' ')} }`;
      const response = await graphql(url, costly, {}, { token: tenants.a.adminToken });
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.extensions?.reason).toBe('QUERY_TOO_COSTLY');
      expect(dataOf(await graphql(url, `{ ${page} }`, {}, { token: tenants.a.adminToken }))).toBeDefined();
    });

    it('a gateway with a low rate limit answers 429 with Retry-After once the limit is spent', async () => {
      // A key prefix of its own: earlier tests already spent requests from this address.
      // A generous Redis timeout: on a loaded machine the limiter would otherwise fail open and let a request through.
      const limited = await stack.restartApp('gateway', { RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_REDIS_TIMEOUT_MS: '3000', QUEUE_PREFIX: `${stack.queuePrefix}-limited` });
      try {
        const ask = () => fetch(`${limited.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
        const answers = [];
        for (let i = 0; i < 4; i += 1) answers.push(await ask());
        // The budget left is part of the expectation: a request the limiter let through uncounted shows there.
        expect(answers.map((a) => [a.status, a.headers.get('ratelimit-remaining')])).toEqual([
          [200, '2'],
          [200, '1'],
          [200, '0'],
          [429, '0'],
        ]);
        expect(Number((await ask()).headers.get('retry-after'))).toBeGreaterThan(0);
      } finally {
        await stack.restartApp('gateway');
      }
    });

    it('in production: no introspection, no field suggestions', async () => {
      const production = await stack.restartApp('gateway', { NODE_ENV: 'production' });
      try {
        const introspection = await graphql(`${production.baseUrl}/graphql`, `{ __schema { types { name } } }`);
        expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
        const typo = await graphql(`${production.baseUrl}/graphql`, `{ mee { id } }`, {}, { token: tenants.a.adminToken });
        expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
        expect(JSON.stringify(typo)).not.toMatch(/stacktrace/);
      } finally {
        await stack.restartApp('gateway');
      }
    });
  });

  describe('request ids', () => {
    it('the caller’s request id comes back and appears in the subgraph’s logs', async () => {
      const requestId = `e2e-${Date.now()}`;
      const response = await graphql(url, `{ me { id } }`, {}, { token: tenants.a.adminToken, headers: { 'x-request-id': requestId } });
      expect(response.headers.get('x-request-id')).toBe(requestId);
      await eventually(async () => (stack.apps.membership!.logs.some((line) => line.includes(requestId)) ? true : undefined), { what: 'membership log line with the request id' });
      const line = JSON.parse(stack.apps.membership!.logs.find((l) => l.includes(requestId))!);
      expect(line.requestId ?? line.req?.id).toBe(requestId);
      expect(JSON.stringify(stack.apps.membership!.logs)).not.toContain(tenants.a.adminToken);
    });

    it('without a request id from the caller, the gateway’s own id is the one logged and forwarded', async () => {
      const response = await graphql(url, `{ me { email } }`, {}, { token: tenants.a.adminToken });
      const requestId = response.headers.get('x-request-id')!;
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      await eventually(async () => (stack.apps.gateway!.logs.some((l) => l.includes(requestId)) ? true : undefined), { what: 'gateway log line' });
      await eventually(async () => (stack.apps.membership!.logs.some((l) => l.includes(requestId)) ? true : undefined), { what: 'membership log line' });
    });
  });

  describe('regulator REST API', () => {
    async function issueKey(associationIds: string[], token: string): Promise<{ key: string; id: string }> {
      const { issueApiClientKey } = dataOf(await graphql<{ issueApiClientKey: { key: string; apiClient: { id: string } } }>(url, `mutation($input: IssueApiClientKeyInput!) { issueApiClientKey(input: $input) { key apiClient { id } } }`, { input: { name: '市网信办', associationIds } }, { token }));
      return { key: issueApiClientKey.key, id: issueApiClientKey.apiClient.id };
    }

    it('lists exactly the associations the key is scoped to', async () => {
      const { key } = await issueKey([tenants.a.associationId], tenants.a.adminToken);
      const response = await fetch(`${stack.gatewayUrl}/api/v1/associations`, { headers: { 'x-api-key': key } });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data: Array<{ id: string }>; page: { totalCount: number } };
      expect(body.data.map((a) => a.id)).toEqual([tenants.a.associationId]);
      expect(body.page.totalCount).toBe(1);
      const both = await issueKey([tenants.a.associationId, tenants.b.associationId], tenants.operatorToken);
      const wide = (await (await fetch(`${stack.gatewayUrl}/api/v1/associations?first=1`, { headers: { authorization: `ApiKey ${both.key}` } })).json()) as { data: unknown[]; page: { totalCount: number; hasNextPage: boolean } };
      expect(wide.data).toHaveLength(1);
      expect(wide.page).toMatchObject({ totalCount: 2, hasNextPage: true });
    });

    it('an admin cannot issue a key for an association they do not administer', async () => {
      const response = await graphql(url, `mutation($input: IssueApiClientKeyInput!) { issueApiClientKey(input: $input) { key } }`, { input: { name: '越权申请', associationIds: [tenants.b.associationId] } }, { token: tenants.a.adminToken });
      expect(errorCodeOf(response)).toBe('FORBIDDEN');
    });

    it('missing, unknown and revoked keys get 401 problem+json; bad paging gets 400', async () => {
      const missing = await fetch(`${stack.gatewayUrl}/api/v1/associations`);
      expect(missing.status).toBe(401);
      expect(missing.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const unknown = await fetch(`${stack.gatewayUrl}/api/v1/associations`, { headers: { 'x-api-key': `zk_${'A'.repeat(43)}` } });
      expect(unknown.status).toBe(401);
      expect(await unknown.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', reason: 'INVALID_API_KEY' });
      const { key, id } = await issueKey([tenants.a.associationId], tenants.a.adminToken);
      expect((await fetch(`${stack.gatewayUrl}/api/v1/associations`, { headers: { 'x-api-key': key } })).status).toBe(200);
      const bad = await fetch(`${stack.gatewayUrl}/api/v1/associations?first=0`, { headers: { 'x-api-key': key } });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
      dataOf(await graphql(url, `mutation($id: ID!) { revokeApiClient(id: $id) { revokedAt } }`, { id }, { token: tenants.a.adminToken }));
      const revoked = await fetch(`${stack.gatewayUrl}/api/v1/associations`, { headers: { 'x-api-key': key } });
      expect(revoked.status).toBe(401);
    });

    it('keys are stored only as hashes', async () => {
      const { key, id } = await issueKey([tenants.a.associationId], tenants.a.adminToken);
      const [row] = await sqlQuery<Record<string, unknown>>(stack.databaseUrl, `SELECT * FROM membership.api_client WHERE id = $1`, [id]);
      expect(JSON.stringify(row)).not.toContain(key);
      expect(row.key_prefix).toBe(key.slice(0, 10));
    });
  });

  describe('queue dashboard', () => {
    it('is for operators only; a sign-in link moves the token into a cookie', async () => {
      const dashboard = `${stack.gatewayUrl}/admin/queues`;
      expect((await fetch(dashboard)).status).toBe(401);
      expect((await fetch(dashboard, { headers: { authorization: `Bearer ${tenants.a.adminToken}` } })).status).toBe(403);
      const api = await fetch(`${dashboard}/api/queues?activeQueue=events-enforcement&status=latest&page=1`, { headers: { authorization: `Bearer ${tenants.operatorToken}` } });
      expect(api.status).toBe(200);
      const body = (await api.json()) as { queues: Array<{ name: string }> };
      expect(body.queues.map((q) => q.name)).toEqual(expect.arrayContaining(['events-enforcement', 'jobs-membership']));
      const signIn = await fetch(`${dashboard}?token=${tenants.operatorToken}`, { redirect: 'manual' });
      expect(signIn.status).toBe(303);
      const cookie = signIn.headers.get('set-cookie')!;
      expect(cookie).toMatch(/HttpOnly/i);
      const page = await fetch(`${dashboard}/`, { headers: { cookie: cookie.split(';')[0] } });
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<html/i);
      expect(stack.apps.gateway!.logs.join('\n')).not.toContain(tenants.operatorToken);
    });
  });

  describe('membership events reach enforcement', () => {
    it('renames and status changes show up in the directory; a republish batch reports progress', async () => {
      const organizationId = tenants.a.organizationIds[0];
      dataOf(await graphql(url, `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { revision } }`, { input: { id: organizationId, name: '甲 更名单位' } }, { token: tenants.a.adminToken }));
      dataOf(await graphql(url, `mutation($input: RecordExistingMembershipInput!) { recordExistingMembership(input: $input) { revision } }`, { input: { organizationId, grade: 'MEMBER', admittedOn: '2020-01-01', validUntil: '2099-12-31' } }, { token: tenants.a.adminToken }));
      const entry = await eventually(async () => {
        const { organizationDirectoryEntry } = dataOf(await graphql<{ organizationDirectoryEntry: { name: string; membershipStatus: string; revision: number } }>(url, `query($id: ID!) { organizationDirectoryEntry(organizationId: $id) { name membershipStatus revision } }`, { id: organizationId }, { token: tenants.a.adminToken }));
        return organizationDirectoryEntry.revision === 3 ? organizationDirectoryEntry : undefined;
      });
      expect(entry).toEqual({ name: '甲 更名单位', membershipStatus: 'ACTIVE', revision: 3 });

      const { republishOrganizations } = dataOf(await graphql<{ republishOrganizations: { id: string; state: string } }>(url, `mutation($a: ID!) { republishOrganizations(associationId: $a) { id state } }`, { a: tenants.a.associationId }, { token: tenants.a.adminToken }));
      const run = await eventually(async () => {
        const { batchRun } = dataOf(await graphql<{ batchRun: { state: string; total: number; processed: number; succeeded: number; failed: number; percent: number } }>(url, `query($id: ID!) { batchRun(id: $id) { state total processed succeeded failed percent } }`, { id: republishOrganizations.id }, { token: tenants.a.adminToken }));
        return batchRun.state === 'SUCCEEDED' ? batchRun : undefined;
      });
      const [{ n }] = await sqlQuery<{ n: string }>(stack.databaseUrl, `SELECT count(*) AS n FROM membership.organization WHERE association_id = $1`, [tenants.a.associationId]);
      expect(run).toEqual({ state: 'SUCCEEDED', total: Number(n), processed: Number(n), succeeded: Number(n), failed: 0, percent: 100 });
      const foreign = await graphql(url, `query($id: ID!) { batchRun(id: $id) { state } }`, { id: republishOrganizations.id }, { token: tenants.b.adminToken });
      expect(errorCodeOf(foreign)).toBe('FORBIDDEN');
    });
  });
});

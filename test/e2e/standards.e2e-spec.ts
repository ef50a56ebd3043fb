import { randomBytes } from 'node:crypto';
import { Stack, dataOf, eventually, graphql, sqlQuery } from '@app/testing';
import { setUpTwoTenants, type TwoTenants } from './support/tenants';

describe('standards through the gateway, end to end', () => {
  let stack: Stack;
  let url: string;
  let tenants: TwoTenants;
  const code = `E${randomBytes(4).toString('hex').toUpperCase().replace(/[^A-Z0-9]/g, '')}`;

  beforeAll(async () => {
    stack = await Stack.start();
    url = `${stack.gatewayUrl}/graphql`;
    tenants = await setUpTwoTenants(stack, url, 1);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it("membership's organizations reach the standards read model; a published standard is listed to regulators by association code", async () => {
    const { associationId, adminToken, organizationIds } = tenants.a;
    await eventually(async () => {
      const rows = await sqlQuery(stack.databaseUrl, `SELECT name FROM standards.organization_directory WHERE organization_id = $1`, [organizationIds[0]]);
      return rows.length === 1 ? rows : undefined;
    }, { what: 'organization in the standards read model' });

    dataOf(await graphql(url, `mutation($i: ConfigureStandardsProgrammeInput!) { configureStandardsProgramme(input: $i) { code } }`, { i: { associationId, code } }, { token: adminToken }));
    const [{ id }] = await sqlQuery<{ id: string }>(
      stack.databaseUrl,
      `INSERT INTO standards.standard (association_id, title, state, scope, necessity, related_standards, planned_units, patent_pre_disclosure, proposer_account_id, proposer_name)
       VALUES ($1, '网络安全人才实战化训练环境建设', 'APPROVAL_PENDING', 's', 'n', 'r', '{u}', 'p', 'a', 'n') RETURNING id`,
      [associationId],
    );
    const published = dataOf(await graphql<{ transitionStandard: { code: string } }>(url, `mutation($i: TransitionStandardInput!) { transitionStandard(input: $i) { code } }`, {
      i: { standardId: id, to: 'PUBLISHED', publication: { publishedOn: '2024-05-01', implementedOn: '2024-08-01', approvalDocumentNumber: '武网安协〔2024〕5号' } },
    }, { token: adminToken })).transitionStandard;
    expect(published.code).toBe(`T/${code} 001\u20142024`);
    await eventually(async () => {
      const rows = await sqlQuery(stack.databaseUrl, `SELECT 1 FROM standards.outbox_event WHERE type = 'standards.standard.published' AND payload->>'standardId' = $1 AND published_at IS NOT NULL`, [id]);
      return rows.length ? true : undefined;
    }, { what: 'published event relayed' });

    const { issueApiClientKey } = dataOf(await graphql<{ issueApiClientKey: { key: string } }>(url, `mutation($input: IssueApiClientKeyInput!) { issueApiClientKey(input: $input) { key } }`, { input: { name: '市网信办', associationIds: [associationId] } }, { token: adminToken }));
    const headers = { 'x-api-key': issueApiClientKey.key };
    const response = await fetch(`${stack.gatewayUrl}/api/v1/associations/${code}/standards`, { headers });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: [{ id, code: `T/${code} 001\u20142024`, title: '网络安全人才实战化训练环境建设', englishTitle: null, state: 'PUBLISHED', inForce: true, publishedOn: '2024-05-01', implementedOn: '2024-08-01', jointPublishers: [], platformReference: null }],
      page: { totalCount: 1, hasNextPage: false, endCursor: expect.any(String) },
    });
    const bad = await fetch(`${stack.gatewayUrl}/api/v1/associations/not-a-code/standards`, { headers });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await bad.json()).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    expect((await fetch(`${stack.gatewayUrl}/api/v1/associations/${code}/standards?first=0`, { headers })).status).toBe(400);
    const unknown = await fetch(`${stack.gatewayUrl}/api/v1/associations/ZZ${code}/standards`, { headers });
    expect(unknown.status).toBe(404);
    expect((await fetch(`${stack.gatewayUrl}/api/v1/associations/${code}/standards`)).status).toBe(401);
  });
});

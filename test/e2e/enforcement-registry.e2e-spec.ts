import { todayInChina } from '@app/common';
import { Stack, dataOf, eventually, graphql } from '@app/testing';
import { setUpTwoTenants, type TwoTenants } from './support/tenants';

const CONVENTION_TEXT = ['示范自律公约', '第一章 总则', '第一条 为规范行业行为，制定本公约。', '第二章 附则', '第二条 本公约经发起单位签字后生效。'].join('\n');

describe('convention registry end to end: gateway, membership events, enforcement, regulator REST', () => {
  let stack: Stack;
  let url: string;
  let tenants: TwoTenants;

  beforeAll(async () => {
    stack = await Stack.start();
    url = `${stack.gatewayUrl}/graphql`;
    tenants = await setUpTwoTenants(stack, url, 1);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('a unit registered in membership signs a convention, and regulators read the change list over REST', async () => {
    const { a, b } = tenants;
    const token = a.adminToken;
    const [unit] = a.organizationIds;
    // The organization reaches enforcement's directory through membership's event.
    await eventually(async () => {
      const response = await graphql<{ organizationDirectoryEntry: { name: string } }>(url, `query($id: ID!) { organizationDirectoryEntry(organizationId: $id) { name } }`, { id: unit }, { token });
      return response.data?.organizationDirectoryEntry ?? undefined;
    }, { what: 'organization in the enforcement directory' });

    const created = dataOf(await graphql<{ createConvention: { id: string } }>(url, `mutation($input: CreateConventionInput!) { createConvention(input: $input) { id } }`, { input: { associationId: a.associationId, kind: 'CONVENTION', title: '端到端公约', executingBody: '协会', text: CONVENTION_TEXT } }, { token })).createConvention;
    dataOf(await graphql(url, `mutation($input: AdoptConventionVersionInput!) { adoptConventionVersion(input: $input) { status } }`, { input: { versionId: created.id, method: 'INITIATOR_SIGNATURES', adoptedOn: todayInChina(), effectiveOn: todayInChina(), initiators: [{ name: '发起单位', signerCapacity: 'LEGAL_REPRESENTATIVE', signedOn: todayInChina() }] } }, { token }));
    dataOf(await graphql(url, `mutation($input: SignConventionInput!) { signConvention(input: $input) { id } }`, { input: { conventionVersionId: created.id, organizationId: unit, signerCapacity: 'LEGAL_REPRESENTATIVE', signerName: '周九', signedOn: todayInChina() } }, { token }));

    const { shortCode } = dataOf(await graphql<{ association: { shortCode: string } }>(url, `query($id: ID!) { association(id: $id) { shortCode } }`, { id: a.associationId }, { token })).association;
    const { issueApiClientKey } = dataOf(await graphql<{ issueApiClientKey: { key: string } }>(url, `mutation($input: IssueApiClientKeyInput!) { issueApiClientKey(input: $input) { key } }`, { input: { name: '区网信办', associationIds: [a.associationId] } }, { token }));
    const get = (path: string) => fetch(`${stack.gatewayUrl}/api/v1/associations/${path}`, { headers: { 'x-api-key': issueApiClientKey.key } });

    const response = await get(`${shortCode}/signatories/changes?from=${todayInChina()}&to=${todayInChina()}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { from: string; to: string; joined: Array<{ organizationId: string; conventionTitle: string; reason: null }>; left: unknown[] };
    expect(body).toMatchObject({ from: todayInChina(), to: todayInChina(), left: [] });
    expect(body.joined).toEqual([expect.objectContaining({ organizationId: unit, conventionTitle: '端到端公约', reason: null, restoresSignatureId: null })]);
    expect((await get(`${a.associationId}/signatories/changes?from=${todayInChina()}&to=${todayInChina()}`)).status).toBe(200);

    const badDate = await get(`${shortCode}/signatories/changes?from=yesterday&to=${todayInChina()}`);
    expect(badDate.status).toBe(400);
    expect(badDate.headers.get('content-type')).toContain('application/problem+json');
    const reversed = await get(`${shortCode}/signatories/changes?from=${todayInChina()}&to=2000-01-01`);
    expect(reversed.status).toBe(400);
    expect(((await reversed.json()) as { reason: string }).reason).toBe('INVALID_PERIOD');
    expect((await get(`${shortCode}/signatories/changes?to=${todayInChina()}`)).status).toBe(400);
    expect((await get(`NOSUCHCODE/signatories/changes?from=${todayInChina()}&to=${todayInChina()}`)).status).toBe(404);
    expect((await get(`${b.associationId}/signatories/changes?from=${todayInChina()}&to=${todayInChina()}`)).status).toBe(404);
  });
});

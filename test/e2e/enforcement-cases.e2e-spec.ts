import { Role } from '@app/auth';
import { addDays, todayInChina } from '@app/common';
import { Stack, anEmail, dataOf, eventually, graphql, sqlQuery } from '@app/testing';
import { login, setUpTwoTenants, type TwoTenants } from './support/tenants';

const TEXT = ['示范自律公约', '第一章　总　则', '第一条 为规范行业行为，制定本公约。', '第二章 自律条款', '第二条 保护用户信息。', '第三条 公平竞争。'].join('\n');

describe('enforcement cases through the gateway and the regulator REST API', () => {
  let stack: Stack;
  let url: string;
  let tenants: TwoTenants;
  let code: string;
  let conventionId: string;
  let key: string;

  beforeAll(async () => {
    stack = await Stack.start();
    url = `${stack.gatewayUrl}/graphql`;
    tenants = await setUpTwoTenants(stack, url);
    const { associationId, adminToken, organizationIds } = tenants.a;
    code = (await sqlQuery<{ short_code: string }>(stack.databaseUrl, `SELECT short_code FROM membership.association WHERE id = $1`, [associationId]))[0].short_code;
    const created = dataOf(
      await graphql<{ createConvention: { id: string; conventionId: string } }>(url, `mutation($input: CreateConventionInput!) { createConvention(input: $input) { id conventionId } }`, { input: { associationId, kind: 'CONVENTION', title: '端到端公约', executingBody: '协会', text: TEXT } }, { token: adminToken }),
    ).createConvention;
    conventionId = created.conventionId;
    const today = todayInChina();
    dataOf(
      await graphql(url, `mutation($input: AdoptConventionVersionInput!) { adoptConventionVersion(input: $input) { status } }`, { input: { versionId: created.id, method: 'INITIATOR_SIGNATURES', adoptedOn: today, effectiveOn: today, initiators: [{ name: '发起单位', signerCapacity: 'LEGAL_REPRESENTATIVE', signedOn: today }] } }, { token: adminToken }),
    );
    for (const organizationId of organizationIds) {
      // The organization directory is fed by membership's events.
      await eventually(async () => {
        const response = await graphql(url, `mutation($input: SignConventionInput!) { signConvention(input: $input) { id } }`, { input: { conventionVersionId: created.id, organizationId, signerCapacity: 'LEGAL_REPRESENTATIVE', signerName: '张三', signedOn: today } }, { token: adminToken });
        return response.errors ? undefined : true;
      }, { what: 'signature once the organization is known' });
    }
    key = dataOf(await graphql<{ issueApiClientKey: { key: string } }>(url, `mutation($input: IssueApiClientKeyInput!) { issueApiClientKey(input: $input) { key } }`, { input: { name: '区网信办', associationIds: [associationId] } }, { token: adminToken })).issueApiClientKey.key;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('a public report and its status by code and secret through the gateway, without signing in', async () => {
    const receipt = dataOf(
      await graphql<{ submitComplaint: { trackingCode: string; secret: string } }>(url, `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { trackingCode secret } }`, {
        input: { associationId: tenants.a.associationId, source: 'PUBLIC', conventionId, respondentOrganizationId: tenants.a.organizationIds[0], articleNumbers: [2], facts: '该单位泄露了用户的个人信息。', anonymous: true },
      }),
    ).submitComplaint;
    const status = `query($c: String!, $s: String!) { complaintStatus(trackingCode: $c, secret: $s) { stage } }`;
    expect(dataOf(await graphql<{ complaintStatus: { stage: string } }>(url, status, { c: receipt.trackingCode, s: receipt.secret })).complaintStatus.stage).toBe('RECEIVED');
    expect((await graphql(url, status, { c: receipt.trackingCode, s: 'wrong' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('referrals are idempotent; statistics, sanctions and oversight reports are served to the regulator; bad input is 400 problem+json', async () => {
    const headers = { 'x-api-key': key, 'content-type': 'application/json' };
    const body = { conventionId, respondentOrganizationId: tenants.a.organizationIds[1], articleNumbers: [3], facts: '主管部门转办的违规线索。', referralReference: '网信转〔2026〕1号' };
    const post = (b: unknown, idempotencyKey?: string) =>
      fetch(`${stack.gatewayUrl}/api/v1/associations/${code}/referrals`, { method: 'POST', headers: { ...headers, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) }, body: JSON.stringify(b) });
    const first = await post(body, 'referral-0001');
    expect(first.status).toBe(201);
    const created = (await first.json()) as { complaintId: string; trackingCode: string };
    const again = await post(body, 'referral-0001');
    expect(again.status).toBe(200);
    expect(((await again.json()) as { complaintId: string }).complaintId).toBe(created.complaintId);
    const reused = await post({ ...body, facts: '另一件不同的违规线索。' }, 'referral-0001');
    expect(reused.status).toBe(409);
    expect(reused.headers.get('content-type')).toContain('application/problem+json');
    expect(((await reused.json()) as { reason: string }).reason).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await post(body)).status).toBe(400);
    expect((await post({ ...body, articleNumbers: [] }, 'referral-0002')).status).toBe(400);
    expect((await post({ ...body, articleNumbers: [99] }, 'referral-0003')).status).toBe(400);

    const today = todayInChina();
    // From yesterday: both complaints of this file are counted even if the run passed midnight in China.
    const stats = await fetch(`${stack.gatewayUrl}/api/v1/associations/${code}/complaints/statistics?from=${addDays(today, -1)}&to=${today}`, { headers });
    expect(stats.status).toBe(200);
    const counted = (await stats.json()) as { total: number; bySource: Array<{ key: string; count: number }> };
    expect(counted.total).toBe(2);
    expect(counted.bySource).toEqual([{ key: 'PUBLIC', count: 1 }, { key: 'REGULATOR', count: 1 }]);
    const bad = await fetch(`${stack.gatewayUrl}/api/v1/associations/${code}/complaints/statistics?from=yesterday&to=${today}`, { headers });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect((await fetch(`${stack.gatewayUrl}/api/v1/associations/not-a-code/sanctions`, { headers })).status).toBe(400);
    expect((await fetch(`${stack.gatewayUrl}/api/v1/associations/ZZNOPE/sanctions`, { headers })).status).toBe(404);
    const sanctions = await fetch(`${stack.gatewayUrl}/api/v1/associations/${code}/sanctions`, { headers });
    expect(sanctions.status).toBe(200);
    expect(await sanctions.json()).toEqual({ data: [] });

    // A signatory's representative reports the executing body; the regulator's feed carries it.
    const repEmail = anEmail('rep');
    dataOf(
      await graphql(url, `mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, { input: { email: repEmail, displayName: '代表', password: 'correct horse battery', grant: { associationId: tenants.a.associationId, role: Role.MEMBER_REP, organizationId: tenants.a.organizationIds[0] } } }, { token: tenants.a.adminToken }),
    );
    const rep = await login(url, repEmail);
    dataOf(await graphql(url, `mutation($input: ReportExecutingBodyInput!) { reportExecutingBody(input: $input) { id } }`, { input: { associationId: tenants.a.associationId, reporterOrganizationId: tenants.a.organizationIds[0], subject: 'EXECUTING_BODY', allegation: '执行机构处理投诉明显不公正。' } }, { token: rep }));
    const reports = await fetch(`${stack.gatewayUrl}/api/v1/oversight-reports`, { headers });
    expect(reports.status).toBe(200);
    expect(((await reports.json()) as { data: Array<{ allegation: string }> }).data.map((r) => r.allegation)).toEqual(['执行机构处理投诉明显不公正。']);
    expect((await graphql(url, `{ oversightReports { id } }`, {}, { token: tenants.a.adminToken })).errors?.[0]?.extensions?.reason).toBe('SUPERVISING_AUTHORITY_ONLY');
  });
});

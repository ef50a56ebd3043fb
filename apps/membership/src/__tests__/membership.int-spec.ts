import { Role } from '@app/auth';
import { aCreditCode, aShortCode, anEmail, dataOf, errorCodeOf, eventually, graphql, insertPlatformAdmin, sqlQuery, startServiceInProcess, type InProcessService } from '@app/testing';
import { MembershipAppModule } from '../app.module';
import { MembershipConfig } from '../config/membership.config';

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken expiresAt } }`;
const PASSWORD = 'a long enough password';

describe('membership service (in process, real PostgreSQL and Redis)', () => {
  let service: InProcessService<MembershipConfig>;
  let operator: string;
  let associationId: string;

  beforeAll(async () => {
    service = await startServiceInProcess(MembershipConfig, (c) => MembershipAppModule.forRoot(c), 'membership');
    const email = anEmail('operator');
    await insertPlatformAdmin(service.databaseUrl, email, PASSWORD);
    operator = dataOf(await graphql<{ login: { accessToken: string } }>(service.url, LOGIN, { e: email, p: PASSWORD })).login.accessToken;
    associationId = dataOf(await graphql<{ createAssociation: { id: string } }>(service.url, `mutation($i: CreateAssociationInput!) { createAssociation(input: $i) { id } }`, { i: { name: '集成测试协会', shortCode: aShortCode() } }, { token: operator })).createAssociation.id;
  });

  afterAll(async () => {
    await service?.close();
  });

  async function createAccount(role: Role, extra: Record<string, unknown> = {}): Promise<{ id: string; email: string; token: string }> {
    const email = anEmail(role.toLowerCase());
    const { createAccount } = dataOf(await graphql<{ createAccount: { id: string } }>(service.url, `mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`, { i: { email, displayName: role, password: PASSWORD, grant: { associationId, role, ...extra } } }, { token: operator }));
    const token = dataOf(await graphql<{ login: { accessToken: string } }>(service.url, LOGIN, { e: email, p: PASSWORD })).login.accessToken;
    return { id: createAccount.id, email, token };
  }

  it('stores e-mails lower-cased, passwords only as scrypt hashes, and refuses a second account with the same e-mail', async () => {
    const email = anEmail('Mixed').replace('mixed', 'MiXeD');
    const input = { email, displayName: '大小写', password: PASSWORD, grant: { associationId, role: Role.SECRETARIAT } };
    dataOf(await graphql(service.url, `mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`, { i: input }, { token: operator }));
    const [row] = await sqlQuery<{ email: string; password_hash: string }>(service.databaseUrl, `SELECT email, password_hash FROM membership.account WHERE email = $1`, [email.toLowerCase()]);
    expect(row.email).toBe(email.toLowerCase());
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
    const again = await graphql(service.url, `mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`, { i: { ...input, email: email.toLowerCase() } }, { token: operator });
    expect(again.errors?.[0]?.extensions?.reason).toBe('EMAIL_TAKEN');
  });

  it('records who granted what in the audit trail, with the request id', async () => {
    const account = await createAccount(Role.INVESTIGATOR);
    await graphql(service.url, `mutation($a: String!, $g: GrantInput!) { grantRole(accountId: $a, grant: $g) { id } }`, { a: account.id, g: { associationId, role: Role.EXPERT } }, { token: operator, headers: { 'x-request-id': 'audit-check-1' } });
    const rows = await sqlQuery<{ action: string; request_id: string | null; details: { role: string } }>(service.databaseUrl, `SELECT action, request_id, details FROM membership.audit_entry WHERE subject_id = $1 ORDER BY at`, [account.id]);
    expect(rows.map((r) => [r.action, r.details.role])).toEqual([
      ['account.created', 'INVESTIGATOR'],
      ['role.granted', 'EXPERT'],
    ]);
    expect(rows[1].request_id).toBe('audit-check-1');
  });

  it('MEMBER_REP grants must name the organization represented', async () => {
    const response = await graphql(service.url, `mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`, { i: { email: anEmail('rep'), displayName: 'rep', password: PASSWORD, grant: { associationId, role: Role.MEMBER_REP } } }, { token: operator });
    expect(response.errors?.[0]?.extensions?.reason).toBe('ORGANIZATION_REQUIRED_FOR_MEMBER_REP');
  });

  it('secretariat may register organizations; investigators and regulators may not', async () => {
    const secretariat = await createAccount(Role.SECRETARIAT);
    const investigator = await createAccount(Role.INVESTIGATOR);
    const register = (token: string) => graphql(service.url, `mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { id } }`, { i: { associationId, name: '权限测试单位', creditCode: aCreditCode() } }, { token });
    expect((await register(secretariat.token)).errors).toBeUndefined();
    expect(errorCodeOf(await register(investigator.token))).toBe('FORBIDDEN');
    const { issueApiClientKey } = dataOf(await graphql<{ issueApiClientKey: { key: string } }>(service.url, `mutation($i: IssueApiClientKeyInput!) { issueApiClientKey(input: $i) { key } }`, { i: { name: '监管', associationIds: [associationId] } }, { token: operator }));
    const regulator = dataOf(await graphql<{ exchangeApiKey: { accessToken: string } }>(service.url, `mutation($k: String!) { exchangeApiKey(key: $k) { accessToken } }`, { k: issueApiClientKey.key })).exchangeApiKey.accessToken;
    expect(errorCodeOf(await register(regulator))).toBe('FORBIDDEN');
    const list = dataOf(await graphql<{ organizations: { totalCount: number } }>(service.url, `query($a: ID!) { organizations(associationId: $a) { totalCount } }`, { a: associationId }, { token: regulator }));
    expect(list.organizations.totalCount).toBeGreaterThan(0);
  });

  it('each change records exactly one event in the same transaction, carrying the request id', async () => {
    const { registerOrganization } = dataOf(await graphql<{ registerOrganization: { id: string } }>(service.url, `mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { id } }`, { i: { associationId, name: '事件测试单位', creditCode: aCreditCode() } }, { token: operator, headers: { 'x-request-id': 'register-1' } }));
    const { recordExistingMembership } = dataOf(await graphql<{ recordExistingMembership: { id: string } }>(service.url, `mutation($i: RecordExistingMembershipInput!) { recordExistingMembership(input: $i) { id } }`, { i: { organizationId: registerOrganization.id, grade: 'MEMBER', admittedOn: '2020-01-01', validUntil: '2099-12-31' } }, { token: operator, headers: { 'x-request-id': 'status-1' } }));
    const events = await sqlQuery<{ type: string; correlation_id: string; revision: string; association_id: string }>(
      service.databaseUrl,
      `SELECT type, correlation_id, payload->>'revision' AS revision, association_id FROM membership.outbox_event WHERE payload->>'organizationId' = $1 ORDER BY position`,
      [registerOrganization.id],
    );
    expect(events).toEqual([
      { type: 'membership.organization.updated', correlation_id: 'register-1', revision: '1', association_id: associationId },
      { type: 'membership.membership.status-changed', correlation_id: 'status-1', revision: '2', association_id: associationId },
      { type: 'membership.organization.updated', correlation_id: 'status-1', revision: '2', association_id: associationId },
      { type: 'membership.member.admitted', correlation_id: 'status-1', revision: null, association_id: associationId },
    ]);
    const suspend = () => graphql(service.url, `mutation($i: ChangeMembershipStatusInput!) { changeMembershipStatus(input: $i) { revision } }`, { i: { membershipId: recordExistingMembership.id, status: 'SUSPENDED', reason: '暂停' } }, { token: operator });
    dataOf(await suspend());
    const unchanged = await suspend();
    expect(unchanged.errors?.[0]?.extensions?.reason).toBe('STATUS_UNCHANGED');
  });

  it('an admin cannot remove their own admin role', async () => {
    const admin = await createAccount(Role.ADMIN);
    const { me } = dataOf(await graphql<{ me: { roles: Array<{ id: string; role: string }> } }>(service.url, `{ me { roles { id role } } }`, {}, { token: admin.token }));
    const response = await graphql(service.url, `mutation($g: String!) { revokeRole(grantId: $g) { id } }`, { g: me.roles[0].id }, { token: admin.token });
    expect(response.errors?.[0]?.extensions?.reason).toBe('CANNOT_REVOKE_OWN_ADMIN');
  });

  it('tokens expire: an access token past its lifetime is refused', async () => {
    const { AccessTokenSigner } = await import('@app/auth');
    const signer = new AccessTokenSigner(service.keys.AUTH_PRIVATE_KEY);
    const { token } = signer.sign({ accountId: '00000000-0000-0000-0000-000000000001', email: 'x@example.org', kind: 'PERSON', platformAdmin: true, grants: [] }, 60, Date.now() - 120_000);
    expect(errorCodeOf(await graphql(service.url, `{ me { id } }`, {}, { token }))).toBe('UNAUTHENTICATED');
  });

  it('a batch run can be followed while it runs: partial counts first, then the final ones', async () => {
    const { createAssociation } = dataOf(await graphql<{ createAssociation: { id: string } }>(service.url, `mutation($i: CreateAssociationInput!) { createAssociation(input: $i) { id } }`, { i: { name: '批量协会', shortCode: aShortCode() } }, { token: operator }));
    const size = 1500;
    await sqlQuery(
      service.databaseUrl,
      `INSERT INTO membership.organization (association_id, name, credit_code)
       SELECT $1, '批量单位 ' || n, lpad(n::text, 18, '0') FROM generate_series(1, $2) AS n`,
      [createAssociation.id, size],
    );
    const { republishOrganizations } = dataOf(await graphql<{ republishOrganizations: { id: string } }>(service.url, `mutation($a: ID!) { republishOrganizations(associationId: $a) { id } }`, { a: createAssociation.id }, { token: operator }));
    type Run = { state: string; total: number | null; processed: number; percent: number | null; succeeded: number; failed: number };
    const read = async () => dataOf(await graphql<{ batchRun: Run }>(service.url, `query($id: ID!) { batchRun(id: $id) { state total processed percent succeeded failed } }`, { id: republishOrganizations.id }, { token: operator })).batchRun;
    const midway = await eventually(async () => {
      const run = await read();
      return run.state === 'RUNNING' && run.total === size && run.processed > 0 && run.processed < size ? run : undefined;
    }, { what: 'a RUNNING snapshot with partial progress', intervalMs: 20 });
    expect(midway.percent).toBe(Math.floor((midway.processed * 100) / size));
    const done = await eventually(async () => {
      const run = await read();
      return run.state === 'SUCCEEDED' ? run : undefined;
    }, { what: 'the run to finish', timeoutMs: 60_000 });
    expect(done).toEqual({ state: 'SUCCEEDED', total: size, processed: size, percent: 100, succeeded: size, failed: 0 });
    const [{ n }] = await sqlQuery<{ n: number }>(service.databaseUrl, `SELECT count(*)::int AS n FROM membership.outbox_event WHERE association_id = $1`, [createAssociation.id]);
    expect(n).toBe(size);
  });
});

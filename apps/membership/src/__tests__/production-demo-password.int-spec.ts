import { hashPassword } from '@app/auth';
import { anEmail, aShortCode, errorCodeOf, graphql, insertPlatformAdmin, sqlQuery, startServiceInProcess, type InProcessService } from '@app/testing';
import { MembershipAppModule } from '../app.module';
import { MembershipConfig } from '../config/membership.config';
import { DEMO_PASSWORD } from '../identity/password-policy';

describe('membership in production', () => {
  let service: InProcessService<MembershipConfig>;

  beforeAll(async () => {
    service = await startServiceInProcess(MembershipConfig, (c) => MembershipAppModule.forRoot(c), 'membership', { NODE_ENV: 'production' });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('refuses to sign in with the published demo password, even when an account has it', async () => {
    const email = anEmail('demo');
    await insertPlatformAdmin(service.databaseUrl, email, 'placeholder password');
    await sqlQuery(service.databaseUrl, `UPDATE membership.account SET password_hash = $2 WHERE email = $1`, [email, await hashPassword(DEMO_PASSWORD)]);
    expect(errorCodeOf(await graphql(service.url, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: DEMO_PASSWORD }))).toBe('UNAUTHENTICATED');
  });

  it('refuses the demo password for new accounts', async () => {
    const email = anEmail('operator');
    await insertPlatformAdmin(service.databaseUrl, email, 'a strong production password');
    const login = await graphql<{ login: { accessToken: string } }>(service.url, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: 'a strong production password' });
    const token = login.data!.login.accessToken;
    const association = await graphql<{ createAssociation: { id: string } }>(service.url, `mutation($i: CreateAssociationInput!) { createAssociation(input: $i) { id } }`, { i: { name: '生产协会', shortCode: aShortCode() } }, { token });
    const response = await graphql(service.url, `mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`, { i: { email: anEmail(), displayName: 'x', password: DEMO_PASSWORD, grant: { associationId: association.data!.createAssociation.id, role: 'SECRETARIAT' } } }, { token });
    expect(response.errors?.[0]?.extensions?.reason).toBe('WEAK_PASSWORD');
  });

  it('refuses to start without configured signing keys', async () => {
    const { loadConfig } = await import('@app/config');
    expect(() => loadConfig(MembershipConfig, { NODE_ENV: 'production', DATABASE_URL: 'postgres://x@h/db', REDIS_URL: 'redis://h' })).toThrow(/AUTH_PUBLIC_KEY[\s\S]*AUTH_PRIVATE_KEY/);
  });
});

describe('membership signing keys', () => {
  it('refuses to start when the private key does not belong to the public key', async () => {
    const { testSigningKeys } = await import('@app/testing');
    const other = testSigningKeys();
    await expect(startServiceInProcess(MembershipConfig, (c) => MembershipAppModule.forRoot(c), 'membership', { AUTH_PRIVATE_KEY: other.AUTH_PRIVATE_KEY })).rejects.toThrow(/AUTH_PRIVATE_KEY: does not match AUTH_PUBLIC_KEY/);
  });
});

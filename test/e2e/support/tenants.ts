import { Role } from '@app/auth';
import { type Stack, aCreditCode, aShortCode, anEmail, dataOf, graphql, insertPlatformAdmin } from '@app/testing';

export interface Tenant {
  associationId: string;
  adminToken: string;
  adminEmail: string;
  organizationIds: string[];
}

export interface TwoTenants {
  operatorToken: string;
  a: Tenant;
  b: Tenant;
}

export const PASSWORD = 'correct horse battery';

export const LOGIN = /* GraphQL */ `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`;

export async function login(url: string, email: string, password = PASSWORD): Promise<string> {
  return dataOf(await graphql<{ login: { accessToken: string } }>(url, LOGIN, { email, password })).login.accessToken;
}

/** A platform operator, inserted the way a deployment's first operator is, and signed in. */
export async function signInOperator(stack: Stack, url: string): Promise<string> {
  const operatorEmail = anEmail('operator');
  await insertPlatformAdmin(stack.databaseUrl, operatorEmail, PASSWORD);
  return login(url, operatorEmail);
}

/** An association created by the operator, with its own admin (signed in) and registered organizations. */
export async function createTenant(url: string, operatorToken: string, label: string, organizations = 2): Promise<Tenant> {
  const { createAssociation } = dataOf(
    await graphql<{ createAssociation: { id: string } }>(
      url,
      `mutation($input: CreateAssociationInput!) { createAssociation(input: $input) { id } }`,
      { input: { name: `${label} 网络安全协会`, shortCode: aShortCode() } },
      { token: operatorToken },
    ),
  );
  const adminEmail = anEmail(`admin-${label}`);
  dataOf(
    await graphql(
      url,
      `mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`,
      { input: { email: adminEmail, displayName: `Admin ${label}`, password: PASSWORD, grant: { associationId: createAssociation.id, role: Role.ADMIN } } },
      { token: operatorToken },
    ),
  );
  const adminToken = await login(url, adminEmail);
  const organizationIds: string[] = [];
  for (let i = 0; i < organizations; i += 1) {
    const { registerOrganization } = dataOf(
      await graphql<{ registerOrganization: { id: string } }>(
        url,
        `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }`,
        { input: { associationId: createAssociation.id, name: `${label} 测试单位 ${i + 1}`, creditCode: aCreditCode() } },
        { token: adminToken },
      ),
    );
    organizationIds.push(registerOrganization.id);
  }
  return { associationId: createAssociation.id, adminToken, adminEmail, organizationIds };
}

/**
 * An operator, and two associations each with its own admin and organizations, all made through the
 * API as a deployment would be: the operator creates associations, each admin runs their own.
 */
export async function setUpTwoTenants(stack: Stack, url: string, organizationsEach = 2): Promise<TwoTenants> {
  const operatorToken = await signInOperator(stack, url);
  return { operatorToken, a: await createTenant(url, operatorToken, '甲', organizationsEach), b: await createTenant(url, operatorToken, '乙', organizationsEach) };
}

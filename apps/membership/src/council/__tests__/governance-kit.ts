import { randomUUID } from 'node:crypto';
import { AccessTokenSigner, Role } from '@app/auth';
import { aCreditCode, aShortCode, dataOf, graphql, sqlQuery, startServiceInProcess, type GraphQLResponse, type InProcessService } from '@app/testing';
import { MembershipAppModule } from '../../app.module';
import { MembershipConfig } from '../../config/membership.config';

/** A membership service in process with helpers shared by the governance integration tests. */
export interface GovernanceKit {
  service: InProcessService<MembershipConfig>;
  associationId: string;
  otherAssociationId: string;
  staff: string;
  tokenFor(role: Role, accountId?: string, association?: string): string;
  organization(name: string, association?: string): Promise<string>;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  ok<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function startGovernanceKit(): Promise<GovernanceKit> {
  const service = await startServiceInProcess(MembershipConfig, (c) => MembershipAppModule.forRoot(c), 'membership');
  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => sqlQuery<T>(service.databaseUrl, query, params);
  const createAssociation = async (name: string) => (await sql<{ id: string }>(`INSERT INTO membership.association (name, short_code) VALUES ($1, $2) RETURNING id`, [name, aShortCode()]))[0].id;
  const associationId = await createAssociation('治理测试协会');
  const otherAssociationId = await createAssociation('另一协会');
  const signer = new AccessTokenSigner(service.keys.AUTH_PRIVATE_KEY);
  const tokenFor = (role: Role, accountId: string = randomUUID(), association: string = associationId) =>
    signer.sign({ accountId, email: null, kind: 'PERSON', platformAdmin: false, grants: [{ associationId: association, role }] }, 600).token;
  const gql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, token?: string) => graphql<T>(service.url, query, variables, { token });
  return {
    service,
    associationId,
    otherAssociationId,
    staff: tokenFor(Role.SECRETARIAT),
    tokenFor,
    organization: async (name, association = associationId) =>
      (await sql<{ id: string }>(`INSERT INTO membership.organization (association_id, name, credit_code, membership_status) VALUES ($1, $2, $3, 'ACTIVE') RETURNING id`, [association, name, aCreditCode()]))[0].id,
    gql,
    ok: async (query, variables, token) => dataOf(await gql(query, variables, token)),
    sql,
    close: () => service.close(),
  };
}

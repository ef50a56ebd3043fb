import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SERVICE_CONFIG } from '@app/subgraph';
import {
  AccessTokenSigner,
  type Identity,
  Role,
  UNUSABLE_PASSWORD_HASH,
  hashPassword,
  requireIdentity,
  requireRole,
  verifyPassword,
} from '@app/auth';
import { BadInputError, ForbiddenError, NotFoundError } from '@app/common';
import type { MembershipConfig } from '../config/membership.config';
import { AuditService } from '../audit/audit.service';
import { AccountEntity } from './entities/account.entity';
import { RoleGrantEntity } from './entities/role-grant.entity';
import { EmailTakenError, InvalidCredentialsError } from './identity.exception';
import { DEMO_PASSWORD, assertAcceptablePassword } from './password-policy';

export interface GrantInput {
  associationId: string;
  role: Role;
  organizationId?: string | null;
}

@Injectable()
export class IdentityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: MembershipConfig,
    private readonly signer: AccessTokenSigner,
    private readonly audit: AuditService,
  ) {}

  async login(email: string, password: string): Promise<{ accessToken: string; expiresAt: Date; account: AccountEntity }> {
    const account = await this.dataSource
      .getRepository(AccountEntity)
      .createQueryBuilder('a')
      .addSelect('a.passwordHash')
      .where('a.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
    // Hash even for unknown e-mails so response time does not reveal which accounts exist.
    const matches = await verifyPassword(password, account?.passwordHash ?? UNUSABLE_PASSWORD_HASH);
    if (!account || !matches || account.disabledAt) throw new InvalidCredentialsError();
    if (this.config.isProduction && password === DEMO_PASSWORD) throw new InvalidCredentialsError();
    await this.dataSource.getRepository(AccountEntity).update(account.id, { lastLoginAt: new Date() });
    const identity = await this.identityOf(account);
    const { token, expiresAt } = this.signer.sign(identity, this.config.ACCESS_TOKEN_TTL_SECONDS);
    return { accessToken: token, expiresAt, account };
  }

  async identityOf(account: AccountEntity): Promise<Identity> {
    const grants = await this.dataSource.getRepository(RoleGrantEntity).find({ where: { accountId: account.id }, order: { grantedAt: 'ASC' } });
    return {
      accountId: account.id,
      email: account.email,
      kind: 'PERSON',
      platformAdmin: account.platformAdmin,
      grants: grants.map((g) => ({ associationId: g.associationId, role: g.role, organizationId: g.organizationId })),
    };
  }

  async account(id: string): Promise<AccountEntity> {
    const account = await this.dataSource.getRepository(AccountEntity).findOne({ where: { id } });
    if (!account) throw new NotFoundError('Account', id);
    return account;
  }

  async grantsOf(accountId: string): Promise<RoleGrantEntity[]> {
    return this.dataSource.getRepository(RoleGrantEntity).find({ where: { accountId }, order: { grantedAt: 'ASC' } });
  }

  /** Creates a person's account with a first role in the association of the admin who creates it. */
  async createAccount(caller: Identity | undefined, input: { email: string; displayName: string; password: string; grant: GrantInput }): Promise<AccountEntity> {
    const actor = requireRole(caller, input.grant.associationId, [Role.ADMIN]);
    assertAcceptablePassword(input.password, this.config.isProduction);
    validateGrant(input.grant);
    const email = input.email.trim().toLowerCase();
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(AccountEntity, { email })) throw new EmailTakenError();
      const account = await manager.save(manager.create(AccountEntity, { email, displayName: input.displayName.trim(), passwordHash }));
      await manager.insert(RoleGrantEntity, { accountId: account.id, ...input.grant, organizationId: input.grant.organizationId ?? null, grantedBy: actor.accountId });
      await this.audit.record(manager, {
        associationId: input.grant.associationId,
        actorAccountId: actor.accountId,
        action: 'account.created',
        subjectType: 'Account',
        subjectId: account.id,
        details: { role: input.grant.role },
      });
      return account;
    });
  }

  async grantRole(caller: Identity | undefined, accountId: string, grant: GrantInput): Promise<RoleGrantEntity> {
    const actor = requireRole(caller, grant.associationId, [Role.ADMIN]);
    validateGrant(grant);
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(AccountEntity, { id: accountId }))) throw new NotFoundError('Account', accountId);
      const existing = await manager.findOne(RoleGrantEntity, {
        where: { accountId, associationId: grant.associationId, role: grant.role, ...(grant.organizationId ? { organizationId: grant.organizationId } : {}) },
      });
      if (existing) return existing;
      const saved = await manager.save(
        manager.create(RoleGrantEntity, { accountId, ...grant, organizationId: grant.organizationId ?? null, grantedBy: actor.accountId }),
      );
      await this.audit.record(manager, { associationId: grant.associationId, actorAccountId: actor.accountId, action: 'role.granted', subjectType: 'Account', subjectId: accountId, details: { role: grant.role } });
      return saved;
    });
  }

  async revokeRole(caller: Identity | undefined, grantId: string): Promise<RoleGrantEntity> {
    const actor = requireIdentity(caller);
    return this.dataSource.transaction(async (manager) => {
      const grant = await manager.findOne(RoleGrantEntity, { where: { id: grantId } });
      if (!grant) throw new NotFoundError('Role grant', grantId);
      requireRole(actor, grant.associationId, [Role.ADMIN]);
      if (grant.accountId === actor.accountId && grant.role === Role.ADMIN) {
        throw new ForbiddenError('CANNOT_REVOKE_OWN_ADMIN', 'Ask another admin to remove your own admin role.');
      }
      await manager.delete(RoleGrantEntity, { id: grantId });
      await this.audit.record(manager, { associationId: grant.associationId, actorAccountId: actor.accountId, action: 'role.revoked', subjectType: 'Account', subjectId: grant.accountId, details: { role: grant.role } });
      return grant;
    });
  }
}

function validateGrant(grant: GrantInput): void {
  if ((grant.role === Role.MEMBER_REP) !== !!grant.organizationId) {
    throw new BadInputError('ORGANIZATION_REQUIRED_FOR_MEMBER_REP', 'MEMBER_REP needs organizationId, and only MEMBER_REP takes one.');
  }
}

import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, Public, requireIdentity } from '@app/auth';
import { AssociationDTO, toAssociationDTO } from '../associations/dtos/association.dto';
import { AssociationsService } from '../associations/associations.service';
import { AccountDTO, CreateAccountInput, GrantInput, LoginResultDTO, MeDTO, RoleGrantDTO } from './dtos/identity.dto';
import type { AccountEntity } from './entities/account.entity';
import type { RoleGrantEntity } from './entities/role-grant.entity';
import { IdentityService } from './identity.service';

function toAccountDTO(account: AccountEntity): AccountDTO {
  const { id, email, displayName, platformAdmin, createdAt, lastLoginAt } = account;
  return { id, email, displayName, platformAdmin, createdAt, lastLoginAt };
}

function toRoleGrantDTO(grant: RoleGrantEntity): RoleGrantDTO {
  const { id, associationId, role, organizationId, grantedAt } = grant;
  return { id, associationId, role, organizationId, grantedAt };
}

@Resolver(() => MeDTO)
export class IdentityResolver {
  constructor(private readonly identity: IdentityService) {}

  @Public()
  @Mutation(() => LoginResultDTO, { description: 'Signs in with e-mail and password and returns an access token.' })
  async login(
    @Args('email', { description: 'Login e-mail.' }) email: string,
    @Args('password', { description: 'Password.' }) password: string,
  ): Promise<LoginResultDTO> {
    const { accessToken, expiresAt, account } = await this.identity.login(email, password);
    return { accessToken, expiresAt, account: toAccountDTO(account) };
  }

  @Query(() => MeDTO, { description: 'The signed-in caller with its roles per association.' })
  async me(@CurrentIdentity() caller: Identity | undefined): Promise<MeDTO> {
    const identity = requireIdentity(caller);
    const account = await this.identity.account(identity.accountId);
    const grants = await this.identity.grantsOf(account.id);
    return { ...toAccountDTO(account), roles: grants.map(toRoleGrantDTO) };
  }

  @Mutation(() => AccountDTO, { description: "Creates a person's account with a first role. Needs ADMIN in that association." })
  async createAccount(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The account.' }) input: CreateAccountInput): Promise<AccountDTO> {
    return toAccountDTO(await this.identity.createAccount(caller, input));
  }

  @Mutation(() => RoleGrantDTO, { description: 'Grants a role in an association. Needs ADMIN there. Granting a role already held changes nothing.' })
  async grantRole(
    @CurrentIdentity() caller: Identity | undefined,
    @Args('accountId', { type: () => String, description: 'The account.' }) accountId: string,
    @Args('grant', { description: 'The role.' }) grant: GrantInput,
  ): Promise<RoleGrantDTO> {
    return toRoleGrantDTO(await this.identity.grantRole(caller, accountId, grant));
  }

  @Mutation(() => RoleGrantDTO, { description: 'Revokes a role grant. Needs ADMIN in its association; takes effect when current tokens expire.' })
  async revokeRole(@CurrentIdentity() caller: Identity | undefined, @Args('grantId', { type: () => String, description: 'The grant.' }) grantId: string): Promise<RoleGrantDTO> {
    return toRoleGrantDTO(await this.identity.revokeRole(caller, grantId));
  }
}

@Resolver(() => RoleGrantDTO)
export class RoleGrantResolver {
  constructor(private readonly associations: AssociationsService) {}

  @ResolveField(() => AssociationDTO, { description: 'The association the role is held in.' })
  async association(@Parent() grant: RoleGrantDTO): Promise<AssociationDTO> {
    const [association] = await this.associations.findMany([grant.associationId]);
    return toAssociationDTO(association);
  }
}

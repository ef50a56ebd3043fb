import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { Role, registerRoleEnum } from '@app/auth';
import { AssociationDTO } from '../../associations/dtos/association.dto';

registerRoleEnum();

@ObjectType('RoleGrant', { description: 'A role an account holds in one association.' })
export class RoleGrantDTO {
  @Field(() => ID, { description: 'Identifier of the grant (to revoke it).' })
  id: string;

  @Field(() => ID, { description: 'The association the role is held in.' })
  associationId: string;

  @Field(() => AssociationDTO, { description: 'The association the role is held in.' })
  association?: AssociationDTO;

  @Field(() => Role, { description: 'The role.' })
  role: Role;

  @Field(() => ID, { nullable: true, description: 'For MEMBER_REP: the organization represented.' })
  organizationId: string | null;

  @Field({ description: 'When it was granted.' })
  grantedAt: Date;
}

@ObjectType('Account', { description: "A person's login." })
export class AccountDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field({ description: 'Login e-mail.' })
  email: string;

  @Field({ description: 'Name shown to others.' })
  displayName: string;

  @Field({ description: 'Operator of this deployment: may create associations and see all of them.' })
  platformAdmin: boolean;

  @Field({ description: 'When the account was created.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Last successful sign-in.' })
  lastLoginAt: Date | null;
}

@ObjectType('Me', { description: 'The signed-in caller and the roles it holds.' })
export class MeDTO extends AccountDTO {
  @Field(() => [RoleGrantDTO], { description: 'Roles per association.' })
  roles: RoleGrantDTO[];
}

@ObjectType('LoginResult', { description: 'A fresh access token.' })
export class LoginResultDTO {
  @Field({ description: 'Send as "Authorization: Bearer <accessToken>".' })
  accessToken: string;

  @Field({ description: 'When the token stops working.' })
  expiresAt: Date;

  @Field(() => AccountDTO, { description: 'The account signed in.' })
  account: AccountDTO;
}

@ObjectType('AccessTokenResult', { description: 'A short-lived access token issued for an API key.' })
export class AccessTokenResultDTO {
  @Field({ description: 'Send as "Authorization: Bearer <accessToken>".' })
  accessToken: string;

  @Field({ description: 'When the token stops working.' })
  expiresAt: Date;
}

@InputType({ description: 'A role to grant.' })
export class GrantInput {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field(() => Role, { description: 'The role.' })
  @IsEnum(Role)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'For MEMBER_REP only: the organization represented.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;
}

@InputType({ description: "A person's new account and its first role." })
export class CreateAccountInput {
  @Field({ description: 'Login e-mail.' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @Field({ description: 'Name shown to others.' })
  @IsString()
  @Length(1, 100)
  displayName: string;

  @Field({ description: 'Initial password, at least 8 characters.' })
  @IsString()
  @Length(8, 200)
  password: string;

  @Field(() => GrantInput, { description: 'The first role, in an association the caller administers.' })
  @ValidateNested()
  @Type(() => GrantInput)
  grant: GrantInput;
}

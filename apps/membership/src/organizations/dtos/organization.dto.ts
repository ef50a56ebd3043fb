import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { Connection, IsCreditCode } from '@app/common';
import type { MembershipStatusName } from '@app/messaging';
import type { OrganizationEntity } from '../entities/organization.entity';

export enum MembershipStatus {
  NONE = 'NONE',
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  GRACE = 'GRACE',
  LAPSED = 'LAPSED',
  SUSPENDED = 'SUSPENDED',
  WITHDRAWN = 'WITHDRAWN',
  EXPELLED = 'EXPELLED',
}

registerEnumType(MembershipStatus, {
  name: 'MembershipStatus',
  description: "Where an organization stands as a member of the association.",
  valuesMap: {
    NONE: { description: 'Known to the association, not a member (e.g. a convention signatory only).' },
    PENDING: { description: 'Admitted, waiting for materials or dues.' },
    ACTIVE: { description: 'A member in good standing.' },
    GRACE: { description: 'Dues overdue, still a member during the grace period.' },
    LAPSED: { description: 'Membership ended for unpaid dues.' },
    SUSPENDED: { description: 'Membership suspended by a decision.' },
    WITHDRAWN: { description: 'Left the association by notice.' },
    EXPELLED: { description: 'Expelled by a decision.' },
  },
});

@ObjectType('Organization', { description: 'A unit (单位) known to the association: member, applicant or signatory.' })
@Directive('@key(fields: "id")')
export class OrganizationDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The association it belongs to.' })
  associationId: string;

  @Field({ description: 'Registered legal name.' })
  name: string;

  @Field({ description: 'Unified social credit code (统一社会信用代码), 18 characters.' })
  creditCode: string;

  @Field(() => MembershipStatus, { description: 'Current membership status.' })
  membershipStatus: MembershipStatus;

  @Field(() => Int, { description: 'Grows with every change.' })
  revision: number;

  @Field({ description: 'When it was registered.' })
  createdAt: Date;

  @Field({ description: 'When it last changed.' })
  updatedAt: Date;
}

export const OrganizationConnection = Connection(OrganizationDTO, 'Organization');

export function toOrganizationDTO(entity: OrganizationEntity): OrganizationDTO {
  const { id, associationId, name, creditCode, revision, createdAt, updatedAt } = entity;
  return { id, associationId, name, creditCode, membershipStatus: entity.membershipStatus as MembershipStatus, revision, createdAt, updatedAt };
}

@InputType({ description: 'An organization to register in an association.' })
export class RegisterOrganizationInput {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field({ description: 'Registered legal name.' })
  @IsString()
  @Length(2, 200)
  name: string;

  @Field({ description: 'Unified social credit code: 18 characters, GB 32100-2015 check character.' })
  @IsCreditCode()
  creditCode: string;
}

@InputType({ description: 'Changes to an organization; fields left out stay as they are.' })
export class UpdateOrganizationInput {
  @Field(() => ID, { description: 'The organization.' })
  @IsUUID()
  id: string;

  @Field({ nullable: true, description: 'New legal name.' })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  name?: string;

  @Field({ nullable: true, description: 'Corrected unified social credit code.' })
  @IsOptional()
  @IsCreditCode()
  creditCode?: string;
}

@InputType({ description: 'A decision moving a membership to another status.' })
export class ChangeMembershipStatusInput {
  @Field(() => ID, { description: 'The organization.' })
  @IsUUID()
  organizationId: string;

  @Field(() => MembershipStatus, { description: 'The new status.' })
  @IsEnum(MembershipStatus)
  status: MembershipStatusName;

  @Field({ description: 'The decision behind the change, as the record should show it.' })
  @IsString()
  @Length(2, 1000)
  reason: string;
}

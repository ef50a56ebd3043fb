import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { Connection, IsCreditCode } from '@app/common';
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

  @Field(() => String, { nullable: true, description: 'Legal representative (法定代表人).' })
  legalRepresentative: string | null;

  @Field(() => String, { nullable: true, description: 'Registered city.' })
  registeredCity: string | null;

  @Field(() => String, { nullable: true, description: 'Registered address.' })
  address: string | null;

  @Field(() => String, { nullable: true, description: 'Founding date (YYYY-MM-DD).' })
  foundedOn: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of technical staff.' })
  technicalStaffCount: number | null;

  @Field(() => Int, { description: 'Grows with every change.' })
  revision: number;

  @Field({ description: 'When it was registered.' })
  createdAt: Date;

  @Field({ description: 'When it last changed.' })
  updatedAt: Date;
}

export const OrganizationConnection = Connection(OrganizationDTO, 'Organization');

export function toOrganizationDTO(entity: OrganizationEntity): OrganizationDTO {
  const { id, associationId, name, creditCode, revision, createdAt, updatedAt, legalRepresentative, registeredCity, address, foundedOn, technicalStaffCount } = entity;
  return { id, associationId, name, creditCode, membershipStatus: entity.membershipStatus as MembershipStatus, legalRepresentative, registeredCity, address, foundedOn, technicalStaffCount, revision, createdAt, updatedAt };
}

/** The descriptive fields registration and correction share; left out, they stay as they are. */
@InputType({ isAbstract: true })
abstract class OrganizationDetailsInput {
  @Field(() => String, { nullable: true, description: 'Legal representative (法定代表人).' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  legalRepresentative?: string | null;

  @Field(() => String, { nullable: true, description: 'Registered city.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  registeredCity?: string | null;

  @Field(() => String, { nullable: true, description: 'Registered address.' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Founding date (YYYY-MM-DD).' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
  foundedOn?: string | null;

  @Field(() => [String], { nullable: true, description: "Fields of work: names from the association's taxonomy (replaces the set)." })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  fieldsOfWork?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Number of technical staff.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000000)
  technicalStaffCount?: number | null;
}

@InputType({ description: 'An organization to register in an association.' })
export class RegisterOrganizationInput extends OrganizationDetailsInput {
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
export class UpdateOrganizationInput extends OrganizationDetailsInput {
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

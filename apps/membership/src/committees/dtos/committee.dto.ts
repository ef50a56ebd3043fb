import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../council/calendar-date';
import { OfficeHolderInput } from '../../council/dtos/council.dto';

export enum CommitteeKind {
  PROFESSIONAL = 'PROFESSIONAL',
  WORKING = 'WORKING',
}

registerEnumType(CommitteeKind, {
  name: 'CommitteeKind',
  description: 'What kind of committee.',
  valuesMap: { PROFESSIONAL: { description: '专业委员会: a field of work.' }, WORKING: { description: '工作委员会: a function of the association.' } },
});

export enum CommitteePositionKind {
  DIRECTOR = 'DIRECTOR',
  DEPUTY_DIRECTOR = 'DEPUTY_DIRECTOR',
  SECRETARY_GENERAL = 'SECRETARY_GENERAL',
  MEMBER = 'MEMBER',
}

registerEnumType(CommitteePositionKind, {
  name: 'CommitteePositionKind',
  description: 'A position on a committee.',
  valuesMap: {
    DIRECTOR: { description: '主任: one holder at a time.' },
    DEPUTY_DIRECTOR: { description: '副主任.' },
    SECRETARY_GENERAL: { description: '秘书长: one holder at a time.' },
    MEMBER: { description: '委员.' },
  },
});

@ObjectType('CommitteePosition', { description: 'A position held on a committee.' })
export class CommitteePositionDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => CommitteePositionKind, { description: 'The position.' })
  position: CommitteePositionKind;

  @Field(() => ID, { nullable: true, description: 'The holding organization, if any.' })
  holderOrganizationId: string | null;

  @Field(() => ID, { nullable: true, description: 'The holding person in the member register, when known.' })
  holderPersonId: string | null;

  @Field({ description: 'Name of the holder as announced.' })
  holderName: string;

  @Field({ description: 'First day (YYYY-MM-DD).' })
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'Last day (YYYY-MM-DD); null while held.' })
  endsOn: string | null;
}

@ObjectType('CommitteeMemberUnit', { description: 'A member unit of a committee.' })
export class CommitteeMemberUnitDTO {
  @Field(() => ID, { description: 'The organization.' })
  organizationId: string;

  @Field({ description: "The organization's name." })
  organizationName: string;

  @Field({ description: 'Day it joined (YYYY-MM-DD).' })
  joinedOn: string;

  @Field(() => String, { nullable: true, description: 'Day it left (YYYY-MM-DD); null while a member.' })
  leftOn: string | null;
}

@ObjectType('Committee', { description: 'A committee of the association (专业委员会 / 工作委员会).' })
export class CommitteeDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The association.' })
  associationId: string;

  @Field({ description: 'Name.' })
  name: string;

  @Field(() => CommitteeKind, { description: 'Kind.' })
  kind: CommitteeKind;

  @Field({ description: 'Charter: purpose and scope of work.' })
  charter: string;

  @Field({ description: 'Day it was established (YYYY-MM-DD).' })
  establishedOn: string;

  @Field(() => String, { nullable: true, description: 'Day it was dissolved, if it was.' })
  dissolvedOn: string | null;

  @Field(() => [CommitteePositionDTO], { description: 'Positions, ended ones included, by position then start.' })
  positions: CommitteePositionDTO[];

  @Field(() => [CommitteeMemberUnitDTO], { description: 'Member units, former ones included.' })
  memberUnits: CommitteeMemberUnitDTO[];
}

@InputType({ description: 'A committee to establish.' })
export class CreateCommitteeInput {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field({ description: 'Name.' })
  @IsString()
  @Length(2, 100)
  name: string;

  @Field(() => CommitteeKind, { description: 'Kind.' })
  @IsEnum(CommitteeKind)
  kind: CommitteeKind;

  @Field({ description: 'Charter: purpose and scope of work.' })
  @IsString()
  @Length(2, 20000)
  charter: string;

  @Field({ description: 'Day it was established (YYYY-MM-DD).' })
  @IsCalendarDate()
  establishedOn: string;
}

@InputType({ description: 'An appointment to a committee position.' })
export class AppointCommitteePositionInput {
  @Field(() => ID, { description: 'The committee.' })
  @IsUUID()
  committeeId: string;

  @Field(() => CommitteePositionKind, { description: 'The position.' })
  @IsEnum(CommitteePositionKind)
  position: CommitteePositionKind;

  @Field(() => OfficeHolderInput, { description: 'The holder (voterAccountId is ignored here).' })
  @ValidateNested()
  @Type(() => OfficeHolderInput)
  holder: OfficeHolderInput;

  @Field({ description: 'First day (YYYY-MM-DD).' })
  @IsCalendarDate()
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'Last day (YYYY-MM-DD), if known.' })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string | null;
}

@InputType({ description: 'A change of a committee member unit.' })
export class CommitteeMemberUnitInput {
  @Field(() => ID, { description: 'The committee.' })
  @IsUUID()
  committeeId: string;

  @Field(() => ID, { description: 'The organization.' })
  @IsUUID()
  organizationId: string;

  @Field({ description: 'Day it joins or leaves (YYYY-MM-DD).' })
  @IsCalendarDate()
  on: string;
}

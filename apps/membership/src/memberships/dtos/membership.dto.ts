import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { AssociationPageArgs, Connection, PageArgs } from '@app/common';
import type { MembershipGradeName, MembershipStatusName } from '@app/messaging';
import { MembershipStatus } from '../../organizations/dtos/organization.dto';

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export enum MembershipGrade {
  MEMBER = 'MEMBER',
  COUNCIL = 'COUNCIL',
  STANDING_COUNCIL = 'STANDING_COUNCIL',
  VICE_PRESIDENT = 'VICE_PRESIDENT',
  PRESIDENT = 'PRESIDENT',
  SUPERVISOR = 'SUPERVISOR',
}

registerEnumType(MembershipGrade, {
  name: 'MembershipGrade',
  description: 'Membership grade (会员等级).',
  valuesMap: {
    MEMBER: { description: '会员 (member).' },
    COUNCIL: { description: '理事单位 (council member unit).' },
    STANDING_COUNCIL: { description: '常务理事单位 (standing council member unit).' },
    VICE_PRESIDENT: { description: '副会长单位 (vice-president unit).' },
    PRESIDENT: { description: '会长单位 (president unit).' },
    SUPERVISOR: { description: '监事单位 (supervisor unit).' },
  },
});

export enum MemberKindEnum {
  UNIT = 'UNIT',
  INDIVIDUAL = 'INDIVIDUAL',
}

registerEnumType(MemberKindEnum, {
  name: 'MemberKind',
  description: 'Unit (单位会员) or individual (个人会员) member.',
  valuesMap: { UNIT: { description: 'An organization.' }, INDIVIDUAL: { description: 'A natural person.' } },
});

@ObjectType('MembershipStatusChange', { description: 'One dated step of a membership history, with the decision behind it.' })
export class MembershipStatusChangeDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => MembershipStatus, { description: 'Status before.' })
  previousStatus: MembershipStatusName;

  @Field(() => MembershipStatus, { description: 'Status after.' })
  status: MembershipStatusName;

  @Field({ description: 'Date the change takes effect (YYYY-MM-DD).' })
  effectiveOn: string;

  @Field({ description: 'The decision or reason, as the record shows it.' })
  reason: string;

  @Field(() => String, { nullable: true, description: 'Reference of the decision (resolution number, objection id, "dues-sweep").' })
  decisionReference: string | null;

  @Field({ description: 'When it was recorded.' })
  at: Date;
}

@ObjectType('DuesInvoice', { description: 'Dues owed by one membership for one year.' })
export class DuesInvoiceDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field({ description: 'Invoice number.' })
  number: string;

  @Field(() => Int, { description: 'The dues year.' })
  year: number;

  @Field(() => MembershipGrade, { description: 'Grade the amount was set for.' })
  grade: MembershipGradeName;

  @Field(() => Int, { description: 'Amount in fen (分).' })
  amountFen: number;

  @Field({ description: 'Due date (YYYY-MM-DD).' })
  dueOn: string;

  @Field({ description: 'OPEN, PAID or VOID.' })
  status: string;

  @Field(() => String, { nullable: true, description: 'Date paid.' })
  paidOn: string | null;
}

@ObjectType('Membership', { description: "A unit's or a person's membership of the association." })
export class MembershipDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The association.' })
  associationId: string;

  @Field(() => MemberKindEnum, { description: 'Unit or individual.' })
  kind: 'UNIT' | 'INDIVIDUAL';

  @Field(() => ID, { nullable: true, description: 'The member unit.' })
  organizationId: string | null;

  @Field(() => ID, { nullable: true, description: 'The individual member.' })
  personId: string | null;

  @Field({ description: "Member's name (unit name or person's name)." })
  name: string;

  @Field(() => MembershipGrade, { description: 'Grade.' })
  grade: MembershipGradeName;

  @Field(() => MembershipStatus, { description: 'Status.' })
  status: MembershipStatusName;

  @Field(() => String, { nullable: true, description: 'Member number (会员编号), once active.' })
  memberNumber: string | null;

  @Field(() => String, { nullable: true, description: 'Certificate number (会员证书编号), once active.' })
  certificateNumber: string | null;

  @Field(() => String, { nullable: true, description: 'Date admitted (YYYY-MM-DD).' })
  admittedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Paid through this date.' })
  validUntil: string | null;

  @Field(() => ID, { nullable: true, description: 'The application it came from.' })
  applicationId: string | null;

  @Field(() => Int, { description: 'Grows with every change.' })
  revision: number;
}

export const MembershipConnection = Connection(MembershipDTO, 'Membership');

@ObjectType('MemberListing', { description: 'A member unit as public registers show it: no personal data.' })
export class MemberListingDTO {
  @Field(() => ID, { description: 'The membership.' })
  membershipId: string;

  @Field(() => ID, { description: 'The organization.' })
  organizationId: string;

  @Field(() => String, { nullable: true, description: 'Member number.' })
  memberNumber: string | null;

  @Field({ description: 'Unit name.' })
  name: string;

  @Field({ description: 'Unified social credit code (public register data).' })
  creditCode: string;

  @Field(() => MembershipGrade, { description: 'Grade.' })
  grade: MembershipGradeName;

  @Field(() => MembershipStatus, { description: 'Status.' })
  status: MembershipStatusName;

  @Field(() => String, { nullable: true, description: 'Registered city.' })
  registeredCity: string | null;

  @Field(() => [String], { description: "Fields of work, from the association's taxonomy." })
  fieldsOfWork: string[];

  @Field(() => String, { nullable: true, description: 'Date admitted.' })
  admittedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Paid through this date.' })
  validUntil: string | null;
}

export const MemberListingConnection = Connection(MemberListingDTO, 'MemberListing');

export enum MembershipChangeKindEnum {
  ADMISSION = 'ADMISSION',
  WITHDRAWAL = 'WITHDRAWAL',
  EXPULSION = 'EXPULSION',
  REVERSAL = 'REVERSAL',
}

registerEnumType(MembershipChangeKindEnum, {
  name: 'MembershipChangeKind',
  description: 'Kinds of change to the member register.',
  valuesMap: {
    ADMISSION: { description: 'Became a member (dues paid, numbers issued).' },
    WITHDRAWAL: { description: 'Left by notice (退会).' },
    EXPULSION: { description: 'Expelled by decision (除名).' },
    REVERSAL: { description: 'Admission reversed after an upheld objection during public notice.' },
  },
});

@ObjectType('MembershipChange', { description: 'An admission, withdrawal, expulsion or reversal in the member register.' })
export class MembershipChangeDTO {
  @Field(() => ID, { description: 'Identifier of the history entry.' })
  id: string;

  @Field(() => MembershipChangeKindEnum, { description: 'What happened.' })
  kind: MembershipChangeKindEnum;

  @Field({ description: 'Date it took effect (YYYY-MM-DD).' })
  effectiveOn: string;

  @Field(() => ID, { description: 'The membership.' })
  membershipId: string;

  @Field(() => String, { nullable: true, description: 'Member number.' })
  memberNumber: string | null;

  @Field({ description: "Member's name." })
  name: string;

  @Field(() => String, { nullable: true, description: 'Credit code of a unit member.' })
  creditCode: string | null;

  @Field(() => MembershipGrade, { description: 'Grade.' })
  grade: MembershipGradeName;

  @Field({ description: 'The decision or reason.' })
  reason: string;
}

export const MembershipChangeConnection = Connection(MembershipChangeDTO, 'MembershipChange');

@ObjectType('CertificateVerification', { description: 'What a membership certificate shows, for anyone checking one.' })
export class CertificateVerificationDTO {
  @Field({ description: 'Certificate number.' })
  certificateNumber: string;

  @Field({ description: 'Name of the member.' })
  name: string;

  @Field(() => MembershipGrade, { description: 'Grade.' })
  grade: MembershipGradeName;

  @Field(() => MembershipStatus, { description: 'Current status: only ACTIVE (or GRACE) is a member in standing.' })
  status: MembershipStatusName;

  @Field(() => String, { nullable: true, description: 'Valid (paid) until.' })
  validUntil: string | null;
}

@ObjectType('DuesScheduleEntry', { description: 'Dues of one grade for one year.' })
export class DuesScheduleEntryDTO {
  @Field(() => MembershipGrade, { description: 'Grade.' })
  grade: MembershipGradeName;

  @Field(() => Int, { description: 'Year.' })
  year: number;

  @Field(() => Int, { description: 'Amount in fen (分).' })
  amountFen: number;

  @Field({ description: 'Due date.' })
  dueOn: string;
}

@ObjectType('DuesSweepItem', { description: 'One membership the dues sweep moved.' })
export class DuesSweepItemDTO {
  @Field(() => ID, { description: 'The membership.' })
  membershipId: string;

  @Field(() => String, { nullable: true, description: 'Member number.' })
  memberNumber: string | null;

  @Field({ description: "Member's name." })
  name: string;

  @Field(() => MembershipStatus, { description: 'Status before.' })
  previousStatus: MembershipStatusName;

  @Field(() => MembershipStatus, { description: 'Status after.' })
  status: MembershipStatusName;

  @Field(() => String, { nullable: true, description: 'Paid-through date that was missed.' })
  validUntil: string | null;
}

@ObjectType('DuesSweepReport', { description: 'What a dues sweep changed.' })
export class DuesSweepReportDTO {
  @Field({ description: 'The date the sweep judged against.' })
  asOf: string;

  @Field(() => [DuesSweepItemDTO], { description: 'Every membership moved, with from and to.' })
  changed: DuesSweepItemDTO[];
}

@ObjectType('DuesPaymentResult', { description: 'A recorded payment: the invoice and the membership after it.' })
export class DuesPaymentResultDTO {
  @Field(() => DuesInvoiceDTO, { description: 'The paid invoice.' })
  invoice: DuesInvoiceDTO;

  @Field(() => MembershipDTO, { description: 'The membership, now ACTIVE.' })
  membership: MembershipDTO;
}

// ---------------------------------------------------------------- inputs and args

@ArgsType()
export class MembershipsArgs extends AssociationPageArgs {
  @Field(() => MembershipStatus, { nullable: true, description: 'Only memberships in this status.' })
  @IsOptional()
  @IsEnum(MembershipStatus)
  status?: MembershipStatusName | null;
}

@ArgsType()
export class MemberDirectoryArgs extends PageArgs {
  @Field({ description: 'Short code of the association, e.g. DEMOCSA.' })
  @IsString()
  @Length(2, 16)
  associationCode: string;

  @Field(() => MembershipGrade, { nullable: true, description: 'Only this grade.' })
  @IsOptional()
  @IsEnum(MembershipGrade)
  grade?: MembershipGradeName | null;

  @Field(() => String, { nullable: true, description: 'Only units working in this field (a name from the taxonomy).' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  fieldOfWork?: string | null;
}

@ArgsType()
export class MembershipChangesArgs extends PageArgs {
  @Field({ description: 'Short code of the association.' })
  @IsString()
  @Length(2, 16)
  associationCode: string;

  @Field(() => String, { nullable: true, description: 'From this effective date (YYYY-MM-DD), inclusive.' })
  @IsOptional()
  @IsString()
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to this effective date (YYYY-MM-DD), inclusive.' })
  @IsOptional()
  @IsString()
  to?: string | null;
}

@InputType({ description: 'A secretariat decision on a membership: suspend, lift a suspension, expel, or record a withdrawal.' })
export class ChangeMembershipStatusInput {
  @Field(() => ID, { description: 'The membership.' })
  @IsUUID()
  membershipId: string;

  @Field(() => MembershipStatus, { description: 'SUSPENDED, ACTIVE (lifting a suspension), EXPELLED or WITHDRAWN.' })
  @IsEnum(MembershipStatus)
  status: MembershipStatusName;

  @Field({ description: 'The decision behind the change, as the record should show it.' })
  @IsString()
  @Length(2, 1000)
  reason: string;

  @Field(() => String, { nullable: true, description: 'Reference of the decision (e.g. council resolution number).' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  decisionReference?: string | null;

  @Field(() => String, { nullable: true, description: 'Effective date (YYYY-MM-DD); today when left out.' })
  @IsOptional()
  @Matches(ISO_DATE)
  effectiveOn?: string | null;
}

@InputType({ description: "A member's notice of withdrawal (退会)." })
export class WithdrawMembershipInput {
  @Field(() => ID, { description: 'The membership.' })
  @IsUUID()
  membershipId: string;

  @Field({ description: 'Date of the written notice (YYYY-MM-DD); the withdrawal takes effect then.' })
  @Matches(ISO_DATE)
  noticeOn: string;

  @Field({ description: 'Reason given.' })
  @IsString()
  @Length(2, 1000)
  reason: string;
}

@InputType({ description: 'A unit that was a member before the association used this system.' })
export class RecordExistingMembershipInput {
  @Field(() => ID, { description: 'The organization.' })
  @IsUUID()
  organizationId: string;

  @Field(() => MembershipGrade, { description: 'Grade.' })
  @IsEnum(MembershipGrade)
  grade: MembershipGradeName;

  @Field({ description: 'When it was admitted (YYYY-MM-DD).' })
  @Matches(ISO_DATE)
  admittedOn: string;

  @Field({ description: 'Paid through this date (YYYY-MM-DD).' })
  @Matches(ISO_DATE)
  validUntil: string;
}

@InputType({ description: 'Dues of one grade.' })
export class GradeAmountInput {
  @Field(() => MembershipGrade, { description: 'Grade.' })
  @IsEnum(MembershipGrade)
  grade: MembershipGradeName;

  @Field(() => Int, { description: 'Amount in fen (分).' })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  amountFen: number;
}

@InputType({ description: "A year's dues per grade." })
export class SetDuesScheduleInput {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field(() => Int, { description: 'The dues year.' })
  @IsInt()
  @Min(2000)
  @Max(2200)
  year: number;

  @Field({ description: 'Due date (YYYY-MM-DD).' })
  @Matches(ISO_DATE)
  dueOn: string;

  @Field(() => [GradeAmountInput], { description: 'Amount per grade.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => GradeAmountInput)
  amounts: GradeAmountInput[];
}

@InputType({ description: 'A dues payment received.' })
export class RecordDuesPaymentInput {
  @Field(() => ID, { description: 'The invoice paid.' })
  @IsUUID()
  invoiceId: string;

  @Field(() => Int, { description: 'Amount received in fen; must equal the invoice.' })
  @IsInt()
  @Min(1)
  amountFen: number;

  @Field({ description: 'Date received (YYYY-MM-DD).' })
  @Matches(ISO_DATE)
  paidOn: string;

  @Field({ description: 'How it was paid: BANK_TRANSFER, CASH, OTHER.' })
  @IsIn(['BANK_TRANSFER', 'CASH', 'OTHER'])
  method: string;

  @Field(() => String, { nullable: true, description: 'Bank reference or receipt number.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reference?: string | null;
}

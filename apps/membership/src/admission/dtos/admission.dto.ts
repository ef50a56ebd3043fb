import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEmail, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Connection, IsCreditCode } from '@app/common';
import type { MembershipGradeName } from '@app/messaging';
import { ISO_DATE, MemberKindEnum, MembershipGrade } from '../../memberships/dtos/membership.dto';
import type { AdmissionCriterionName, ApplicationStatus, CriterionResult } from '../entities/membership-application.entity';

export enum AdmissionCriterion {
  LOCAL_REGISTRATION = 'LOCAL_REGISTRATION',
  FIELD_OF_WORK = 'FIELD_OF_WORK',
  OPERATING_ONE_YEAR = 'OPERATING_ONE_YEAR',
  GOOD_CREDIT = 'GOOD_CREDIT',
  TECHNICAL_CAPACITY = 'TECHNICAL_CAPACITY',
  CHARTER_AGREEMENT = 'CHARTER_AGREEMENT',
}

registerEnumType(AdmissionCriterion, {
  name: 'AdmissionCriterion',
  description: 'The six basic admission criteria (入会基本条件).',
  valuesMap: {
    LOCAL_REGISTRATION: { description: 'Registered locally, or proof of local operation (branches of outside companies: site visit); individuals: local residence or work.' },
    FIELD_OF_WORK: { description: "Works in one or more of the association's fields of work." },
    OPERATING_ONE_YEAR: { description: 'At least one year of local operation (units) or work in the field (individuals).' },
    GOOD_CREDIT: { description: 'Good credit, no record of violations (e.g. checked on 信用中国).' },
    TECHNICAL_CAPACITY: { description: 'Technical staff in the field (units) or technical ability with evidence (individuals).' },
    CHARTER_AGREEMENT: { description: 'Agrees to the charter and supports the conventions, initiatives and group standards.' },
  },
});

export enum CriterionResultEnum {
  UNREVIEWED = 'UNREVIEWED',
  MET = 'MET',
  NOT_MET = 'NOT_MET',
}

registerEnumType(CriterionResultEnum, {
  name: 'CriterionResult',
  description: "A reviewer's finding on one criterion.",
  valuesMap: { UNREVIEWED: { description: 'Not reviewed yet.' }, MET: { description: 'Met.' }, NOT_MET: { description: 'Not met.' } },
});

export enum ApplicationStatusEnum {
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  ADMITTED = 'ADMITTED',
  REVERSED = 'REVERSED',
}

registerEnumType(ApplicationStatusEnum, {
  name: 'ApplicationStatus',
  description: 'Where an application for membership stands.',
  valuesMap: {
    SUBMITTED: { description: 'Received, not reviewed yet.' },
    UNDER_REVIEW: { description: 'The secretariat is reviewing the criteria.' },
    APPROVED: { description: 'Approved with an admission notice; waiting for dues.' },
    REJECTED: { description: 'Rejected; the reasons are on the application.' },
    ADMITTED: { description: 'Dues paid: a member, under public notice.' },
    REVERSED: { description: 'Admission reversed after an upheld objection.' },
  },
});

@ObjectType('ApplicationCriterion', { description: 'One admission criterion of an application.' })
export class ApplicationCriterionDTO {
  @Field(() => AdmissionCriterion, { description: 'Which criterion.' })
  criterion: AdmissionCriterionName;

  @Field(() => String, { nullable: true, description: "The applicant's statement." })
  applicantStatement: string | null;

  @Field(() => CriterionResultEnum, { description: "The reviewer's finding." })
  result: CriterionResult;

  @Field(() => String, { nullable: true, description: "The reviewer's note." })
  reviewerNote: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was reviewed.' })
  reviewedAt: Date | null;
}

@ObjectType('Attachment', { description: 'Evidence uploaded with an application (metadata; the content through `attachmentContent`).' })
export class AttachmentDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => AdmissionCriterion, { nullable: true, description: 'The criterion it supports.' })
  criterion: AdmissionCriterionName | null;

  @Field({ description: 'File name as uploaded.' })
  fileName: string;

  @Field({ description: 'MIME type.' })
  mimeType: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  sizeBytes: number;

  @Field({ description: 'SHA-256 of the content, hex.' })
  sha256: string;

  @Field({ description: 'When it was uploaded.' })
  createdAt: Date;
}

@ObjectType('AttachmentContent', { description: 'The content of an attachment, for authorised readers only.' })
export class AttachmentContentDTO {
  @Field(() => AttachmentDTO, { description: 'The attachment.' })
  attachment: AttachmentDTO;

  @Field({ description: 'The file, base64.' })
  contentBase64: string;
}

@ObjectType('MembershipApplication', { description: 'An application for membership (入会申请).' })
export class MembershipApplicationDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The association.' })
  associationId: string;

  @Field(() => MemberKindEnum, { description: 'Unit or individual.' })
  kind: 'UNIT' | 'INDIVIDUAL';

  @Field(() => ID, { nullable: true, description: 'The applying unit.' })
  organizationId: string | null;

  @Field(() => ID, { nullable: true, description: 'The applying person.' })
  personId: string | null;

  @Field({ description: "Applicant's name." })
  applicantName: string;

  @Field(() => MembershipGrade, { description: 'Grade applied for.' })
  requestedGrade: MembershipGradeName;

  @Field({ description: 'A branch or office of a company registered elsewhere (needs a site visit).' })
  branchOfOutsideCompany: boolean;

  @Field(() => ApplicationStatusEnum, { description: 'Where it stands.' })
  status: ApplicationStatus;

  @Field(() => String, { nullable: true, description: 'Date of the site visit (实地考察).' })
  siteVisitOn: string | null;

  @Field(() => CriterionResultEnum, { nullable: true, description: 'Finding of the site visit.' })
  siteVisitResult: 'MET' | 'NOT_MET' | null;

  @Field(() => String, { nullable: true, description: 'Admission notice number (入会通知书), once approved.' })
  admissionNoticeNumber: string | null;

  @Field(() => String, { nullable: true, description: 'Admission notice date.' })
  admissionNoticeOn: string | null;

  @Field(() => String, { nullable: true, description: 'Reasons for a rejection, for the applicant to read.' })
  rejectionReasons: string | null;

  @Field(() => ID, { nullable: true, description: 'The membership created on approval.' })
  membershipId: string | null;

  @Field({ description: 'When it was submitted.' })
  createdAt: Date;
}

export const MembershipApplicationConnection = Connection(MembershipApplicationDTO, 'MembershipApplication');

@ObjectType('PublicNotice', { description: 'Public notice of an admission (公示), open to objections until a date.' })
export class PublicNoticeDTO {
  @Field(() => ID, { description: 'Identifier; quote it when lodging an objection.' })
  id: string;

  @Field({ description: 'Name of the new member.' })
  memberName: string;

  @Field(() => MembershipGrade, { description: 'Grade.' })
  grade: MembershipGradeName;

  @Field({ description: 'Published on.' })
  publishedOn: string;

  @Field({ description: 'Objections accepted until (inclusive).' })
  objectionsUntil: string;

  @Field({ description: 'OPEN, CONFIRMED or REVERSED.' })
  status: string;
}

export const PublicNoticeConnection = Connection(PublicNoticeDTO, 'PublicNotice');

@ObjectType('Objection', { description: 'An objection to an admission under public notice.' })
export class ObjectionDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The notice objected to.' })
  noticeId: string;

  @Field({ description: 'The grounds.' })
  grounds: string;

  @Field({ description: 'RECEIVED, UPHELD or DISMISSED.' })
  status: string;

  @Field(() => String, { nullable: true, description: 'Decision note.' })
  decisionNote: string | null;

  @Field({ description: 'When it was lodged.' })
  createdAt: Date;
}

@ObjectType('ObjectionReceipt', { description: 'Acknowledgement of an objection lodged by the public.' })
export class ObjectionReceiptDTO {
  @Field(() => ID, { description: 'Reference of the objection.' })
  id: string;

  @Field({ description: 'When it was received.' })
  receivedAt: Date;
}

// ---------------------------------------------------------------- inputs

@InputType({ description: 'The applying unit.' })
export class ApplicantOrganizationInput {
  @Field({ description: 'Registered legal name.' })
  @IsString()
  @Length(2, 200)
  name: string;

  @Field({ description: 'Unified social credit code (GB 32100-2015).' })
  @IsCreditCode()
  creditCode: string;

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

  @Field(() => String, { nullable: true, description: 'Address.' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Founding date (YYYY-MM-DD).' })
  @IsOptional()
  @Matches(ISO_DATE)
  foundedOn?: string | null;

  @Field(() => [String], { nullable: true, description: "Fields of work, names from the association's taxonomy." })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  fieldsOfWork?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Number of technical staff.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  technicalStaffCount?: number | null;
}

@InputType({ description: 'The applying person (individual member).' })
export class ApplicantPersonInput {
  @Field({ description: 'Name.' })
  @IsString()
  @Length(1, 100)
  name: string;

  @Field(() => String, { nullable: true, description: 'Phone (personal data; masked in lists).' })
  @IsOptional()
  @Matches(/^[0-9+\-\s]{5,20}$/)
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail (personal data; masked in lists).' })
  @IsOptional()
  @IsEmail()
  email?: string | null;

  @Field(() => ID, { nullable: true, description: 'Employer, when known to the association.' })
  @IsOptional()
  @IsUUID()
  employerOrganizationId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Professional titles.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  titles?: string[] | null;
}

@InputType({ description: "The applicant's statement on one criterion." })
export class CriterionStatementInput {
  @Field(() => AdmissionCriterion, { description: 'Which criterion.' })
  @IsEnum(AdmissionCriterion)
  criterion: AdmissionCriterionName;

  @Field({ description: 'What the applicant states (e.g. registered in 武汉 since 2015).' })
  @IsString()
  @Length(1, 2000)
  statement: string;
}

@InputType({ description: 'A file uploaded as base64 (PDF, PNG or JPEG; size limited).' })
export class AttachmentUploadInput {
  @Field(() => AdmissionCriterion, { nullable: true, description: 'The criterion it supports.' })
  @IsOptional()
  @IsEnum(AdmissionCriterion)
  criterion?: AdmissionCriterionName | null;

  @Field({ description: 'File name.' })
  @IsString()
  @Length(1, 200)
  fileName: string;

  @Field({ description: 'MIME type: application/pdf, image/png or image/jpeg.' })
  @IsString()
  @Length(3, 100)
  mimeType: string;

  @Field({ description: 'The content, base64.' })
  @IsString()
  @MaxLength(150 * 1024 * 1024)
  contentBase64: string;
}

@InputType({ description: 'An application for membership.' })
export class SubmitMembershipApplicationInput {
  @Field(() => ID, { description: 'The association applied to.' })
  @IsUUID()
  associationId: string;

  @Field(() => MemberKindEnum, { description: 'Unit or individual.' })
  @IsEnum(MemberKindEnum)
  kind: 'UNIT' | 'INDIVIDUAL';

  @Field(() => MembershipGrade, { nullable: true, description: 'Grade applied for; 会员 when left out.' })
  @IsOptional()
  @IsEnum(MembershipGrade)
  requestedGrade?: MembershipGradeName | null;

  @Field(() => Boolean, { nullable: true, description: 'A branch or office of a company registered elsewhere.' })
  @IsOptional()
  @IsBoolean()
  branchOfOutsideCompany?: boolean | null;

  @Field(() => ApplicantOrganizationInput, { nullable: true, description: 'The unit (kind UNIT).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ApplicantOrganizationInput)
  organization?: ApplicantOrganizationInput | null;

  @Field(() => ApplicantPersonInput, { nullable: true, description: 'The person (kind INDIVIDUAL).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ApplicantPersonInput)
  person?: ApplicantPersonInput | null;

  @Field(() => [CriterionStatementInput], { description: 'Statements on the criteria.' })
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => CriterionStatementInput)
  statements: CriterionStatementInput[];

  @Field(() => [AttachmentUploadInput], { nullable: true, description: 'Evidence files.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AttachmentUploadInput)
  attachments?: AttachmentUploadInput[] | null;
}

@InputType({ description: "A reviewer's finding on one criterion." })
export class CriterionReviewInput {
  @Field(() => AdmissionCriterion, { description: 'Which criterion.' })
  @IsEnum(AdmissionCriterion)
  criterion: AdmissionCriterionName;

  @Field(() => CriterionResultEnum, { description: 'MET or NOT_MET.' })
  @IsIn(['MET', 'NOT_MET'])
  result: 'MET' | 'NOT_MET';

  @Field(() => String, { nullable: true, description: 'Note.' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string | null;
}

@InputType({ description: 'A site visit (实地考察) and its finding.' })
export class SiteVisitInput {
  @Field({ description: 'Date of the visit (YYYY-MM-DD).' })
  @Matches(ISO_DATE)
  visitedOn: string;

  @Field(() => CriterionResultEnum, { description: 'MET (actual local operation confirmed) or NOT_MET.' })
  @IsIn(['MET', 'NOT_MET'])
  result: 'MET' | 'NOT_MET';

  @Field(() => String, { nullable: true, description: 'Note.' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string | null;
}

@InputType({ description: 'Review of an application, criterion by criterion.' })
export class ReviewMembershipApplicationInput {
  @Field(() => ID, { description: 'The application.' })
  @IsUUID()
  applicationId: string;

  @Field(() => [CriterionReviewInput], { description: 'Findings (any subset; repeat to correct).' })
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => CriterionReviewInput)
  criteria: CriterionReviewInput[];

  @Field(() => SiteVisitInput, { nullable: true, description: 'Site visit, for branches of outside companies.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SiteVisitInput)
  siteVisit?: SiteVisitInput | null;
}

@InputType({ description: 'The decision on an application.' })
export class DecideMembershipApplicationInput {
  @Field(() => ID, { description: 'The application.' })
  @IsUUID()
  applicationId: string;

  @Field({ description: 'Approve (admission notice, membership PENDING, dues invoice) or reject.' })
  @IsBoolean()
  approve: boolean;

  @Field(() => String, { nullable: true, description: 'Reasons for a rejection, which the applicant reads.' })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  reasons?: string | null;

  @Field(() => MembershipGrade, { nullable: true, description: 'Grade granted; the one applied for when left out.' })
  @IsOptional()
  @IsEnum(MembershipGrade)
  grade?: MembershipGradeName | null;
}

@InputType({ description: 'An objection to an admission under public notice; anyone may lodge one.' })
export class LodgeObjectionInput {
  @Field(() => ID, { description: 'The public notice.' })
  @IsUUID()
  noticeId: string;

  @Field({ description: 'The grounds of the objection.' })
  @IsString()
  @Length(5, 4000)
  grounds: string;

  @Field(() => String, { nullable: true, description: 'Your name (optional).' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  objectorName?: string | null;

  @Field(() => String, { nullable: true, description: 'How to reach you (optional; seen by the secretariat only).' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  objectorContact?: string | null;
}

@InputType({ description: 'The decision on an objection.' })
export class DecideObjectionInput {
  @Field(() => ID, { description: 'The objection.' })
  @IsUUID()
  objectionId: string;

  @Field({ description: 'Upheld reverses the admission.' })
  @IsBoolean()
  upheld: boolean;

  @Field({ description: 'The reasons of the decision.' })
  @IsString()
  @Length(2, 4000)
  note: string;
}

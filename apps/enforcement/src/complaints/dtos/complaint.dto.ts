import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { PublicationScope, SanctionGrade, SanctionStatus } from '../../sanctions/dtos/sanction.dto';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export enum ComplaintSource {
  SIGNATORY = 'SIGNATORY',
  PUBLIC = 'PUBLIC',
  REGULATOR = 'REGULATOR',
  EXECUTING_BODY = 'EXECUTING_BODY',
}
registerEnumType(ComplaintSource, {
  name: 'ComplaintSource',
  description: 'Where a complaint came from.',
  valuesMap: {
    SIGNATORY: { description: 'A signatory unit, through its MEMBER_REP (投诉).' },
    PUBLIC: { description: 'The public, possibly anonymous (举报).' },
    REGULATOR: { description: 'Referred by a supervising authority.' },
    EXECUTING_BODY: { description: "Opened by the executing body of its own motion." },
  },
});

export enum ComplaintStage {
  RECEIVED = 'RECEIVED',
  NOT_ADMITTED = 'NOT_ADMITTED',
  INVESTIGATION = 'INVESTIGATION',
  FINDING = 'FINDING',
  DECIDED = 'DECIDED',
  CLOSED = 'CLOSED',
}
registerEnumType(ComplaintStage, {
  name: 'ComplaintStage',
  description: 'Stage of a complaint.',
  valuesMap: {
    RECEIVED: { description: 'Received; admissibility not yet decided.' },
    NOT_ADMITTED: { description: 'Not admitted, with a reason (final).' },
    INVESTIGATION: { description: 'Admitted and under investigation; the respondent may reply.' },
    FINDING: { description: 'Finding recorded; awaiting the decision.' },
    DECIDED: { description: 'Decided; the appeal window may be open.' },
    CLOSED: { description: 'Closed (final).' },
  },
});

export enum Finding {
  BREACH = 'BREACH',
  NO_BREACH = 'NO_BREACH',
}
registerEnumType(Finding, {
  name: 'Finding',
  description: 'Result of an investigation.',
  valuesMap: { BREACH: { description: 'The convention was breached.' }, NO_BREACH: { description: 'No breach was found.' } },
});

export enum ComplaintDecision {
  SANCTION = 'SANCTION',
  DISMISSAL = 'DISMISSAL',
}
registerEnumType(ComplaintDecision, {
  name: 'ComplaintDecision',
  description: 'Decision on a complaint.',
  valuesMap: { SANCTION: { description: 'A sanction is imposed (after a breach finding).' }, DISMISSAL: { description: 'The complaint is dismissed.' } },
});

@ObjectType('ComplaintReceipt', { description: 'What a complainant gets back: keep the tracking code and the secret to check the status.' })
export class ComplaintReceiptDTO {
  @Field(() => ID, { nullable: true, description: 'The complaint, for signed-in complainants other than the public.' })
  complaintId: string | null;

  @Field({ description: 'Tracking code.' })
  trackingCode: string;

  @Field(() => String, { nullable: true, description: 'Secret to check the status; shown only once (null on an idempotent replay).' })
  secret: string | null;

  @Field(() => ComplaintStage, { description: 'Current stage.' })
  stage: ComplaintStage;

  @Field({ description: 'When it was received.' })
  receivedAt: Date;
}

@ObjectType('ComplaintStatus', { description: 'What a complainant learns by tracking code and secret: the stage only (and the reason if not admitted).' })
export class ComplaintStatusDTO {
  @Field({ description: 'Tracking code.' })
  trackingCode: string;

  @Field(() => ComplaintStage, { description: 'Current stage.' })
  stage: ComplaintStage;

  @Field(() => String, { nullable: true, description: 'Why it was not admitted, when it was not.' })
  notAdmittedReason: string | null;

  @Field({ description: 'When it was received.' })
  receivedAt: Date;
}

@ObjectType('ComplaintInvestigator', { description: 'An investigator assigned to a case.' })
export class ComplaintInvestigatorDTO {
  @Field(() => ID, { description: 'Account of the investigator.' })
  accountId: string;

  @Field({ description: 'Name.' })
  name: string;

  @Field({ description: 'When assigned.' })
  assignedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When recused, if so.' })
  recusedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Reason of the recusal.' })
  recusalReason: string | null;
}

@ObjectType('ComplaintActivity', { description: 'One entry of the activity log.' })
export class ComplaintActivityDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field({ description: 'What happened (RECEIVED, ADMITTED, NOTE, ESCALATED, ...).' })
  kind: string;

  @Field({ description: 'Note.' })
  note: string;

  @Field(() => ID, { nullable: true, description: 'Who did it (null for scheduled work and the public).' })
  actorAccountId: string | null;

  @Field({ description: 'When.' })
  at: Date;
}

@ObjectType('Complaint', { description: 'A complaint against a signatory. The complainant is never shown here: staff read it through `complainantIdentity` (audited).' })
export class ComplaintDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The association.' })
  associationId: string;

  @Field(() => ID, { description: 'The convention.' })
  conventionId: string;

  @Field(() => ID, { description: 'The respondent signatory.' })
  respondentOrganizationId: string;

  @Field({ description: 'Name of the respondent.' })
  respondentName: string;

  @Field(() => ComplaintSource, { nullable: true, description: 'Source (case handlers only).' })
  source: ComplaintSource | null;

  @Field(() => String, { nullable: true, description: 'Tracking code (case handlers only).' })
  trackingCode: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the complainant stayed anonymous (case handlers only).' })
  anonymous: boolean | null;

  @Field(() => String, { nullable: true, description: "Regulator's case reference (case handlers only)." })
  referralReference: string | null;

  @Field(() => [Int], { description: 'Article numbers allegedly breached.' })
  articleNumbers: number[];

  @Field({ description: 'Facts.' })
  facts: string;

  @Field(() => [String], { description: 'Evidence (descriptions or references).' })
  evidence: string[];

  @Field(() => ComplaintStage, { description: 'Stage.' })
  stage: ComplaintStage;

  @Field(() => String, { nullable: true, description: 'Date the current stage is due to end (YYYY-MM-DD).' })
  stageDueOn: string | null;

  @Field(() => Date, { nullable: true, description: 'When the case was escalated as overdue (case handlers only).' })
  escalatedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was not admitted.' })
  notAdmittedReason: string | null;

  @Field(() => String, { nullable: true, description: "Last day of the respondent's reply period." })
  replyDueOn: string | null;

  @Field(() => String, { nullable: true, description: "The respondent's reply." })
  replyText: string | null;

  @Field(() => Date, { nullable: true, description: 'When the respondent replied.' })
  repliedAt: Date | null;

  @Field(() => Finding, { nullable: true, description: 'Finding.' })
  finding: Finding | null;

  @Field(() => [Int], { nullable: true, description: 'Articles found breached.' })
  breachedArticles: number[] | null;

  @Field({ description: 'Whether the breach was verified to have caused adverse effects.' })
  adverseImpact: boolean;

  @Field(() => String, { nullable: true, description: 'Summary of the finding.' })
  findingSummary: string | null;

  @Field(() => ComplaintDecision, { nullable: true, description: 'Decision.' })
  decision: ComplaintDecision | null;

  @Field(() => String, { nullable: true, description: 'Summary of the decision.' })
  decisionSummary: string | null;

  @Field(() => String, { nullable: true, description: 'Date decided.' })
  decidedOn: string | null;

  @Field(() => ID, { nullable: true, description: 'The sanction imposed, if any.' })
  sanctionId: string | null;

  @Field(() => [ComplaintInvestigatorDTO], { description: 'Investigators, recused ones included (filled when one complaint is read, empty in lists).' })
  investigators: ComplaintInvestigatorDTO[];

  @Field(() => [ComplaintActivityDTO], { description: 'Activity log (case handlers reading one complaint; empty in lists and for the respondent).' })
  activity: ComplaintActivityDTO[];

  @Field(() => Date, { nullable: true, description: 'When the complainant identity was erased after the retention period.' })
  identityPurgedAt: Date | null;

  @Field({ description: 'When received.' })
  receivedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When closed.' })
  closedAt: Date | null;
}

@ObjectType('ComplainantIdentity', { description: "A complainant's identity. Reading it is audited." })
export class ComplainantIdentityDTO {
  @Field(() => ID, { description: 'The complaint.' })
  complaintId: string;

  @Field({ description: 'The complainant stayed anonymous.' })
  anonymous: boolean;

  @Field(() => String, { nullable: true, description: 'Name.' })
  name: string | null;

  @Field(() => String, { nullable: true, description: 'Contact.' })
  contact: string | null;

  @Field(() => ID, { nullable: true, description: 'The complaining unit, for a signatory complaint.' })
  organizationId: string | null;
}

@ObjectType('ComplainantIdentityRead', { description: "An audited read of a complainant's identity." })
export class ComplainantIdentityReadDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The complaint.' })
  complaintId: string;

  @Field(() => ID, { description: 'Who read it.' })
  readerAccountId: string;

  @Field({ description: 'Stated purpose.' })
  purpose: string;

  @Field(() => String, { nullable: true, description: 'Request id of the read.' })
  requestId: string | null;

  @Field({ description: 'When.' })
  readAt: Date;
}

@ObjectType('InvestigationResult', { description: 'A published investigation result, without the complainant.' })
export class InvestigationResultDTO {
  @Field(() => ID, { description: 'The complaint.' })
  complaintId: string;

  @Field(() => ID, { description: 'The respondent.' })
  respondentOrganizationId: string;

  @Field({ description: 'Name of the respondent.' })
  respondentName: string;

  @Field(() => [Int], { description: 'Articles alleged.' })
  articleNumbers: number[];

  @Field(() => Finding, { description: 'Finding.' })
  finding: Finding;

  @Field(() => [Int], { description: 'Articles found breached.' })
  breachedArticles: number[];

  @Field({ description: 'Summary of the finding.' })
  findingSummary: string;

  @Field(() => ComplaintDecision, { description: 'Decision.' })
  decision: ComplaintDecision;

  @Field({ description: 'Summary of the decision.' })
  decisionSummary: string;

  @Field({ description: 'Date decided.' })
  decidedOn: string;

  @Field(() => SanctionGrade, { nullable: true, description: 'Grade of the sanction, if any.' })
  sanctionGrade: SanctionGrade | null;

  @Field(() => SanctionStatus, { nullable: true, description: 'Status of the sanction (e.g. OVERTURNED on appeal).' })
  sanctionStatus: SanctionStatus | null;
}

@ObjectType('ComplaintCount', { description: 'A count under a key.' })
export class ComplaintCountDTO {
  @Field({ description: 'Key (stage, source, article number or month YYYY-MM).' })
  key: string;

  @Field(() => Int, { description: 'Complaints.' })
  count: number;
}

@ObjectType('ComplaintStatistics', { description: 'Complaints received in a period, counted.' })
export class ComplaintStatisticsDTO {
  @Field({ description: 'First day.' })
  from: string;

  @Field({ description: 'Last day.' })
  to: string;

  @Field(() => Int, { description: 'Complaints received.' })
  total: number;

  @Field(() => [ComplaintCountDTO], { description: 'By current stage.' })
  byStage: ComplaintCountDTO[];

  @Field(() => [ComplaintCountDTO], { description: 'By source.' })
  bySource: ComplaintCountDTO[];

  @Field(() => [ComplaintCountDTO], { description: 'By article alleged (a complaint counts under each).' })
  byArticle: ComplaintCountDTO[];

  @Field(() => [ComplaintCountDTO], { description: 'By month received (China time).' })
  byMonth: ComplaintCountDTO[];
}

/** What every complaint alleges, however it arrives: the convention, the respondent, articles, facts, evidence. */
@InputType({ isAbstract: true })
abstract class ComplaintAllegationInput {
  @Field(() => ID, { description: 'The convention breached.' })
  @IsUUID()
  conventionId: string;

  @Field(() => ID, { description: 'The respondent, a signatory in force.' })
  @IsUUID()
  respondentOrganizationId: string;

  @Field(() => [Int], { description: 'Article numbers allegedly breached, in the version in effect.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsInt({ each: true })
  @Min(1, { each: true })
  articleNumbers: number[];

  @Field({ description: 'The facts.' })
  @IsString()
  @Length(10, 20000)
  facts: string;

  @Field(() => [String], { defaultValue: [], description: 'Evidence: descriptions or references.' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  evidence: string[];
}

@InputType({ description: 'A complaint or report against a signatory.' })
export class SubmitComplaintInput extends ComplaintAllegationInput {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field(() => ComplaintSource, { description: 'PUBLIC (anyone), SIGNATORY (a MEMBER_REP for its unit), REGULATOR (use referComplaint), EXECUTING_BODY (staff).' })
  @IsEnum(ComplaintSource)
  source: ComplaintSource;

  @Field({ defaultValue: false, description: 'Stay anonymous (public reports only).' })
  @IsBoolean()
  anonymous: boolean;

  @Field(() => String, { nullable: true, description: "Complainant's name (encrypted; never shown to the respondent)." })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  complainantName?: string | null;

  @Field(() => String, { nullable: true, description: "Complainant's contact (encrypted)." })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  complainantContact?: string | null;

  @Field(() => ID, { nullable: true, description: 'For SIGNATORY: the unit complaining.' })
  @IsOptional()
  @IsUUID()
  complainantOrganizationId?: string | null;
}

@InputType({ description: "A regulator's referral of a case." })
export class ReferComplaintInput extends ComplaintAllegationInput {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field({ description: 'Idempotency key: the same key returns the same complaint; a different request with it is refused.' })
  @IsString()
  @Length(8, 100)
  idempotencyKey: string;

  @Field({ description: "The authority's case reference." })
  @IsString()
  @Length(1, 200)
  referralReference: string;

  @Field(() => String, { nullable: true, description: 'Contact person at the authority (encrypted).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  complainantName?: string | null;
}

@ArgsType()
export class ComplaintStatusArgs {
  @Field({ description: 'Tracking code.' })
  @IsString()
  @Length(4, 40)
  trackingCode: string;

  @Field({ description: 'Secret given with the receipt.' })
  @IsString()
  @Length(1, 200)
  secret: string;
}

@ArgsType()
export class ComplaintsArgs {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field(() => ComplaintStage, { nullable: true, description: 'Only this stage.' })
  @IsOptional()
  @IsEnum(ComplaintStage)
  stage?: ComplaintStage | null;
}

@ArgsType()
export class AssociationArgs {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;
}

@ArgsType()
export class ComplainantIdentityArgs {
  @Field(() => ID, { description: 'The complaint.' })
  @IsUUID()
  complaintId: string;

  @Field({ description: 'Why you read it (recorded in the audit).' })
  @IsString()
  @Length(4, 500)
  purpose: string;
}

@ArgsType()
export class IdentityReadsArgs {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field(() => ID, { nullable: true, description: 'Only this complaint.' })
  @IsOptional()
  @IsUUID()
  complaintId?: string | null;
}

@ArgsType()
export class ComplaintStatisticsArgs {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field({ description: 'First day (YYYY-MM-DD).' })
  @IsString()
  from: string;

  @Field({ description: 'Last day (YYYY-MM-DD).' })
  @IsString()
  to: string;
}

@InputType({ description: 'Admitting a complaint.' })
export class AdmitComplaintInput {
  @Field(() => ID, { description: 'The complaint.' })
  @IsUUID()
  complaintId: string;

  @Field(() => Int, { defaultValue: 15, description: 'Days the respondent has to reply (7 to 60).' })
  @IsInt()
  @Min(1)
  @Max(365)
  replyDays: number;

  @Field({ defaultValue: '', description: 'Note for the log.' })
  @IsString()
  @MaxLength(2000)
  note: string;
}

@InputType({ description: 'Not admitting a complaint, with a reason the complainant reads.' })
export class NotAdmitComplaintInput {
  @Field(() => ID, { description: 'The complaint.' })
  @IsUUID()
  complaintId: string;

  @Field({ description: 'Reason, shown to the complainant.' })
  @IsString()
  @Length(1, 2000)
  reason: string;
}

@InputType({ description: 'Assigning an investigator after the conflict check.' })
export class AssignInvestigatorInput {
  @Field(() => ID, { description: 'The complaint.' })
  @IsUUID()
  complaintId: string;

  @Field(() => ID, { description: "The investigator's account." })
  @IsUUID()
  accountId: string;

  @Field({ description: "The investigator's name." })
  @IsString()
  @Length(2, 100)
  name: string;

  @Field(() => ID, { nullable: true, description: "The investigator's employer, if any (checked against the parties)." })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;
}

@InputType({ description: 'An investigator stepping down from a case.' })
export class RecuseInvestigatorInput {
  @Field(() => ID, { description: 'The complaint.' })
  @IsUUID()
  complaintId: string;

  @Field(() => ID, { description: "The investigator's account." })
  @IsUUID()
  accountId: string;

  @Field({ description: 'Reason.' })
  @IsString()
  @Length(1, 1000)
  reason: string;
}

@InputType({ description: "An investigator's declared conflict of interest with an organization." })
export class DeclareConflictInput {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field(() => ID, { description: 'The organization.' })
  @IsUUID()
  organizationId: string;

  @Field({ defaultValue: '', description: 'Note.' })
  @IsString()
  @MaxLength(1000)
  note: string;
}

@ObjectType('InvestigatorConflict', { description: 'A declared conflict of interest.' })
export class InvestigatorConflictDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The organization.' })
  organizationId: string;

  @Field({ description: 'When declared.' })
  declaredAt: Date;
}

@InputType({ description: "The respondent's reply." })
export class ReplyToComplaintInput {
  @Field(() => ID, { description: 'The complaint.' })
  @IsUUID()
  complaintId: string;

  @Field({ description: 'The reply.' })
  @IsString()
  @Length(1, 20000)
  text: string;
}

@InputType({ description: 'A note in the activity log.' })
export class LogComplaintActivityInput {
  @Field(() => ID, { description: 'The complaint.' })
  @IsUUID()
  complaintId: string;

  @Field({ description: 'The note.' })
  @IsString()
  @Length(1, 5000)
  note: string;
}

@InputType({ description: 'The finding of an investigation.' })
export class RecordFindingInput {
  @Field(() => ID, { description: 'The complaint.' })
  @IsUUID()
  complaintId: string;

  @Field(() => Finding, { description: 'Breach or no breach.' })
  @IsEnum(Finding)
  finding: Finding;

  @Field(() => [Int], { defaultValue: [], description: 'Articles found breached (among those alleged).' })
  @IsArray()
  @ArrayMaxSize(30)
  @IsInt({ each: true })
  breachedArticles: number[];

  @Field({ defaultValue: false, description: 'The breach is verified to have caused adverse effects (needed for an internal circular or revocation).' })
  @IsBoolean()
  adverseImpact: boolean;

  @Field({ description: 'Summary, published to the signatories.' })
  @IsString()
  @Length(1, 5000)
  summary: string;
}

@InputType({ description: 'A sanction as part of a decision.' })
export class SanctionTermsInput {
  @Field(() => SanctionGrade, { description: 'Grade.' })
  @IsEnum(SanctionGrade)
  grade: SanctionGrade;

  @Field(() => [Int], { description: 'Articles it rests on (among those found breached).' })
  @IsArray()
  @ArrayMaxSize(30)
  @IsInt({ each: true })
  basisArticles: number[];

  @Field(() => PublicationScope, { description: 'Publication scope.' })
  @IsEnum(PublicationScope)
  publicationScope: PublicationScope;

  @Field(() => Int, { description: 'Days published, from the decision (1 to 1825).' })
  @IsInt()
  publicationDays: number;

  @Field(() => Int, { defaultValue: 15, description: 'Days to appeal (7 to 60).' })
  @IsInt()
  appealDays: number;
}

@InputType({ description: 'The decision on a complaint.' })
export class DecideComplaintInput {
  @Field(() => ID, { description: 'The complaint.' })
  @IsUUID()
  complaintId: string;

  @Field(() => ComplaintDecision, { description: 'Sanction or dismissal.' })
  @IsEnum(ComplaintDecision)
  decision: ComplaintDecision;

  @Field({ description: 'Summary, published to the signatories.' })
  @IsString()
  @Length(1, 5000)
  summary: string;

  @Field(() => SanctionTermsInput, { nullable: true, description: 'The sanction, for a SANCTION decision.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SanctionTermsInput)
  sanction?: SanctionTermsInput | null;
}

import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, IsUrl, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AssociationPageArgs, PageArgs } from '@app/common';
import { StandardState } from '../../lifecycle/standard-lifecycle';
import { ActivityKind, BallotKind, CommentType, Disposition, LicenceDeclaration, VotePosition, WorkingGroupRole } from './enums';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '$property must be a date YYYY-MM-DD';

@InputType({ description: "The association's standards programme settings. Admin." })
export class ConfigureStandardsProgrammeInput {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field({ description: "The association's short code used in standard numbers, e.g. WHCSA (2-16 capitals or digits)." })
  @IsString()
  @Length(2, 16)
  code: string;

  @Field(() => Int, { nullable: true, description: 'Units a working group needs at least (default 3).' })
  @IsOptional()
  @IsInt()
  minimumWorkingGroupUnits?: number | null;

  @Field(() => Int, { nullable: true, description: 'Public-comment days, 30 or more (default 30).' })
  @IsOptional()
  @IsInt()
  commentDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Years between reviews, 1 to 5 (default 3).' })
  @IsOptional()
  @IsInt()
  reviewIntervalYears?: number | null;
}

@InputType('StandardActorInput', { description: 'The name and organization someone acts under; defaults to the account and the organization they represent.' })
export class ActorInput {
  @Field(() => String, { nullable: true, description: 'Display name.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  displayName?: string | null;

  @Field(() => ID, { nullable: true, description: 'Organization they act for.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;
}

@InputType({ description: 'A proposal for a group standard. Scope, necessity, relation to existing standards, planned units and the patent pre-disclosure are all required (PROPOSAL_INCOMPLETE otherwise).' })
export class ProposeStandardInput {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field({ description: 'Title (Chinese).' })
  @IsString()
  @Length(2, 200)
  title: string;

  @Field(() => String, { nullable: true, description: 'English title.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  englishTitle?: string | null;

  @Field(() => String, { nullable: true, description: 'Scope.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  scope?: string | null;

  @Field(() => String, { nullable: true, description: 'Why it is needed.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  necessity?: string | null;

  @Field(() => String, { nullable: true, description: 'Relation to existing national and industry standards.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  relatedStandards?: string | null;

  @Field(() => [String], { nullable: true, description: 'Units planned to take part.' })
  @IsOptional()
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @ArrayMaxSize(100)
  plannedUnits?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Patent pre-disclosure (known patents, or a statement that none are known).' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  patentPreDisclosure?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it concerns consumers (public consultation then required).' })
  @IsOptional()
  @IsBoolean()
  touchesConsumers?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'The standard this revision project replaces (must be in REVISION).' })
  @IsOptional()
  @IsUUID()
  replacesStandardId?: string | null;

  @Field(() => ActorInput, { nullable: true, description: 'Who proposes.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ActorInput)
  actor?: ActorInput | null;
}

@InputType('StandardAttachmentInput', { description: 'A document attached to a transition.' })
export class AttachmentInput {
  @Field({ description: 'File name or title.' })
  @IsString()
  @Length(1, 200)
  name: string;

  @Field({ description: 'Where it is stored (https URL).' })
  @IsUrl({ protocols: ['https', 'http'], require_tld: false })
  url: string;
}

@InputType('StandardProjectInput', { description: 'The approved project (立项).' })
export class ProjectInput {
  @Field({ description: 'Project number, unique in the association.' })
  @IsString()
  @Length(1, 50)
  projectNumber: string;

  @Field(() => ID, { description: 'Lead unit (牵头单位).' })
  @IsUUID()
  leadUnitOrganizationId: string;

  @Field({ description: 'Work plan.' })
  @IsString()
  @Length(1, 5000)
  plan: string;

  @Field({ description: 'Deadline (YYYY-MM-DD).' })
  @Matches(DATE, { message: DATE_MESSAGE })
  deadline: string;
}

@InputType('StandardConsultationInput', { description: 'The consultation opened with public comment.' })
export class ConsultationInput {
  @Field(() => String, { nullable: true, description: 'Opening date (YYYY-MM-DD), today by default.' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  opensOn?: string | null;

  @Field({ description: 'Closing date (YYYY-MM-DD): at least the programme’s comment days (≥ 30) after opening.' })
  @Matches(DATE, { message: DATE_MESSAGE })
  closesOn: string;

  @Field({ description: 'Open to the public (required when the standard concerns consumers).' })
  @IsBoolean()
  isPublic: boolean;

  @Field(() => [String], { description: 'Channels, e.g. association website, national group-standard platform.' })
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @ArrayMaxSize(20)
  channels: string[];
}

@InputType('StandardPatentDisclosureInput', { description: 'A patent disclosed at publication.' })
export class PatentDisclosureInput {
  @Field({ description: 'Patent number.' })
  @IsString()
  @Length(1, 50)
  patentNumber: string;

  @Field({ description: 'Title.' })
  @IsString()
  @Length(1, 300)
  title: string;

  @Field({ description: 'Holder.' })
  @IsString()
  @Length(1, 200)
  holder: string;

  @Field(() => LicenceDeclaration, { description: 'Licence declaration.' })
  @IsEnum(LicenceDeclaration)
  licenceDeclaration: LicenceDeclaration;
}

@InputType('StandardPublicationInput', { description: 'Publication details.' })
export class PublicationInput {
  @Field(() => String, { nullable: true, description: 'Number of the approval document (required: APPROVAL_DOCUMENT_REQUIRED).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  approvalDocumentNumber?: string | null;

  @Field({ description: 'Publication date (YYYY-MM-DD); its year is the year in the code.' })
  @Matches(DATE, { message: DATE_MESSAGE })
  publishedOn: string;

  @Field({ description: 'Implementation date (YYYY-MM-DD), on or after publication.' })
  @Matches(DATE, { message: DATE_MESSAGE })
  implementedOn: string;

  @Field(() => [PatentDisclosureInput], { nullable: true, description: 'Patents disclosed.' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => PatentDisclosureInput)
  @ArrayMaxSize(100)
  patentDisclosures?: PatentDisclosureInput[] | null;

  @Field(() => [String], { nullable: true, description: 'Other associations publishing jointly.' })
  @IsOptional()
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @ArrayMaxSize(20)
  jointPublishers?: string[] | null;
}

@InputType({ description: 'A move of a standard to another state, with what that state needs.' })
export class TransitionStandardInput {
  @Field(() => ID, { description: 'The standard.' })
  @IsUUID()
  standardId: string;

  @Field(() => StandardState, { description: 'Target state.' })
  @IsEnum(StandardState)
  to: StandardState;

  @Field(() => String, { nullable: true, description: 'Reason (required for back steps, hold, termination and withdrawal).' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string | null;

  @Field(() => [AttachmentInput], { nullable: true, description: 'Documents attached (notice, minutes, approval).' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => AttachmentInput)
  @ArrayMaxSize(20)
  attachments?: AttachmentInput[] | null;

  @Field(() => Int, { nullable: true, description: 'The revision you read; a different current revision refuses the move (STANDARD_CHANGED).' })
  @IsOptional()
  @IsInt()
  expectedRevision?: number | null;

  @Field(() => ActorInput, { nullable: true, description: 'Who acts.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ActorInput)
  actor?: ActorInput | null;

  @Field(() => ProjectInput, { nullable: true, description: 'For APPROVED_PROJECT: the project.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProjectInput)
  project?: ProjectInput | null;

  @Field(() => ConsultationInput, { nullable: true, description: 'For PUBLIC_COMMENT: the consultation.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConsultationInput)
  consultation?: ConsultationInput | null;

  @Field(() => PublicationInput, { nullable: true, description: 'For PUBLISHED (from APPROVAL_PENDING): publication details.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PublicationInput)
  publication?: PublicationInput | null;
}

@InputType({ description: 'Someone joining a working group.' })
export class AddWorkingGroupMemberInput {
  @Field(() => ID, { description: 'The standard.' })
  @IsUUID()
  standardId: string;

  @Field({ description: 'Their account.' })
  @IsString()
  @Length(1, 100)
  accountId: string;

  @Field({ description: 'Display name.' })
  @IsString()
  @Length(1, 100)
  displayName: string;

  @Field(() => ID, { nullable: true, description: 'The unit they represent (known to the association).' })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @Field(() => WorkingGroupRole, { description: 'Role.' })
  @IsEnum(WorkingGroupRole)
  role: WorkingGroupRole;
}

@InputType('StandardDraftClauseInput', { description: 'A clause of a structured draft.' })
export class DraftClauseInput {
  @Field({ description: 'Clause number, e.g. 4.2.1.' })
  @Matches(/^[A-Z0-9]+(\.[0-9]+)*$/, { message: 'number must look like 4.2.1 or A.1' })
  number: string;

  @Field(() => String, { nullable: true, description: 'Title.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  title?: string | null;

  @Field({ description: 'Text.' })
  @IsString()
  @MaxLength(100_000)
  text: string;
}

@InputType({ description: 'The current draft: plain text or clauses, with the explanatory note.' })
export class SaveStandardDraftInput {
  @Field(() => ID, { description: 'The standard.' })
  @IsUUID()
  standardId: string;

  @Field(() => String, { nullable: true, description: 'Unstructured text.' })
  @IsOptional()
  @IsString()
  @MaxLength(1_000_000)
  text?: string | null;

  @Field(() => [DraftClauseInput], { nullable: true, description: 'Clauses (enables clause-aware diffs).' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => DraftClauseInput)
  @ArrayMaxSize(2000)
  clauses?: DraftClauseInput[] | null;

  @Field(() => String, { nullable: true, description: 'Explanatory note (编制说明); kept from the previous version when left out.' })
  @IsOptional()
  @IsString()
  @MaxLength(200_000)
  explanatoryNote?: string | null;

  @Field(() => ActorInput, { nullable: true, description: 'Who saves.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ActorInput)
  actor?: ActorInput | null;
}

@InputType({ description: 'A comment in the ISO/IEC template. Anonymous callers comment only on public consultations and give name and contact.' })
export class SubmitStandardCommentInput {
  @Field(() => ID, { description: 'The consultation.' })
  @IsUUID()
  consultationId: string;

  @Field({ description: 'Clause (章条编号), e.g. 4.2.1 or "general".' })
  @IsString()
  @Length(1, 50)
  clause: string;

  @Field(() => String, { nullable: true, description: 'Paragraph, figure or table.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  paragraph?: string | null;

  @Field(() => CommentType, { description: 'ge, te or ed.' })
  @IsEnum(CommentType)
  commentType: CommentType;

  @Field({ description: 'The comment.' })
  @IsString()
  @Length(1, 10_000)
  comment: string;

  @Field(() => String, { nullable: true, description: 'Proposed change.' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  proposedChange?: string | null;

  @Field(() => String, { nullable: true, description: 'Commenter name (required for the public).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  commenterName?: string | null;

  @Field(() => String, { nullable: true, description: 'Commenter organization.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  commenterOrganization?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone or e-mail (required for the public); shown masked.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contact?: string | null;
}

@InputType({ description: 'The disposition of a comment.' })
export class ResolveStandardCommentInput {
  @Field(() => ID, { description: 'The comment.' })
  @IsUUID()
  commentId: string;

  @Field(() => Disposition, { description: 'Disposition.' })
  @IsEnum(Disposition)
  disposition: Disposition;

  @Field(() => String, { nullable: true, description: 'Observations; the reason, required unless accepted.' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  observation?: string | null;
}

@InputType('StandardPanelMemberInput', { description: 'A panel member of a ballot.' })
export class PanelMemberInput {
  @Field({ description: 'Their account.' })
  @IsString()
  @Length(1, 100)
  accountId: string;

  @Field({ description: 'Display name.' })
  @IsString()
  @Length(1, 100)
  displayName: string;

  @Field(() => ID, { nullable: true, description: 'Their unit.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Their entry in the expert pool (checked against membership’s experts).' })
  @IsOptional()
  @IsUUID()
  expertId?: string | null;
}

@InputType({ description: 'A ballot to open on a standard.' })
export class OpenStandardBallotInput {
  @Field(() => ID, { description: 'The standard.' })
  @IsUUID()
  standardId: string;

  @Field(() => BallotKind, { description: 'Kind (must match the state).' })
  @IsEnum(BallotKind)
  kind: BallotKind;

  @Field(() => [PanelMemberInput], { description: 'The panel.' })
  @ValidateNested({ each: true })
  @Type(() => PanelMemberInput)
  @ArrayMaxSize(200)
  panel: PanelMemberInput[];
}

@InputType({ description: 'A vote.' })
export class CastStandardBallotInput {
  @Field(() => ID, { description: 'The ballot.' })
  @IsUUID()
  ballotId: string;

  @Field(() => VotePosition, { description: 'The vote.' })
  @IsEnum(VotePosition)
  position: VotePosition;
}

@InputType({ description: 'Closing a ballot.' })
export class CloseStandardBallotInput {
  @Field(() => ID, { description: 'The ballot.' })
  @IsUUID()
  ballotId: string;

  @Field(() => [String], { nullable: true, description: 'Panel members present who did not vote (technical review meetings).' })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(200)
  presentAccountIds?: string[] | null;
}

@InputType({ description: 'Promotion (宣贯) or a seminar held on a standard.' })
export class RecordStandardActivityInput {
  @Field(() => ID, { description: 'The standard.' })
  @IsUUID()
  standardId: string;

  @Field(() => ActivityKind, { description: 'Kind.' })
  @IsEnum(ActivityKind)
  kind: ActivityKind;

  @Field({ description: 'Title.' })
  @IsString()
  @Length(1, 200)
  title: string;

  @Field({ description: 'Date (YYYY-MM-DD).' })
  @Matches(DATE, { message: DATE_MESSAGE })
  heldOn: string;

  @Field(() => String, { nullable: true, description: 'Where.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string | null;

  @Field(() => Int, { nullable: true, description: 'Participants.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  participantCount?: number | null;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
}

@InputType({ description: 'The record of submission to the national group-standard platform.' })
export class RecordPlatformSubmissionInput {
  @Field(() => ID, { description: 'The standard.' })
  @IsUUID()
  standardId: string;

  @Field({ description: 'Date submitted (YYYY-MM-DD).' })
  @Matches(DATE, { message: DATE_MESSAGE })
  submittedOn: string;

  @Field({ description: 'Reference on the platform.' })
  @IsString()
  @Length(1, 100)
  platformReference: string;
}

@ArgsType()
export class StandardsArgs extends AssociationPageArgs {
  @Field(() => StandardState, { nullable: true, description: 'Only standards in this state.' })
  @IsOptional()
  @IsEnum(StandardState)
  state?: StandardState | null;

  @Field(() => Boolean, { nullable: true, description: 'Only standards still in development: before publication and not terminated (on hold included).' })
  @IsOptional()
  @IsBoolean()
  inProgress?: boolean | null;
}

@ArgsType()
export class PublishedStandardsArgs extends PageArgs {
  @Field({ description: "The association's standards code, e.g. WHCSA." })
  @IsString()
  @Length(2, 16)
  associationCode: string;
}

@ArgsType()
export class StandardCommentsArgs extends PageArgs {
  @Field(() => ID, { description: 'The consultation.' })
  @IsUUID()
  consultationId: string;
}

@ArgsType()
export class DraftDiffArgs {
  @Field(() => ID, { description: 'The standard.' })
  @IsUUID()
  standardId: string;

  @Field({ description: 'Earlier version, e.g. "00".' })
  @Matches(/^\d{2,3}$/, { message: 'from must be a version like "00"' })
  from: string;

  @Field({ description: 'Later version, e.g. "01".' })
  @Matches(/^\d{2,3}$/, { message: 'to must be a version like "01"' })
  to: string;
}

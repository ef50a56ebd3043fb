import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { Connection } from '@app/common';
import type { ConventionEntity } from '../entities/convention.entity';
import type { ConventionVersionEntity } from '../entities/convention-version.entity';

export enum ConventionKind {
  CONVENTION = 'CONVENTION',
  CODE_OF_ETHICS = 'CODE_OF_ETHICS',
  INITIATIVE = 'INITIATIVE',
  SUB_INDUSTRY_AGREEMENT = 'SUB_INDUSTRY_AGREEMENT',
}
registerEnumType(ConventionKind, {
  name: 'ConventionKind',
  description: 'What kind of self-regulation text it is.',
  valuesMap: {
    CONVENTION: { description: 'A self-regulation convention (自律公约) that units sign.' },
    CODE_OF_ETHICS: { description: 'A code of professional ethics (职业道德准则).' },
    INITIATIVE: { description: 'An initiative (倡议书).' },
    SUB_INDUSTRY_AGREEMENT: { description: "A sub-industry agreement adopted as an annex of a parent convention with its signatories' consent." },
  },
});

export enum ConventionVersionStatus {
  DRAFT = 'DRAFT',
  ADOPTED = 'ADOPTED',
  EFFECTIVE = 'EFFECTIVE',
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(ConventionVersionStatus, {
  name: 'ConventionVersionStatus',
  description: 'Where a version of the text stands.',
  valuesMap: {
    DRAFT: { description: 'A draft (草案), open to feedback and revision.' },
    ADOPTED: { description: 'Adopted, waiting for its effective date.' },
    EFFECTIVE: { description: 'The text in effect; at most one per convention.' },
    SUPERSEDED: { description: 'Replaced by a later version on its superseded date.' },
  },
});

export enum AdoptionMethod {
  MEMBER_CONGRESS_VOTE = 'MEMBER_CONGRESS_VOTE',
  INITIATOR_SIGNATURES = 'INITIATOR_SIGNATURES',
  SIGNATORY_CONSENT = 'SIGNATORY_CONSENT',
  AMENDMENT_BALLOT = 'AMENDMENT_BALLOT',
}
registerEnumType(AdoptionMethod, {
  name: 'AdoptionMethod',
  description: 'How a version was adopted.',
  valuesMap: {
    MEMBER_CONGRESS_VOTE: { description: 'Voted by the member congress (会员大会通过); cite the resolution.' },
    INITIATOR_SIGNATURES: { description: "Signed by the initiating units' legal representatives (or delegates) or the initiators (发起单位签字)." },
    SIGNATORY_CONSENT: { description: "An annex adopted with the consent of a majority of the parent convention's signatory units." },
    AMENDMENT_BALLOT: { description: 'An amended text adopted by at least 2/3 of the signatory units on the frozen roll (set by closing the ballot only).' },
  },
});

export enum InitiatorCapacity {
  LEGAL_REPRESENTATIVE = 'LEGAL_REPRESENTATIVE',
  DELEGATE = 'DELEGATE',
  INDIVIDUAL = 'INDIVIDUAL',
}
registerEnumType(InitiatorCapacity, {
  name: 'InitiatorCapacity',
  description: 'In what capacity an initiator signed.',
  valuesMap: {
    LEGAL_REPRESENTATIVE: { description: "The initiating unit's legal representative (法定代表人)." },
    DELEGATE: { description: 'A delegate (委托代表) holding an authorisation.' },
    INDIVIDUAL: { description: 'An individual initiator (发起人).' },
  },
});

export enum PublicationWarningLevel {
  DUE_SOON = 'DUE_SOON',
  OVERDUE = 'OVERDUE',
}
registerEnumType(PublicationWarningLevel, {
  name: 'PublicationWarningLevel',
  description: 'How urgent the publication of a text in effect is.',
  valuesMap: {
    DUE_SOON: { description: 'The 30-day publication deadline is within 7 days.' },
    OVERDUE: { description: 'The publication deadline has passed.' },
  },
});

@ObjectType('ConventionImportWarning', { description: 'Something the importer skipped or noticed.' })
export class ConventionImportWarningDTO {
  @Field({ description: 'Kind, e.g. PREAMBLE_SKIPPED, TRAILER_SKIPPED, ARTEFACT_REMOVED, NUMBERING_GAP.' })
  kind: string;

  @Field(() => Int, { description: 'Line of the input (1-based).' })
  line: number;

  @Field({ description: 'What happened.' })
  message: string;
}

@ObjectType('ConventionItem', { description: 'An item (项) of an article: （一）, （二）…' })
export class ConventionItemDTO {
  @Field(() => Int, { description: 'Number: 1 for （一）.' })
  number: number;

  @Field({ description: 'Marker, always full-width: （一）.' })
  marker: string;

  @Field({ description: 'Text of the item.' })
  text: string;
}

@ObjectType('ConventionArticle', { description: 'An article (条), numbered as in the text so complaints and sanctions can cite it.' })
export class ConventionArticleDTO {
  @Field(() => Int, { description: 'Number as in the text: 21 for 第二十一条.' })
  number: number;

  @Field({ description: 'Citation label: 第二十一条.' })
  label: string;

  @Field(() => Int, { nullable: true, description: 'The chapter it belongs to; null for a text without chapters.' })
  chapterNumber: number | null;

  @Field({ description: 'Full body of the article, paragraphs and items one per line.' })
  text: string;

  @Field(() => [ConventionItemDTO], { description: 'Its items, in order.' })
  items: ConventionItemDTO[];
}

@ObjectType('ConventionChapter', { description: 'A chapter (章).' })
export class ConventionChapterDTO {
  @Field(() => Int, { description: 'Number: 3 for 第三章.' })
  number: number;

  @Field({ description: 'Label: 第三章.' })
  label: string;

  @Field({ description: 'Heading without inner spaces: 公约的执行.' })
  title: string;
}

@ObjectType('ImportedConventionText', { description: 'A plain text turned into chapters, articles and items; nothing is stored.' })
export class ImportedConventionTextDTO {
  @Field(() => String, { nullable: true, description: 'Title found above the first heading.' })
  title: string | null;

  @Field({ description: 'The title block marks the text as a draft (（草案）, （征求意见稿）).' })
  markedAsDraft: boolean;

  @Field(() => [ConventionChapterDTO], { description: 'Chapters.' })
  chapters: ConventionChapterDTO[];

  @Field(() => [ConventionArticleDTO], { description: 'Articles.' })
  articles: ConventionArticleDTO[];

  @Field(() => [ConventionImportWarningDTO], { description: 'What was skipped or looked wrong.' })
  warnings: ConventionImportWarningDTO[];
}

@ObjectType('ConventionInitiator', { description: 'A unit or person whose signature brought the text into being.' })
export class ConventionInitiatorDTO {
  @Field(() => ID, { nullable: true, description: 'The initiating unit, when it is a known organization.' })
  organizationId: string | null;

  @Field({ description: 'Name of the unit or person as signed.' })
  name: string;

  @Field(() => InitiatorCapacity, { description: 'Capacity in which they signed.' })
  signerCapacity: InitiatorCapacity;

  @Field(() => String, { nullable: true, description: "Reference of a delegate's authorisation." })
  authorisationReference: string | null;

  @Field({ description: 'Date signed (YYYY-MM-DD).' })
  signedOn: string;
}

@ObjectType('ConventionPublicationWarning', { description: 'A text in effect whose publication is due soon or overdue.' })
export class ConventionPublicationWarningDTO {
  @Field(() => PublicationWarningLevel, { description: 'DUE_SOON or OVERDUE.' })
  level: PublicationWarningLevel;

  @Field(() => Int, { description: 'Days until the deadline; negative once passed.' })
  daysLeft: number;

  @Field({ description: 'The publication deadline (YYYY-MM-DD).' })
  publicationDeadline: string;

  @Field(() => ID, { description: 'The version to publish.' })
  versionId: string;

  @Field(() => ID, { description: 'Its convention.' })
  conventionId: string;

  @Field({ description: "The convention's title." })
  conventionTitle: string;

  @Field(() => Int, { description: 'Version number.' })
  versionNumber: number;
}

@ObjectType('ConventionVersion', { description: 'One version of a convention text, how it was adopted and when it is in effect.' })
export class ConventionVersionDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The association.' })
  associationId: string;

  @Field(() => ID, { description: 'The convention.' })
  conventionId: string;

  @Field(() => Int, { description: '1, 2, …' })
  versionNumber: number;

  @Field(() => ConventionVersionStatus, { description: 'Lifecycle status.' })
  status: ConventionVersionStatus;

  @Field({ description: 'Title as in the text.' })
  title: string;

  /** Resolved by a field resolver: readers of the association only (a signature block may hold contact data). */
  sourceText: string;

  /** Resolved by a field resolver: readers of the association only. */
  importWarnings: ConventionImportWarningDTO[];

  @Field(() => AdoptionMethod, { nullable: true, description: 'How it was adopted.' })
  adoptionMethod: AdoptionMethod | null;

  @Field(() => String, { nullable: true, description: 'Date adopted (YYYY-MM-DD).' })
  adoptedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Resolution, signing record or consent decision it was adopted by.' })
  adoptionReference: string | null;

  @Field(() => [ConventionInitiatorDTO], { description: 'Initiators who signed (adoption by initiator signatures).' })
  initiators: ConventionInitiatorDTO[];

  @Field(() => Int, { nullable: true, description: "Annexes: signatory units of the parent that consented." })
  consentingUnits: number | null;

  @Field(() => Int, { nullable: true, description: "Annexes: the parent's signatory units on the day of adoption." })
  consentRollSize: number | null;

  @Field(() => String, { nullable: true, description: 'The competent authority that approved it.' })
  approvingAuthority: string | null;

  @Field(() => String, { nullable: true, description: "Reference of the authority's approval." })
  authorityApprovalReference: string | null;

  @Field(() => String, { nullable: true, description: 'Date of the approval (YYYY-MM-DD).' })
  authorityApprovedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Date it takes or took effect (YYYY-MM-DD).' })
  effectiveOn: string | null;

  @Field(() => String, { nullable: true, description: 'Publish by this date: 30 days after taking effect.' })
  publicationDeadline: string | null;

  @Field(() => String, { nullable: true, description: 'Date the executing body published it.' })
  publishedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Where it was published.' })
  publicationChannel: string | null;

  @Field(() => String, { nullable: true, description: 'Date a later version replaced it.' })
  supersededOn: string | null;

  @Field(() => ID, { nullable: true, description: 'The version that replaced it.' })
  supersededByVersionId: string | null;

  @Field(() => ID, { nullable: true, description: 'The amendment it results from.' })
  amendmentId: string | null;

  @Field({ description: 'When it was created.' })
  createdAt: Date;
}

export function toVersionDTO(v: ConventionVersionEntity): ConventionVersionDTO {
  return {
    id: v.id,
    associationId: v.associationId,
    conventionId: v.conventionId,
    versionNumber: v.versionNumber,
    status: v.status as ConventionVersionStatus,
    title: v.title,
    sourceText: v.sourceText,
    importWarnings: v.importWarnings,
    adoptionMethod: v.adoptionMethod as AdoptionMethod | null,
    adoptedOn: v.adoptedOn,
    adoptionReference: v.adoptionReference,
    initiators: v.initiators.map((i) => ({ ...i, signerCapacity: i.signerCapacity as InitiatorCapacity })),
    consentingUnits: v.consentingUnits,
    consentRollSize: v.consentRollSize,
    approvingAuthority: v.approvingAuthority,
    authorityApprovalReference: v.authorityApprovalReference,
    authorityApprovedOn: v.authorityApprovedOn,
    effectiveOn: v.effectiveOn,
    publicationDeadline: v.publicationDeadline,
    publishedOn: v.publishedOn,
    publicationChannel: v.publicationChannel,
    supersededOn: v.supersededOn,
    supersededByVersionId: v.supersededByVersionId,
    amendmentId: v.amendmentId,
    createdAt: v.createdAt,
  };
}

@ObjectType('Convention', { description: 'A convention, code of ethics, initiative or annexed sub-industry agreement, with its versions.' })
export class ConventionDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The association.' })
  associationId: string;

  @Field(() => ConventionKind, { description: 'Kind of text.' })
  kind: ConventionKind;

  @Field({ description: 'Title.' })
  title: string;

  @Field({ description: 'The body that executes it (公约执行机构).' })
  executingBody: string;

  @Field(() => ID, { nullable: true, description: 'For an annexed agreement: the parent convention.' })
  parentConventionId: string | null;

  @Field({ description: "Adoption needs the competent authority's approval." })
  requiresAuthorityApproval: boolean;

  @Field(() => String, { nullable: true, description: 'The competent authority (主管部门).' })
  competentAuthority: string | null;

  @Field({ description: 'When it was created.' })
  createdAt: Date;
}

export const ConventionConnection = Connection(ConventionDTO, 'Convention');

export function toConventionDTO(c: ConventionEntity): ConventionDTO {
  const { id, associationId, title, executingBody, parentConventionId, requiresAuthorityApproval, competentAuthority, createdAt } = c;
  return { id, associationId, kind: c.kind as ConventionKind, title, executingBody, parentConventionId, requiresAuthorityApproval, competentAuthority, createdAt };
}

// ---- inputs -------------------------------------------------------------------------------

const MAX_TEXT = 200_000;

@InputType({ description: 'A new convention; its first version is a draft imported from the plain text.' })
export class CreateConventionInput {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field(() => ConventionKind, { description: 'Kind of text.' })
  @IsEnum(ConventionKind)
  kind: ConventionKind;

  @Field({ description: 'Title, unique in the association.' })
  @IsString()
  @Length(2, 200)
  title: string;

  @Field({ description: 'The body that executes it (公约执行机构).' })
  @IsString()
  @Length(2, 200)
  executingBody: string;

  @Field(() => ID, { nullable: true, description: 'For a sub-industry agreement: the parent convention it is annexed to.' })
  @IsOptional()
  @IsUUID()
  parentConventionId?: string | null;

  @Field({ nullable: true, defaultValue: false, description: "Adoption needs the competent authority's approval." })
  @IsOptional()
  @IsBoolean()
  requiresAuthorityApproval?: boolean;

  @Field(() => String, { nullable: true, description: 'The competent authority; required when its approval is.' })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  competentAuthority?: string | null;

  @Field({ description: 'The plain text (chapters 第X章, articles 第X条, items （一）).' })
  @IsString()
  @Length(1, MAX_TEXT)
  text: string;
}

@InputType({ description: 'A new text for a draft version.' })
export class ReviseConventionDraftInput {
  @Field(() => ID, { description: 'The draft version.' })
  @IsUUID()
  versionId: string;

  @Field({ description: 'The plain text.' })
  @IsString()
  @Length(1, MAX_TEXT)
  text: string;
}

@InputType({ description: 'A new draft version of a convention.' })
export class StartConventionRevisionInput {
  @Field(() => ID, { description: 'The convention.' })
  @IsUUID()
  conventionId: string;

  @Field({ description: 'The plain text.' })
  @IsString()
  @Length(1, MAX_TEXT)
  text: string;
}

@InputType({ description: 'An initiator who signed.' })
export class InitiatorInput {
  @Field(() => ID, { nullable: true, description: 'The initiating unit, if it is a known organization.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @Field({ description: 'Name of the unit or person as signed.' })
  @IsString()
  @Length(2, 200)
  name: string;

  @Field(() => InitiatorCapacity, { description: 'Capacity in which they signed.' })
  @IsEnum(InitiatorCapacity)
  signerCapacity: InitiatorCapacity;

  @Field(() => String, { nullable: true, description: "A delegate's authorisation reference (required for a delegate)." })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  authorisationReference?: string | null;

  @Field({ description: 'Date signed (YYYY-MM-DD).' })
  @IsString()
  signedOn: string;
}

@InputType({ description: "The competent authority's approval." })
export class AuthorityApprovalInput {
  @Field({ description: 'The approving authority.' })
  @IsString()
  @Length(2, 200)
  authority: string;

  @Field({ description: 'Reference of the approval document.' })
  @IsString()
  @Length(1, 200)
  reference: string;

  @Field({ description: 'Date of the approval (YYYY-MM-DD).' })
  @IsString()
  approvedOn: string;
}

@InputType({ description: 'Adoption of a draft version.' })
export class AdoptConventionVersionInput {
  @Field(() => ID, { description: 'The draft version.' })
  @IsUUID()
  versionId: string;

  @Field(() => AdoptionMethod, { description: 'How it was adopted (AMENDMENT_BALLOT is set by closing a ballot only).' })
  @IsEnum(AdoptionMethod)
  method: AdoptionMethod;

  @Field({ description: 'Date adopted (YYYY-MM-DD), not in the future.' })
  @IsString()
  adoptedOn: string;

  @Field({ description: 'Date it takes effect (YYYY-MM-DD); on or after adoption. Today or earlier: in effect at once.' })
  @IsString()
  effectiveOn: string;

  @Field(() => String, { nullable: true, description: 'Resolution of the member congress, or the consent record for an annex.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reference?: string | null;

  @Field(() => [InitiatorInput], { nullable: true, description: 'Initiators who signed (INITIATOR_SIGNATURES).' })
  @IsOptional()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => InitiatorInput)
  initiators?: InitiatorInput[] | null;

  @Field(() => Int, { nullable: true, description: "Annexes: how many of the parent's signatory units consented." })
  @IsOptional()
  @IsInt()
  @Min(0)
  consentingUnits?: number | null;

  @Field(() => AuthorityApprovalInput, { nullable: true, description: "The competent authority's approval; required when the convention says so." })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuthorityApprovalInput)
  authorityApproval?: AuthorityApprovalInput | null;
}

@InputType({ description: 'The publication of a text by the executing body.' })
export class RecordConventionPublicationInput {
  @Field(() => ID, { description: 'The version.' })
  @IsUUID()
  versionId: string;

  @Field({ description: 'Date published (YYYY-MM-DD).' })
  @IsString()
  publishedOn: string;

  @Field({ description: 'Where: website, newspaper, notice board.' })
  @IsString()
  @Length(2, 300)
  channel: string;
}

@ArgsType()
export class ImportConventionTextArgs {
  @Field({ description: 'The plain text to parse.' })
  @IsString()
  @Length(1, MAX_TEXT)
  text: string;
}

@ArgsType()
export class PublicationWarningsArgs {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field(() => String, { nullable: true, description: 'Evaluate as of this date (YYYY-MM-DD); today by default.' })
  @IsOptional()
  @IsString()
  asOf?: string | null;
}

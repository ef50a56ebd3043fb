import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { Connection } from '@app/common';
import { AuthorityApprovalInput } from '../../conventions/dtos/convention.dto';

export enum AmendmentStatus {
  COLLECTING_SUPPORT = 'COLLECTING_SUPPORT',
  PROPOSED = 'PROPOSED',
  BALLOT_OPEN = 'BALLOT_OPEN',
  ADOPTED = 'ADOPTED',
  REJECTED = 'REJECTED',
}
registerEnumType(AmendmentStatus, {
  name: 'AmendmentStatus',
  description: 'Where an amendment stands.',
  valuesMap: {
    COLLECTING_SUPPORT: { description: 'Proposed by a signatory unit; needs co-signatures from at least 1/10 of signatory units.' },
    PROPOSED: { description: 'Formally proposed (by the executing body, or with enough support); the ballot may open.' },
    BALLOT_OPEN: { description: 'The roll is frozen and units vote.' },
    ADOPTED: { description: 'At least 2/3 of the units on the roll agreed; the amended text is in effect.' },
    REJECTED: { description: 'Fewer than 2/3 of the units on the roll agreed.' },
  },
});

export enum AmendmentProposerKind {
  EXECUTING_BODY = 'EXECUTING_BODY',
  SIGNATORIES = 'SIGNATORIES',
}
registerEnumType(AmendmentProposerKind, {
  name: 'AmendmentProposerKind',
  description: 'Who proposed an amendment.',
  valuesMap: {
    EXECUTING_BODY: { description: 'The executing body (公约执行机构).' },
    SIGNATORIES: { description: 'Signatory units co-signing (十分之一以上成员单位提议).' },
  },
});

export enum AmendmentVotePosition {
  YES = 'YES',
  NO = 'NO',
  ABSTAIN = 'ABSTAIN',
}
registerEnumType(AmendmentVotePosition, {
  name: 'AmendmentVotePosition',
  description: "A unit's vote on an amendment.",
  valuesMap: {
    YES: { description: 'Agrees.' },
    NO: { description: 'Disagrees.' },
    ABSTAIN: { description: 'Abstains (counts against: the base is the whole roll).' },
  },
});

@ObjectType('AmendmentTally', { description: 'The count against the whole frozen roll (AMENDMENT_ADOPTION rule).' })
export class AmendmentTallyDTO {
  @Field(() => Int, { description: 'Units on the frozen roll.' })
  roll: number;

  @Field(() => Int, { description: 'YES votes.' })
  yes: number;

  @Field(() => Int, { description: 'NO votes.' })
  no: number;

  @Field(() => Int, { description: 'Abstentions.' })
  abstain: number;

  @Field(() => Int, { description: 'Units on the roll without a vote.' })
  noRecord: number;

  @Field(() => Int, { description: 'YES votes needed: ⌈2/3 × roll⌉.' })
  required: number;

  @Field({ description: 'Whether YES has reached the threshold.' })
  passed: boolean;

  @Field({ description: 'The rule applied, in words.' })
  explanation: string;
}

@ObjectType('AmendmentSupporter', { description: 'A signatory unit supporting a proposal.' })
export class AmendmentSupporterDTO {
  @Field(() => ID, { description: 'The unit.' })
  organizationId: string;

  @Field({ description: 'When it co-signed.' })
  cosignedAt: Date;
}

@ObjectType('ConventionAmendment', { description: 'A proposed amendment of a convention in effect, with its support, ballot and result.' })
export class AmendmentDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The association.' })
  associationId: string;

  @Field(() => ID, { description: 'The convention.' })
  conventionId: string;

  @Field(() => ID, { description: 'The version in effect it amends.' })
  baseVersionId: string;

  @Field({ description: 'Title of the proposal.' })
  title: string;

  @Field({ description: 'The full amended text.' })
  proposedText: string;

  @Field(() => String, { nullable: true, description: 'Why.' })
  rationale: string | null;

  @Field(() => AmendmentProposerKind, { description: 'Executing body or signatory units.' })
  proposerKind: AmendmentProposerKind;

  @Field(() => ID, { nullable: true, description: 'The proposing unit (signatory proposals).' })
  proposerOrganizationId: string | null;

  @Field(() => AmendmentStatus, { description: 'Status.' })
  status: AmendmentStatus;

  @Field(() => Int, { nullable: true, description: 'Co-signatures needed: ⌈1/10 × signatory units⌉ (signatory proposals).' })
  supportersRequired: number | null;

  @Field(() => Date, { nullable: true, description: 'When it was formally proposed.' })
  proposedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the ballot opened and the roll was frozen.' })
  ballotOpenedAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'Units on the frozen roll.' })
  rollSize: number | null;

  @Field(() => Date, { nullable: true, description: 'When the ballot closed.' })
  closedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'The new version created on adoption.' })
  newVersionId: string | null;

  @Field({ description: 'When it was created.' })
  createdAt: Date;
}

export const AmendmentConnection = Connection(AmendmentDTO, 'ConventionAmendment');

@ObjectType('AmendmentVote', { description: "A unit's recorded vote." })
export class AmendmentVoteDTO {
  @Field(() => ID, { description: 'The amendment.' })
  amendmentId: string;

  @Field(() => ID, { description: 'The voting unit.' })
  organizationId: string;

  @Field(() => AmendmentVotePosition, { description: 'Its vote.' })
  position: AmendmentVotePosition;

  @Field({ description: 'When it was cast.' })
  castAt: Date;
}

@InputType({ description: 'A proposed amendment: the full amended text of the convention.' })
export class ProposeAmendmentInput {
  @Field(() => ID, { description: 'The convention (must be in effect).' })
  @IsUUID()
  conventionId: string;

  @Field({ description: 'Title of the proposal.' })
  @IsString()
  @Length(2, 200)
  title: string;

  @Field({ description: 'The full amended text (chapters, articles, items).' })
  @IsString()
  @Length(1, 200_000)
  text: string;

  @Field(() => String, { nullable: true, description: 'Why.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  rationale?: string | null;

  @Field(() => ID, { nullable: true, description: "The proposing signatory unit (its MEMBER_REP proposes); leave out when the executing body proposes." })
  @IsOptional()
  @IsUUID()
  proposerOrganizationId?: string | null;
}

@InputType({ description: 'A signatory unit supporting a proposal.' })
export class CosignAmendmentInput {
  @Field(() => ID, { description: 'The amendment.' })
  @IsUUID()
  amendmentId: string;

  @Field(() => ID, { description: 'The supporting unit (the caller represents it).' })
  @IsUUID()
  organizationId: string;
}

@InputType({ description: "A unit's vote on an amendment." })
export class CastAmendmentVoteInput {
  @Field(() => ID, { description: 'The amendment.' })
  @IsUUID()
  amendmentId: string;

  @Field(() => ID, { description: 'The voting unit (the caller represents it; it must be on the frozen roll).' })
  @IsUUID()
  organizationId: string;

  @Field(() => AmendmentVotePosition, { description: 'The vote.' })
  @IsEnum(AmendmentVotePosition)
  position: AmendmentVotePosition;
}

@InputType({ description: 'Closing an amendment ballot.' })
export class CloseAmendmentBallotInput {
  @Field(() => ID, { description: 'The amendment.' })
  @IsUUID()
  amendmentId: string;

  @Field(() => AuthorityApprovalInput, { nullable: true, description: "The competent authority's approval, where the convention requires it." })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuthorityApprovalInput)
  authorityApproval?: AuthorityApprovalInput | null;
}

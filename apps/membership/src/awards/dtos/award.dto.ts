import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsArray, ArrayMaxSize, IsEnum, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../../council/calendar-date';

export enum AwardCategory {
  EXCELLENT_MEMBER_UNIT = 'EXCELLENT_MEMBER_UNIT',
  EXCELLENT_WORKER = 'EXCELLENT_WORKER',
}

registerEnumType(AwardCategory, {
  name: 'AwardCategory',
  description: 'An annual award.',
  valuesMap: {
    EXCELLENT_MEMBER_UNIT: { description: '优秀会员单位: nominees are member units.' },
    EXCELLENT_WORKER: { description: '优秀工作者: nominees are people (with their unit when known).' },
  },
});

export enum AwardRoundStatus {
  NOMINATING = 'NOMINATING',
  SCORING = 'SCORING',
  APPROVAL = 'APPROVAL',
  APPROVAL_FAILED = 'APPROVAL_FAILED',
  NOTICE = 'NOTICE',
  FINAL = 'FINAL',
}

registerEnumType(AwardRoundStatus, {
  name: 'AwardRoundStatus',
  description: 'Where a round stands.',
  valuesMap: {
    NOMINATING: { description: 'Taking nominations and forming the scoring panel.' },
    SCORING: { description: 'The panel is scoring.' },
    APPROVAL: { description: 'Shortlist ranked; waiting for or in the council ballot.' },
    APPROVAL_FAILED: { description: 'The council did not approve the shortlist; a new ballot may be opened.' },
    NOTICE: { description: 'Approved and under public notice (公示).' },
    FINAL: { description: 'Notice over; the awards stand.' },
  },
});

export enum ApprovalPosition {
  YES = 'YES',
  NO = 'NO',
  ABSTAIN = 'ABSTAIN',
  RECUSE = 'RECUSE',
}

registerEnumType(ApprovalPosition, {
  name: 'ApprovalPosition',
  description: 'A vote on a council ballot.',
  valuesMap: {
    YES: { description: 'For.' },
    NO: { description: 'Against.' },
    ABSTAIN: { description: 'Present, abstaining.' },
    RECUSE: { description: 'Recused: leaves the counting electorate.' },
  },
});

@ObjectType('AwardNomination', { description: 'A nomination with its aggregated score once scoring closed.' })
export class AwardNominationDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { nullable: true, description: "The nominated unit, or the nominated person's unit." })
  nomineeOrganizationId: string | null;

  @Field(() => ID, { nullable: true, description: 'The nominated person in the member register, when known.' })
  nomineePersonId: string | null;

  @Field({ description: 'Name of the nominee.' })
  nomineeName: string;

  @Field({ description: 'Why the nominee deserves the award.' })
  citation: string;

  @Field(() => Int, { description: 'Scores entered so far (recused members never have one).' })
  scoreCount: number;

  @Field(() => Float, { nullable: true, description: 'Average of the non-recused scores, two decimals; set when scoring closes.' })
  averageScore: number | null;

  @Field(() => Int, { nullable: true, description: 'Rank by average (ties share a rank); set when scoring closes.' })
  rank: number | null;

  @Field({ description: 'Whether it made the shortlist put to the council.' })
  shortlisted: boolean;
}

@ObjectType('AwardPanelMember', { description: 'A member of the scoring panel.' })
export class AwardPanelMemberDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field({ description: 'Name.' })
  name: string;

  @Field(() => ID, { nullable: true, description: "The member's own organization: they are recused from its nominees." })
  organizationId: string | null;

  @Field(() => [ID], { description: 'Organizations they declared a conflict with: recused from those nominees.' })
  conflictedOrganizationIds: string[];
}

@ObjectType('AwardApprovalBallot', { description: "The council's ballot on the shortlist (COUNCIL_ORDINARY rule)." })
export class AwardApprovalBallotDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field({ description: 'The date whose office holders form the roll (YYYY-MM-DD).' })
  electorateOn: string;

  @Field(() => Int, { description: 'Council seats on the roll.' })
  rollSize: number;

  @Field(() => Int, { description: 'Votes cast so far.' })
  votesCast: number;

  @Field({ description: 'When it opened.' })
  openedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it closed; null while open.' })
  closedAt: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it passed; null while open.' })
  passed: boolean | null;

  @Field(() => String, { nullable: true, description: 'How the rule was applied to the counts; null while open.' })
  explanation: string | null;
}

@ObjectType('AwardRound', { description: "One year's round of one award category, for the association's members and council." })
export class AwardRoundDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The association.' })
  associationId: string;

  @Field(() => Int, { description: 'Award year.' })
  year: number;

  @Field(() => AwardCategory, { description: 'Category.' })
  category: AwardCategory;

  @Field({ description: 'Title as announced.' })
  title: string;

  @Field(() => Int, { description: 'How many nominees (by rank) go to the council.' })
  shortlistSize: number;

  @Field(() => AwardRoundStatus, { description: 'Stage.' })
  status: AwardRoundStatus;

  @Field(() => String, { nullable: true, description: 'First day of the public notice (YYYY-MM-DD).' })
  noticeStartsOn: string | null;

  @Field(() => String, { nullable: true, description: 'Last day of the public notice (YYYY-MM-DD).' })
  noticeEndsOn: string | null;

  @Field(() => [AwardNominationDTO], { description: 'Nominations, ranked once scoring closed.' })
  nominations: AwardNominationDTO[];

  @Field(() => [AwardPanelMemberDTO], { description: 'The scoring panel.' })
  panel: AwardPanelMemberDTO[];

  @Field(() => [AwardApprovalBallotDTO], { description: 'Council ballots on the shortlist, latest last.' })
  ballots: AwardApprovalBallotDTO[];
}

@ObjectType('AwardWinner', { description: 'A nominee approved by the council, as published.' })
export class AwardWinnerDTO {
  @Field({ description: 'Name of the nominee.' })
  nomineeName: string;

  @Field(() => ID, { nullable: true, description: "The unit, or the person's unit." })
  nomineeOrganizationId: string | null;

  @Field(() => Int, { description: 'Rank.' })
  rank: number;
}

@ObjectType('AwardResult', { description: 'A published award list: under public notice (公示) or final.' })
export class AwardResultDTO {
  @Field(() => ID, { description: 'The round.' })
  roundId: string;

  @Field(() => Int, { description: 'Award year.' })
  year: number;

  @Field(() => AwardCategory, { description: 'Category.' })
  category: AwardCategory;

  @Field({ description: 'Title as announced.' })
  title: string;

  @Field({ description: 'PUBLIC_NOTICE while the notice runs or until confirmed, AWARDED once final.' })
  stage: string;

  @Field(() => String, { nullable: true, description: 'First day of the public notice (YYYY-MM-DD).' })
  noticeStartsOn: string | null;

  @Field(() => String, { nullable: true, description: 'Last day of the public notice (YYYY-MM-DD).' })
  noticeEndsOn: string | null;

  @Field(() => [AwardWinnerDTO], { description: 'The approved nominees by rank.' })
  winners: AwardWinnerDTO[];
}

@InputType({ description: 'An award round to open.' })
export class CreateAwardRoundInput {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field(() => Int, { description: 'Award year.' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @Field(() => AwardCategory, { description: 'Category.' })
  @IsEnum(AwardCategory)
  category: AwardCategory;

  @Field({ description: 'Title as announced.' })
  @IsString()
  @Length(2, 200)
  title: string;

  @Field(() => Int, { description: 'How many nominees (by rank) go to the council.' })
  @IsInt()
  @Min(1)
  @Max(100)
  shortlistSize: number;
}

@InputType({ description: 'A nomination: a unit for 优秀会员单位, a person (and their unit) for 优秀工作者.' })
export class NominateForAwardInput {
  @Field(() => ID, { description: 'The round.' })
  @IsUUID()
  roundId: string;

  @Field(() => ID, { nullable: true, description: "The nominated unit, or the nominated person's unit." })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The nominated person in the member register, when known.' })
  @IsOptional()
  @IsUUID()
  personId?: string | null;

  @Field(() => String, { nullable: true, description: "The nominated person's name; for a unit, defaults to its name." })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string | null;

  @Field({ description: 'Why the nominee deserves the award.' })
  @IsString()
  @Length(2, 5000)
  citation: string;
}

@InputType({ description: 'A member of the scoring panel.' })
export class AddAwardPanelMemberInput {
  @Field(() => ID, { description: 'The round.' })
  @IsUUID()
  roundId: string;

  @Field({ description: 'Name.' })
  @IsString()
  @Length(1, 100)
  name: string;

  @Field(() => ID, { nullable: true, description: 'The person in the member register, when known.' })
  @IsOptional()
  @IsUUID()
  personId?: string | null;

  @Field(() => ID, { nullable: true, description: "The member's account, when they enter their own scores." })
  @IsOptional()
  @IsUUID()
  accountId?: string | null;

  @Field(() => ID, { nullable: true, description: "The member's own organization." })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Organizations they declare a conflict with.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  conflictedOrganizationIds?: string[] | null;
}

@InputType({ description: "A panel member's score for a nominee." })
export class RecordAwardScoreInput {
  @Field(() => ID, { description: 'The nomination.' })
  @IsUUID()
  nominationId: string;

  @Field(() => ID, { description: 'The panel member.' })
  @IsUUID()
  panelMemberId: string;

  @Field(() => Float, { description: 'Score from 0 to 100, at most two decimals.' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  score: number;
}

@InputType({ description: 'Opening the council ballot on the shortlist.' })
export class OpenAwardApprovalInput {
  @Field(() => ID, { description: 'The round.' })
  @IsUUID()
  roundId: string;

  @Field({ description: 'The date whose council office holders form the roll (YYYY-MM-DD), usually the meeting date.' })
  @IsCalendarDate()
  electorateOn: string;
}

@InputType({ description: "A council seat's vote on the shortlist." })
export class CastAwardApprovalVoteInput {
  @Field(() => ID, { description: 'The round.' })
  @IsUUID()
  roundId: string;

  @Field(() => ID, { nullable: true, description: "The council office voting; a council member may leave it out to vote for their own seat. The secretariat names it to record a paper ballot." })
  @IsOptional()
  @IsUUID()
  officeId?: string | null;

  @Field(() => ApprovalPosition, { description: 'The vote.' })
  @IsEnum(ApprovalPosition)
  position: ApprovalPosition;
}

@InputType({ description: 'Closing the council ballot; when it passes, the public notice dates.' })
export class CloseAwardApprovalInput {
  @Field(() => ID, { description: 'The round.' })
  @IsUUID()
  roundId: string;

  @Field({ description: 'First day of the public notice if approved (YYYY-MM-DD).' })
  @IsCalendarDate()
  noticeStartsOn: string;

  @Field({ description: 'Last day of the public notice if approved (YYYY-MM-DD).' })
  @IsCalendarDate()
  noticeEndsOn: string;
}

@ArgsType()
export class AwardResultsArgs {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field(() => Int, { description: 'Award year.' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

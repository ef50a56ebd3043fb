import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEmail, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { AssociationPageArgs, Connection } from '@app/common';

export enum RespondentKind {
  UNIT = 'UNIT',
  INDIVIDUAL = 'INDIVIDUAL',
}
registerEnumType(RespondentKind, {
  name: 'FeedbackRespondentKind',
  description: 'Who returns a feedback form.',
  valuesMap: {
    UNIT: { description: 'A unit (反馈单位); the form carries its seal.' },
    INDIVIDUAL: { description: 'An individual (反馈人); the form is signed.' },
  },
});

@InputType({ description: 'An opinion on one article of a draft.' })
export class FeedbackOpinionInput {
  @Field(() => ID, { description: 'The draft version.' })
  @IsUUID()
  versionId: string;

  @Field(() => Int, { description: 'Article number in that draft (12 for 第十二条).' })
  @IsInt()
  @Min(1)
  articleNumber: number;

  @Field({ description: 'The opinion.' })
  @IsString()
  @Length(1, 5000)
  opinion: string;

  @Field(() => String, { nullable: true, description: 'Proposed wording (增修订意见).' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  proposedWording?: string | null;
}

@InputType({ description: 'A feedback form (意见反馈表) on drafts.' })
export class SubmitConventionFeedbackInput {
  @Field(() => ID, { description: 'The association whose drafts are commented on.' })
  @IsUUID()
  associationId: string;

  @Field(() => RespondentKind, { description: 'Unit or individual.' })
  @IsEnum(RespondentKind)
  respondentKind: RespondentKind;

  @Field(() => ID, { nullable: true, description: "The unit, if registered (its MEMBER_REP or the secretariat only)." })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @Field({ description: "The unit's or the individual's name." })
  @IsString()
  @Length(2, 200)
  respondentName: string;

  @Field({ description: 'Contact person (联系人).' })
  @IsString()
  @Length(1, 100)
  contactName: string;

  @Field(() => String, { nullable: true, description: 'Position of the contact person (职务).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contactPosition?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone (联系方式); phone or e-mail required.' })
  @IsOptional()
  @Matches(/^[0-9+\-() ]{5,20}$/, { message: 'contactPhone must be a phone number' })
  contactPhone?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail; phone or e-mail required.' })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  contactEmail?: string | null;

  @Field(() => [ID], { description: 'The drafts commented on (反馈对象).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  versionIds: string[];

  @Field(() => [FeedbackOpinionInput], { description: 'Opinions tied to specific articles.' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => FeedbackOpinionInput)
  opinions: FeedbackOpinionInput[];

  @Field(() => String, { nullable: true, description: 'Other suggestions on the development of the industry.' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  otherSuggestions?: string | null;

  @Field({ description: 'Signed (individuals must sign).' })
  @IsBoolean()
  signed: boolean;

  @Field({ description: 'Sealed with the official seal (units must seal).' })
  @IsBoolean()
  sealed: boolean;

  @Field(() => String, { nullable: true, description: 'Date on the form (YYYY-MM-DD); today by default.' })
  @IsOptional()
  @IsString()
  submittedOn?: string | null;
}

@ObjectType('ConventionFeedbackOpinion', { description: 'An opinion on one article.' })
export class FeedbackOpinionDTO {
  @Field(() => ID, { description: 'The draft version.' })
  versionId: string;

  @Field(() => Int, { description: 'Article number.' })
  articleNumber: number;

  @Field({ description: 'The opinion.' })
  opinion: string;

  @Field(() => String, { nullable: true, description: 'Proposed wording.' })
  proposedWording: string | null;
}

@ObjectType('ConventionFeedback', { description: 'A feedback form. In lists contact data is masked; `conventionFeedbackEntry` shows it in full to the secretariat.' })
export class FeedbackDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The association.' })
  associationId: string;

  @Field(() => RespondentKind, { description: 'Unit or individual.' })
  respondentKind: RespondentKind;

  @Field(() => ID, { nullable: true, description: 'The unit, if registered.' })
  organizationId: string | null;

  @Field({ description: "The unit's or individual's name." })
  respondentName: string;

  @Field({ description: 'Contact person (masked in lists).' })
  contactName: string;

  @Field(() => String, { nullable: true, description: 'Position of the contact person.' })
  contactPosition: string | null;

  @Field(() => String, { nullable: true, description: 'Phone (masked in lists).' })
  contactPhone: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail (masked in lists).' })
  contactEmail: string | null;

  @Field(() => [ID], { description: 'Drafts commented on.' })
  versionIds: string[];

  @Field(() => [FeedbackOpinionDTO], { description: 'Opinions on articles.' })
  opinions: FeedbackOpinionDTO[];

  @Field(() => String, { nullable: true, description: 'Other suggestions.' })
  otherSuggestions: string | null;

  @Field({ description: 'Signed.' })
  signed: boolean;

  @Field({ description: 'Sealed.' })
  sealed: boolean;

  @Field({ description: 'Date on the form.' })
  submittedOn: string;

  @Field({ description: 'When it was received.' })
  createdAt: Date;
}

export const FeedbackConnection = Connection(FeedbackDTO, 'ConventionFeedback');

@ObjectType('FeedbackReceipt', { description: 'Acknowledgement of a feedback form.' })
export class FeedbackReceiptDTO {
  @Field(() => ID, { description: 'The form received.' })
  id: string;

  @Field(() => Int, { description: 'Opinions recorded.' })
  opinions: number;

  @Field({ description: 'Date on the form.' })
  submittedOn: string;
}

@ObjectType('ArticleFeedbackOpinion', { description: 'One opinion in the per-article summary.' })
export class ArticleFeedbackOpinionDTO {
  @Field(() => ID, { description: 'The form.' })
  feedbackId: string;

  @Field(() => RespondentKind, { description: 'Unit or individual.' })
  respondentKind: RespondentKind;

  @Field({ description: 'Who said it.' })
  respondentName: string;

  @Field({ description: 'The opinion.' })
  opinion: string;

  @Field(() => String, { nullable: true, description: 'Proposed wording.' })
  proposedWording: string | null;
}

@ObjectType('ArticleFeedbackSummary', { description: 'The opinions on one article.' })
export class ArticleFeedbackSummaryDTO {
  @Field(() => Int, { description: 'Article number.' })
  articleNumber: number;

  @Field({ description: 'Article label: 第十二条.' })
  label: string;

  @Field({ description: 'Current draft text of the article.' })
  text: string;

  @Field(() => Int, { description: 'How many opinions.' })
  opinionCount: number;

  @Field(() => [ArticleFeedbackOpinionDTO], { description: 'The opinions.' })
  opinions: ArticleFeedbackOpinionDTO[];
}

@ObjectType('OtherSuggestion', { description: 'A suggestion not tied to an article.' })
export class OtherSuggestionDTO {
  @Field(() => ID, { description: 'The form.' })
  feedbackId: string;

  @Field({ description: 'Who said it.' })
  respondentName: string;

  @Field({ description: 'The suggestion.' })
  text: string;
}

@ObjectType('ConventionFeedbackSummary', { description: 'Feedback on a draft, article by article, for the secretariat.' })
export class FeedbackSummaryDTO {
  @Field(() => ID, { description: 'The draft version.' })
  versionId: string;

  @Field(() => Int, { description: 'Forms received that name this draft.' })
  responses: number;

  @Field(() => [ArticleFeedbackSummaryDTO], { description: 'Articles with at least one opinion, in article order.' })
  articles: ArticleFeedbackSummaryDTO[];

  @Field(() => [OtherSuggestionDTO], { description: 'Other suggestions.' })
  otherSuggestions: OtherSuggestionDTO[];
}

@ArgsType()
export class ConventionFeedbackArgs extends AssociationPageArgs {
  @Field(() => ID, { nullable: true, description: 'Only forms on this draft.' })
  @IsOptional()
  @IsUUID()
  versionId?: string | null;
}

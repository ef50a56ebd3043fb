import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Length, MaxLength, Min } from 'class-validator';

export enum DisputeStage {
  NEGOTIATION = 'NEGOTIATION',
  MEDIATION = 'MEDIATION',
  SETTLED = 'SETTLED',
  FAILED = 'FAILED',
}
registerEnumType(DisputeStage, {
  name: 'DisputeStage',
  description: 'Stage of a dispute between signatories.',
  valuesMap: {
    NEGOTIATION: { description: 'The parties negotiate.' },
    MEDIATION: { description: 'The executing body mediates.' },
    SETTLED: { description: 'Settled by agreement.' },
    FAILED: { description: 'Mediation failed; may become a complaint.' },
  },
});

@ObjectType('DisputeLogEntry', { description: 'A step of a dispute.' })
export class DisputeLogEntryDTO {
  @Field({ description: 'When (ISO instant).' })
  at: string;

  @Field(() => ID, { description: 'Who.' })
  actorAccountId: string;

  @Field({ description: 'What happened.' })
  kind: string;
}

@ObjectType('Dispute', { description: 'A dispute between two signatories.' })
export class DisputeDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The association.' })
  associationId: string;

  @Field(() => ID, { description: 'The convention.' })
  conventionId: string;

  @Field(() => ID, { description: 'The unit that opened it.' })
  claimantOrganizationId: string;

  @Field(() => ID, { description: 'The other party.' })
  otherOrganizationId: string;

  @Field({ description: 'Subject.' })
  subject: string;

  @Field(() => DisputeStage, { description: 'Stage.' })
  stage: DisputeStage;

  @Field(() => String, { nullable: true, description: 'Settlement terms.' })
  settlementTerms: string | null;

  @Field(() => String, { nullable: true, description: 'Date settled.' })
  settledOn: string | null;

  @Field(() => String, { nullable: true, description: 'Why mediation failed.' })
  failureReason: string | null;

  @Field(() => String, { nullable: true, description: 'Date mediation failed.' })
  failedOn: string | null;

  @Field(() => ID, { nullable: true, description: 'The complaint it became.' })
  complaintId: string | null;

  @Field(() => [DisputeLogEntryDTO], { description: 'Steps.' })
  log: DisputeLogEntryDTO[];

  @Field({ description: 'When opened.' })
  createdAt: Date;
}

@InputType({ description: 'Opening a dispute with another signatory.' })
export class OpenDisputeInput {
  @Field(() => ID, { description: 'The convention.' })
  @IsUUID()
  conventionId: string;

  @Field(() => ID, { description: 'Your unit.' })
  @IsUUID()
  claimantOrganizationId: string;

  @Field(() => ID, { description: 'The other unit.' })
  @IsUUID()
  otherOrganizationId: string;

  @Field({ description: 'Subject.' })
  @IsString()
  @Length(1, 5000)
  subject: string;
}

@InputType({ description: 'A settlement agreement.' })
export class RecordSettlementInput {
  @Field(() => ID, { description: 'The dispute.' })
  @IsUUID()
  disputeId: string;

  @Field({ description: 'Terms.' })
  @IsString()
  @Length(1, 10000)
  terms: string;

  @Field({ description: 'Date settled (YYYY-MM-DD).' })
  @IsString()
  settledOn: string;
}

@InputType({ description: 'A failed mediation.' })
export class RecordMediationFailureInput {
  @Field(() => ID, { description: 'The dispute.' })
  @IsUUID()
  disputeId: string;

  @Field({ description: 'Why it failed.' })
  @IsString()
  @Length(1, 5000)
  reason: string;
}

@InputType({ description: 'Turning a failed mediation into a complaint.' })
export class EscalateDisputeInput {
  @Field(() => ID, { description: 'The dispute.' })
  @IsUUID()
  disputeId: string;

  @Field(() => ID, { description: 'Your unit (a party); the other party is the respondent.' })
  @IsUUID()
  complainantOrganizationId: string;

  @Field(() => [Int], { description: 'Articles allegedly breached.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsInt({ each: true })
  @Min(1, { each: true })
  articleNumbers: number[];

  @Field({ description: 'Facts.' })
  @IsString()
  @Length(10, 20000)
  facts: string;

  @Field(() => [String], { defaultValue: [], description: 'Evidence.' })
  @IsArray()
  @IsString({ each: true })
  evidence: string[];

  @Field(() => String, { nullable: true, description: 'Your name (encrypted).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  complainantName?: string | null;

  @Field(() => String, { nullable: true, description: 'Your contact (encrypted).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  complainantContact?: string | null;
}

@ArgsType()
export class DisputesArgs {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;
}

import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

export enum SanctionGrade {
  CRITICISM = 'CRITICISM',
  CONDEMNATION = 'CONDEMNATION',
  INTERNAL_CIRCULAR = 'INTERNAL_CIRCULAR',
  MEDIA_EXPOSURE = 'MEDIA_EXPOSURE',
  REVOCATION = 'REVOCATION',
}
registerEnumType(SanctionGrade, {
  name: 'SanctionGrade',
  description: 'Graded sanctions of the execution chapter.',
  valuesMap: {
    CRITICISM: { description: '行业批评: industry criticism.' },
    CONDEMNATION: { description: '行业谴责: industry condemnation.' },
    INTERNAL_CIRCULAR: { description: '内部通报: circular inside the convention membership (needs a verified breach with adverse effects).' },
    MEDIA_EXPOSURE: { description: '媒体曝光: media exposure (public).' },
    REVOCATION: { description: '取消公约成员资格: revocation; ends the signature (needs a verified breach with adverse effects).' },
  },
});

export enum PublicationScope {
  INTERNAL = 'INTERNAL',
  PUBLIC = 'PUBLIC',
}
registerEnumType(PublicationScope, {
  name: 'PublicationScope',
  description: 'Who an entry is published to.',
  valuesMap: { INTERNAL: { description: 'Signatories and staff only.' }, PUBLIC: { description: 'The public register.' } },
});

export enum SanctionStatus {
  IN_FORCE = 'IN_FORCE',
  UNDER_APPEAL = 'UNDER_APPEAL',
  UPHELD = 'UPHELD',
  OVERTURNED = 'OVERTURNED',
}
registerEnumType(SanctionStatus, {
  name: 'SanctionStatus',
  description: 'Status of a sanction.',
  valuesMap: {
    IN_FORCE: { description: 'In force; the appeal window may be open.' },
    UNDER_APPEAL: { description: 'Appealed; awaiting review.' },
    UPHELD: { description: 'Upheld on appeal.' },
    OVERTURNED: { description: 'Overturned on appeal; off the registers.' },
  },
});

export enum AppealOutcome {
  UPHELD = 'UPHELD',
  OVERTURNED = 'OVERTURNED',
}
registerEnumType(AppealOutcome, {
  name: 'AppealOutcome',
  description: 'Outcome of an appeal review.',
  valuesMap: { UPHELD: { description: 'The sanction stands.' }, OVERTURNED: { description: 'The sanction is set aside.' } },
});

export enum SignatureRestoration {
  RESTORED = 'RESTORED',
  ALREADY_SIGNATORY = 'ALREADY_SIGNATORY',
  NO_SIGNABLE_VERSION = 'NO_SIGNABLE_VERSION',
  WITHDRAWN_MEANWHILE = 'WITHDRAWN_MEANWHILE',
}
registerEnumType(SignatureRestoration, {
  name: 'SignatureRestoration',
  description: "What overturning a revocation did to the unit's signature.",
  valuesMap: {
    RESTORED: {
      description:
        "The unit was restored as a signatory from the review date, by a new signature linking the revoked one. A notice of withdrawal the revocation overtook still runs: the restored signature ends on the notice's day.",
    },
    ALREADY_SIGNATORY: { description: 'Nothing to restore: the unit had signed the convention again meanwhile.' },
    NO_SIGNABLE_VERSION: { description: 'Nothing restored: the convention has no version in effect to sign.' },
    WITHDRAWN_MEANWHILE: { description: "Nothing restored: the unit had given notice of withdrawal before the revocation, and that notice's day has come." },
  },
});

@ObjectType('Sanction', { description: 'A sanction decided on a complaint.' })
export class SanctionDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The association.' })
  associationId: string;

  @Field(() => ID, { description: 'The complaint it was decided on.' })
  complaintId: string;

  @Field(() => ID, { description: 'The convention.' })
  conventionId: string;

  @Field({ description: 'Title of the convention.' })
  conventionTitle: string;

  @Field(() => ID, { description: 'The sanctioned unit.' })
  organizationId: string;

  @Field({ description: 'Name of the sanctioned unit.' })
  organizationName: string;

  @Field(() => SanctionGrade, { description: 'Grade.' })
  grade: SanctionGrade;

  @Field(() => [Int], { description: 'Article numbers it rests on.' })
  basisArticles: number[];

  @Field({ description: 'Summary of the finding.' })
  summary: string;

  @Field(() => PublicationScope, { description: 'Publication scope.' })
  publicationScope: PublicationScope;

  @Field({ description: 'First day published.' })
  publishedFrom: string;

  @Field({ description: 'Last day published.' })
  publishedUntil: string;

  @Field({ description: 'Date decided.' })
  decidedOn: string;

  @Field({ description: 'Last day to appeal.' })
  appealDeadline: string;

  @Field(() => SanctionStatus, { description: 'Status.' })
  status: SanctionStatus;

  @Field(() => String, { nullable: true, description: 'Reason of the appeal review.' })
  appealReason: string | null;

  @Field(() => String, { nullable: true, description: 'Date of the appeal review.' })
  appealDecidedOn: string | null;

  @Field(() => ID, { nullable: true, description: 'For a revocation: the signature ended.' })
  signatureId: string | null;

  @Field(() => SignatureRestoration, { nullable: true, description: "For a revocation overturned on appeal: whether the unit's signature was restored, or why not." })
  signatureRestoration: SignatureRestoration | null;

  @Field(() => ID, { nullable: true, description: 'For a revocation overturned on appeal: the signature that restored the unit (in force from the review date).' })
  restoredSignatureId: string | null;
}

@ObjectType('Commendation', { description: 'A commendation (表彰) for exemplary practice.' })
export class CommendationDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The association.' })
  associationId: string;

  @Field(() => ID, { description: 'The convention.' })
  conventionId: string;

  @Field(() => ID, { nullable: true, description: 'The unit commended.' })
  organizationId: string | null;

  @Field(() => String, { nullable: true, description: 'Name of the unit commended.' })
  organizationName: string | null;

  @Field(() => String, { nullable: true, description: 'The person commended.' })
  personName: string | null;

  @Field({ description: 'Citation.' })
  citation: string;

  @Field(() => [Int], { description: 'Articles exemplified.' })
  basisArticles: number[];

  @Field(() => PublicationScope, { description: 'Publication scope.' })
  publicationScope: PublicationScope;

  @Field({ description: 'First day published.' })
  publishedFrom: string;

  @Field({ description: 'Last day published.' })
  publishedUntil: string;

  @Field({ description: 'Date decided.' })
  decidedOn: string;
}

@InputType({ description: "The sanctioned unit's appeal." })
export class AppealDecisionInput {
  @Field(() => ID, { description: 'The sanction.' })
  @IsUUID()
  sanctionId: string;

  @Field({ description: 'Grounds of appeal.' })
  @IsString()
  @Length(1, 10000)
  grounds: string;
}

@InputType({ description: 'The review of an appeal.' })
export class ReviewAppealInput {
  @Field(() => ID, { description: 'The sanction.' })
  @IsUUID()
  sanctionId: string;

  @Field(() => AppealOutcome, { description: 'Upheld or overturned.' })
  @IsEnum(AppealOutcome)
  outcome: AppealOutcome;

  @Field({ description: 'Reason.' })
  @IsString()
  @Length(1, 5000)
  reason: string;
}

@InputType({ description: 'A commendation.' })
export class CommendInput {
  @Field(() => ID, { description: 'The convention.' })
  @IsUUID()
  conventionId: string;

  @Field(() => ID, { nullable: true, description: 'The unit commended.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'The person commended.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  personName?: string | null;

  @Field({ description: 'Citation.' })
  @IsString()
  @Length(1, 5000)
  citation: string;

  @Field(() => [Int], { defaultValue: [], description: 'Articles exemplified.' })
  @IsArray()
  @ArrayMaxSize(30)
  @IsInt({ each: true })
  basisArticles: number[];

  @Field(() => PublicationScope, { description: 'Publication scope.' })
  @IsEnum(PublicationScope)
  publicationScope: PublicationScope;

  @Field(() => Int, { description: 'Days published (1 to 1825).' })
  @IsInt()
  publicationDays: number;
}

@ArgsType()
export class RegisterArgs {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;
}

import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { Connection, PageArgs } from '@app/common';

export enum SignerCapacity {
  LEGAL_REPRESENTATIVE = 'LEGAL_REPRESENTATIVE',
  DELEGATE = 'DELEGATE',
}
registerEnumType(SignerCapacity, {
  name: 'SignerCapacity',
  description: 'Who signed for the unit.',
  valuesMap: {
    LEGAL_REPRESENTATIVE: { description: 'Its legal representative (法定代表人).' },
    DELEGATE: { description: 'A delegate (委托代表) with a written authorisation.' },
  },
});

export enum SignatureEndReason {
  WITHDRAWAL = 'WITHDRAWAL',
  REVOCATION = 'REVOCATION',
}
registerEnumType(SignatureEndReason, {
  name: 'SignatureEndReason',
  description: 'Why a signature ended.',
  valuesMap: {
    WITHDRAWAL: { description: 'The unit withdrew by notice to the executing body.' },
    REVOCATION: { description: 'Revoked by sanction (取消公约成员资格).' },
  },
});

@ObjectType('ConventionSignature', { description: "A unit's signature of a convention (签约成员). Signer details are shown to staff and the unit itself only." })
export class SignatureDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The association.' })
  associationId: string;

  @Field(() => ID, { description: 'The convention.' })
  conventionId: string;

  @Field(() => ID, { description: 'The version signed.' })
  conventionVersionId: string;

  @Field(() => ID, { description: 'The signatory unit.' })
  organizationId: string;

  @Field({ description: 'Name of the signatory unit.' })
  organizationName: string;

  @Field({ description: 'Date signed (YYYY-MM-DD).' })
  signedOn: string;

  @Field(() => SignerCapacity, { nullable: true, description: 'Capacity of the signer (staff and the unit only).' })
  signerCapacity: SignerCapacity | null;

  @Field(() => String, { nullable: true, description: 'Name of the signer (staff and the unit only).' })
  signerName: string | null;

  @Field(() => String, { nullable: true, description: "A delegate's authorisation reference (staff and the unit only)." })
  authorisationReference: string | null;

  @Field(() => SignatureEndReason, { nullable: true, description: 'Why it ended, once it has (or will); readers of the association only.' })
  endReason: SignatureEndReason | null;

  @Field(() => String, { nullable: true, description: 'Date of the withdrawal notice; readers of the association only.' })
  noticeOn: string | null;

  @Field(() => String, { nullable: true, description: 'First day the unit is no longer bound.' })
  endedOn: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'For a revocation that overtook a notice of withdrawal: the day the withdrawal would have taken effect (kept for an appeal that overturns the revocation); readers of the association only.',
  })
  withdrawalEndsOn: string | null;

  @Field(() => ID, { nullable: true, description: 'The sanction that revoked it (staff and the unit only).' })
  sanctionId: string | null;

  @Field(() => ID, { nullable: true, description: 'For a signature restoring the unit after an appeal overturned a revocation: the revoked signature; readers of the association only.' })
  restoresSignatureId: string | null;

  @Field({ description: 'In force today.' })
  inForce: boolean;

  @Field({ description: 'When it was recorded.' })
  createdAt: Date;
}

export const SignatureConnection = Connection(SignatureDTO, 'ConventionSignature');

@InputType({ description: 'A unit signing a convention version.' })
export class SignConventionInput {
  @Field(() => ID, { description: 'The adopted or effective version signed.' })
  @IsUUID()
  conventionVersionId: string;

  @Field(() => ID, { description: 'The signing unit (a known organization; membership not required).' })
  @IsUUID()
  organizationId: string;

  @Field(() => SignerCapacity, { description: 'Legal representative or delegate.' })
  @IsEnum(SignerCapacity)
  signerCapacity: SignerCapacity;

  @Field({ description: 'Name of the person who signed.' })
  @IsString()
  @Length(2, 100)
  signerName: string;

  @Field(() => String, { nullable: true, description: "Reference of the delegate's authorisation (required for a delegate)." })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  authorisationReference?: string | null;

  @Field({ description: 'Date signed (YYYY-MM-DD), not in the future.' })
  @IsString()
  signedOn: string;
}

@InputType({ description: "A unit's notice of withdrawal from a convention." })
export class WithdrawFromConventionInput {
  @Field(() => ID, { description: 'The signature.' })
  @IsUUID()
  signatureId: string;

  @Field({ description: 'Date of the notice to the executing body (YYYY-MM-DD).' })
  @IsString()
  noticeOn: string;

  @Field({ description: 'First day the unit is no longer bound (YYYY-MM-DD), on or after the notice.' })
  @IsString()
  endsOn: string;
}

@ArgsType()
export class ConventionSignaturesArgs extends PageArgs {
  @Field(() => ID, { description: 'The convention.' })
  @IsUUID()
  conventionId: string;

  @Field(() => String, { nullable: true, description: 'Only signatures in force on this date (YYYY-MM-DD).' })
  @IsOptional()
  @IsString()
  inForceOn?: string | null;
}

@ArgsType()
export class SignatoryBulletinArgs {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field({ description: 'First day of the period (YYYY-MM-DD).' })
  @IsString()
  from: string;

  @Field({ description: 'Last day of the period (YYYY-MM-DD), at most 366 days later.' })
  @IsString()
  to: string;

  @Field(() => ID, { nullable: true, description: 'Only this convention.' })
  @IsOptional()
  @IsUUID()
  conventionId?: string | null;
}

@ObjectType('SignatoryBulletinEntry', { description: 'A unit that joined or left a convention in the period (public fields only).' })
export class BulletinEntryDTO {
  @Field(() => ID, { description: 'The signature.' })
  signatureId: string;

  @Field(() => ID, { description: 'The unit.' })
  organizationId: string;

  @Field({ description: 'Name of the unit.' })
  organizationName: string;

  @Field(() => ID, { description: 'The convention.' })
  conventionId: string;

  @Field({ description: 'Title of the convention.' })
  conventionTitle: string;

  @Field(() => Int, { description: 'Version signed.' })
  versionNumber: number;

  @Field({ description: 'Date joined (signed) or left (first day no longer bound).' })
  date: string;

  @Field(() => SignatureEndReason, { nullable: true, description: 'For units that left: withdrawal or revocation.' })
  reason: SignatureEndReason | null;

  @Field(() => ID, { nullable: true, description: 'For units that joined by restoration after an appeal overturned a revocation: the revoked signature; readers of the association only.' })
  restoresSignatureId: string | null;
}

@ObjectType('SignatoryBulletin', { description: 'The join and leave list (加入及退出名单) of a period.' })
export class SignatoryBulletinDTO {
  @Field(() => ID, { nullable: true, description: 'Identifier, once published.' })
  id: string | null;

  @Field(() => ID, { description: 'The association.' })
  associationId: string;

  @Field({ description: 'First day of the period.' })
  from: string;

  @Field({ description: 'Last day of the period.' })
  to: string;

  @Field(() => [BulletinEntryDTO], { description: 'Units that joined in the period.' })
  joined: BulletinEntryDTO[];

  @Field(() => [BulletinEntryDTO], { description: 'Units that left in the period.' })
  left: BulletinEntryDTO[];

  @Field(() => Date, { nullable: true, description: 'When it was published.' })
  publishedAt: Date | null;
}

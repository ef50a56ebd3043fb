import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

export enum OversightSubject {
  EXECUTING_BODY = 'EXECUTING_BODY',
  STAFF = 'STAFF',
}
registerEnumType(OversightSubject, {
  name: 'OversightSubject',
  description: 'Who a report on the execution concerns.',
  valuesMap: { EXECUTING_BODY: { description: 'The executing body itself.' }, STAFF: { description: 'A member of its staff.' } },
});

@ObjectType('OversightReport', { description: "A signatory's report on unlawful or unfair execution, for the supervising authority." })
export class OversightReportDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The association.' })
  associationId: string;

  @Field(() => ID, { description: 'The reporting unit.' })
  reporterOrganizationId: string;

  @Field(() => OversightSubject, { description: 'Who it concerns.' })
  subject: OversightSubject;

  @Field(() => String, { nullable: true, description: 'The staff member concerned.' })
  staffName: string | null;

  @Field(() => ID, { nullable: true, description: 'The convention concerned.' })
  conventionId: string | null;

  @Field({ description: 'The conduct reported.' })
  allegation: string;

  @Field(() => [String], { description: 'Evidence.' })
  evidence: string[];

  @Field({ description: 'When.' })
  createdAt: Date;
}

@InputType({ description: 'A report on the executing body or its staff.' })
export class ReportExecutingBodyInput {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field(() => ID, { description: 'Your unit (a signatory in force).' })
  @IsUUID()
  reporterOrganizationId: string;

  @Field(() => OversightSubject, { description: 'Who it concerns.' })
  @IsEnum(OversightSubject)
  subject: OversightSubject;

  @Field(() => String, { nullable: true, description: 'The staff member (for STAFF).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  staffName?: string | null;

  @Field(() => ID, { nullable: true, description: 'The convention concerned.' })
  @IsOptional()
  @IsUUID()
  conventionId?: string | null;

  @Field({ description: 'The conduct reported.' })
  @IsString()
  @Length(1, 20000)
  allegation: string;

  @Field(() => [String], { defaultValue: [], description: 'Evidence.' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  evidence: string[];
}

@ArgsType()
export class OversightReportsArgs {
  @Field(() => ID, { nullable: true, description: 'One association; all those you supervise when left out.' })
  @IsOptional()
  @IsUUID()
  associationId?: string | null;
}

import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { AssociationPageArgs, Connection } from '@app/common';
import { IsCalendarDate } from '../../council/calendar-date';

@ObjectType('ExpertBatch', { description: 'A batch of the expert pool appointed together (第四批专家).' })
export class ExpertBatchDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The association.' })
  associationId: string;

  @Field(() => Int, { description: 'Batch number (4 for 第四批).' })
  batchNumber: number;

  @Field({ description: 'Name as announced.' })
  name: string;

  @Field({ description: 'Day the batch was appointed (YYYY-MM-DD).' })
  appointedOn: string;

  @Field({ description: "Last day of the batch's term (YYYY-MM-DD)." })
  termEndsOn: string;
}

@ObjectType('ExpertConflict', { description: 'An organization the expert must not judge.' })
export class ExpertConflictDTO {
  @Field(() => ID, { description: 'The organization.' })
  organizationId: string;

  @Field({ description: 'Why (employment, shareholding, relative …).' })
  reason: string;

  @Field({ description: 'When it was declared (YYYY-MM-DD).' })
  declaredOn: string;
}

@ObjectType('Expert', { description: 'An expert of the pool. Contacts are shown only to the secretariat (masked in lists); conflicts only to readers with a role.' })
export class ExpertDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The association.' })
  associationId: string;

  @Field(() => ID, { description: 'The batch the expert was appointed in.' })
  batchId: string;

  @Field(() => ID, { nullable: true, description: 'The person in the member register, when known.' })
  personId: string | null;

  @Field({ description: 'Name.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Professional title (高级工程师, 教授 …).' })
  title: string | null;

  @Field(() => ID, { nullable: true, description: 'The employer organization, when registered; it counts as a conflict of interest.' })
  employerOrganizationId: string | null;

  @Field(() => [String], { description: "Fields of work covered, from the association's taxonomy." })
  fields: string[];

  @Field(() => String, { nullable: true, description: 'Number of the appointment letter (聘书).' })
  letterNumber: string | null;

  @Field(() => String, { nullable: true, description: 'Date of the appointment letter (YYYY-MM-DD).' })
  letterDate: string | null;

  @Field({ description: 'First day of the appointment (YYYY-MM-DD).' })
  appointedOn: string;

  @Field({ description: 'Last day of the term (YYYY-MM-DD).' })
  termEndsOn: string;

  @Field(() => String, { nullable: true, description: 'Day the appointment ended early, if it did.' })
  endedOn: string | null;

  @Field(() => [ExpertConflictDTO], { nullable: true, description: 'Declared conflicts of interest; null for the public.' })
  conflicts: ExpertConflictDTO[] | null;

  @Field(() => String, { nullable: true, description: 'Phone: full to the secretariat on a single expert (audited), masked in lists, null for everyone else.' })
  contactPhone: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail: full to the secretariat on a single expert (audited), masked in lists, null for everyone else.' })
  contactEmail: string | null;
}

export const ExpertConnection = Connection(ExpertDTO, 'Expert');

@ObjectType('ExpertPanelDraw', { description: 'A recorded random draw of an expert panel, with what is needed to audit it.' })
export class ExpertPanelDrawDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The association.' })
  associationId: string;

  @Field({ description: 'What the panel is for.' })
  purpose: string;

  @Field(() => String, { nullable: true, description: 'The field of work required, if any.' })
  field: string | null;

  @Field(() => Int, { description: 'Panel size.' })
  size: number;

  @Field({ description: 'The date eligibility was judged on (YYYY-MM-DD).' })
  onDate: string;

  @Field(() => [ID], { description: 'Organizations the panel judges: experts conflicted with them were left out.' })
  excludedOrganizationIds: string[];

  @Field(() => [ID], { description: 'Every eligible expert the draw chose from.' })
  eligibleExpertIds: string[];

  @Field({ description: 'The random seed (hex); with the eligible list it reproduces the draw: lowest HMAC-SHA256(seed, expert id) first.' })
  seed: string;

  @Field(() => ID, { description: 'The account that drew it.' })
  drawnBy: string;

  @Field({ description: 'When it was drawn.' })
  drawnAt: Date;

  @Field(() => [ExpertDTO], { description: 'The experts drawn, in draw order.' })
  experts: ExpertDTO[];
}

@InputType({ description: 'A batch of experts to record.' })
export class CreateExpertBatchInput {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field(() => Int, { description: 'Batch number (4 for 第四批).' })
  @IsInt()
  @Min(1)
  @Max(1000)
  batchNumber: number;

  @Field({ description: 'Name as announced.' })
  @IsString()
  @Length(2, 100)
  name: string;

  @Field({ description: 'Day the batch was appointed (YYYY-MM-DD).' })
  @IsCalendarDate()
  appointedOn: string;

  @Field({ description: "Last day of the batch's term (YYYY-MM-DD)." })
  @IsCalendarDate()
  termEndsOn: string;
}

@InputType({ description: 'A declared conflict of interest.' })
export class ExpertConflictInput {
  @Field(() => ID, { description: 'The organization the expert must not judge.' })
  @IsUUID()
  organizationId: string;

  @Field({ description: 'Why.' })
  @IsString()
  @Length(2, 300)
  reason: string;
}

@InputType({ description: 'An expert appointed in a batch.' })
export class AppointExpertInput {
  @Field(() => ID, { description: 'The batch.' })
  @IsUUID()
  batchId: string;

  @Field({ description: 'Name.' })
  @IsString()
  @Length(2, 100)
  name: string;

  @Field(() => ID, { nullable: true, description: 'The person in the member register, when known.' })
  @IsOptional()
  @IsUUID()
  personId?: string | null;

  @Field(() => ID, { nullable: true, description: "The expert's own account (to see their panel draws)." })
  @IsOptional()
  @IsUUID()
  accountId?: string | null;

  @Field(() => String, { nullable: true, description: 'Professional title.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  title?: string | null;

  @Field(() => ID, { nullable: true, description: 'Employer organization (registered in the association).' })
  @IsOptional()
  @IsUUID()
  employerOrganizationId?: string | null;

  @Field(() => [String], { description: 'Fields of work covered.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  fields: string[];

  @Field(() => String, { nullable: true, description: 'Appointment letter number.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  letterNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Appointment letter date (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  letterDate?: string | null;

  @Field(() => String, { nullable: true, description: "First day (YYYY-MM-DD); the batch's appointment date when left out." })
  @IsOptional()
  @IsCalendarDate()
  appointedOn?: string | null;

  @Field(() => String, { nullable: true, description: "Last day of the term (YYYY-MM-DD); the batch's when left out." })
  @IsOptional()
  @IsCalendarDate()
  termEndsOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone (personal data).' })
  @IsOptional()
  @Matches(/^[0-9+\- ]{5,20}$/)
  contactPhone?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail (personal data).' })
  @IsOptional()
  @IsEmail()
  contactEmail?: string | null;

  @Field(() => [ExpertConflictInput], { nullable: true, description: 'Conflicts of interest declared on appointment.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ExpertConflictInput)
  conflicts?: ExpertConflictInput[] | null;
}

@InputType({ description: 'A conflict of interest declared after appointment.' })
export class DeclareExpertConflictInput {
  @Field(() => ID, { description: 'The expert.' })
  @IsUUID()
  expertId: string;

  @Field(() => ID, { description: 'The organization the expert must not judge.' })
  @IsUUID()
  organizationId: string;

  @Field({ description: 'Why.' })
  @IsString()
  @Length(2, 300)
  reason: string;
}

@InputType({ description: 'The early end of an appointment.' })
export class EndExpertAppointmentInput {
  @Field(() => ID, { description: 'The expert.' })
  @IsUUID()
  expertId: string;

  @Field({ description: 'Day it ends (YYYY-MM-DD); from that day the expert is no longer drawn.' })
  @IsCalendarDate()
  endedOn: string;

  @Field({ description: 'Why.' })
  @IsString()
  @Length(2, 300)
  reason: string;
}

@InputType({ description: 'A random draw of an expert panel.' })
export class DrawExpertPanelInput {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field(() => Int, { description: 'How many experts to draw.' })
  @IsInt()
  @Min(1)
  @Max(50)
  size: number;

  @Field(() => String, { nullable: true, description: 'Only experts covering this field of work.' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  field?: string | null;

  @Field(() => [ID], { description: 'Organizations the panel judges: experts employed by or conflicted with them are left out.' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  excludeOrganizationIds: string[];

  @Field({ description: 'What the panel is for (review, award scoring …).' })
  @IsString()
  @Length(2, 200)
  purpose: string;

  @Field(() => String, { nullable: true, description: 'Date eligibility is judged on (YYYY-MM-DD); today in China when left out.' })
  @IsOptional()
  @IsCalendarDate()
  onDate?: string | null;
}

@ArgsType()
export class ExpertPageArgs extends AssociationPageArgs {
  @Field(() => String, { nullable: true, description: 'Only experts covering this field of work.' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  field?: string | null;
}

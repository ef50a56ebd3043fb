import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import type { CouncilPostName } from '@app/messaging';
import { IsCalendarDate } from '../calendar-date';
import type { CouncilOfficeEntity } from '../entities/council-office.entity';
import type { CouncilTermEntity } from '../entities/council-term.entity';
import type { ResolutionAppointmentEntity } from '../entities/resolution-appointment.entity';

export enum CouncilPost {
  PRESIDENT = 'PRESIDENT',
  ROTATING_PRESIDENT = 'ROTATING_PRESIDENT',
  VICE_PRESIDENT = 'VICE_PRESIDENT',
  STANDING_DIRECTOR = 'STANDING_DIRECTOR',
  DIRECTOR = 'DIRECTOR',
  SUPERVISOR = 'SUPERVISOR',
  CHIEF_SUPERVISOR = 'CHIEF_SUPERVISOR',
  SECRETARY_GENERAL = 'SECRETARY_GENERAL',
  DEPUTY_SECRETARY_GENERAL = 'DEPUTY_SECRETARY_GENERAL',
}

registerEnumType(CouncilPost, {
  name: 'CouncilPost',
  description: 'A post of a council term.',
  valuesMap: {
    PRESIDENT: { description: '会长: one holder at a time.' },
    ROTATING_PRESIDENT: { description: '轮值会长: held in turn, by consecutive periods of the rotation schedule.' },
    VICE_PRESIDENT: { description: '副会长.' },
    STANDING_DIRECTOR: { description: '常务理事.' },
    DIRECTOR: { description: '理事.' },
    SUPERVISOR: { description: '监事.' },
    CHIEF_SUPERVISOR: { description: '监事长: one holder at a time.' },
    SECRETARY_GENERAL: { description: '秘书长: one holder at a time.' },
    DEPUTY_SECRETARY_GENERAL: { description: '副秘书长.' },
  },
});

/** Posts held by one holder at a time within a term (the rotating presidency has its own schedule). */
export const SINGLE_HOLDER_POSTS: readonly CouncilPostName[] = ['PRESIDENT', 'CHIEF_SUPERVISOR', 'SECRETARY_GENERAL'];

/** Display order of posts in lists of office holders. */
export const POST_ORDER: readonly CouncilPostName[] = [
  'PRESIDENT',
  'ROTATING_PRESIDENT',
  'VICE_PRESIDENT',
  'STANDING_DIRECTOR',
  'DIRECTOR',
  'CHIEF_SUPERVISOR',
  'SUPERVISOR',
  'SECRETARY_GENERAL',
  'DEPUTY_SECRETARY_GENERAL',
];

@ObjectType('CouncilOffice', { description: 'One holding of a council post in a term: the holder and the dates.' })
export class CouncilOfficeDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The council term.' })
  councilTermId: string;

  @Field(() => CouncilPost, { description: 'The post held.' })
  post: CouncilPost;

  @Field(() => ID, { nullable: true, description: 'The holding organization, when a unit holds the post.' })
  holderOrganizationId: string | null;

  @Field(() => ID, { nullable: true, description: 'The holding person in the member register, when known.' })
  holderPersonId: string | null;

  @Field({ description: 'Name of the holder as announced (unit and/or person).' })
  holderName: string;

  @Field(() => String, { nullable: true, description: "The holder's title or role at their unit, as announced." })
  holderTitle: string | null;

  @Field({ description: 'First day in office (YYYY-MM-DD).' })
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'Last day in office (YYYY-MM-DD); null while open-ended within the term.' })
  endsOn: string | null;

  @Field(() => String, { nullable: true, description: 'Why the office ended early, when it did.' })
  endReason: string | null;

  @Field(() => Int, { nullable: true, description: 'Position in the rotating-presidency schedule (1 = first); null for other posts.' })
  rotationOrder: number | null;

  @Field({ description: 'MANUAL when the secretariat recorded it, RESOLUTION when applied from an adopted resolution.' })
  source: string;
}

export function toCouncilOfficeDTO(entity: CouncilOfficeEntity): CouncilOfficeDTO {
  return {
    id: entity.id,
    councilTermId: entity.councilTermId,
    post: entity.post as CouncilPost,
    holderOrganizationId: entity.holderOrganizationId,
    holderPersonId: entity.holderPersonId,
    holderName: entity.holderName,
    holderTitle: entity.holderTitle,
    startsOn: entity.startsOn,
    endsOn: entity.endsOn,
    endReason: entity.endReason,
    rotationOrder: entity.rotationOrder,
    source: entity.source,
  };
}

@ObjectType('CouncilTerm', { description: 'A council term (第二届理事会) with its offices.' })
export class CouncilTermDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The association.' })
  associationId: string;

  @Field(() => Int, { description: 'Term number (2 for 第二届).' })
  termNumber: number;

  @Field({ description: 'Name as announced, e.g. 第二届理事会.' })
  name: string;

  @Field({ description: 'First day of the term (YYYY-MM-DD).' })
  startsOn: string;

  @Field({ description: 'Last day of the term (YYYY-MM-DD).' })
  endsOn: string;

  @Field(() => String, { nullable: true, description: 'The congress that elected the council (name or meeting reference).' })
  electingCongressReference: string | null;

  @Field(() => [CouncilOfficeDTO], { description: 'Every office of the term, ended ones included, by post then start date.' })
  offices: CouncilOfficeDTO[];

  @Field(() => [CouncilOfficeDTO], { description: 'The rotating-presidency schedule in order.' })
  rotationSchedule: CouncilOfficeDTO[];
}

export function toCouncilTermDTO(term: CouncilTermEntity, offices: CouncilOfficeEntity[]): CouncilTermDTO {
  const sorted = [...offices].sort((a, b) => POST_ORDER.indexOf(a.post) - POST_ORDER.indexOf(b.post) || a.startsOn.localeCompare(b.startsOn) || a.holderName.localeCompare(b.holderName));
  return {
    id: term.id,
    associationId: term.associationId,
    termNumber: term.termNumber,
    name: term.name,
    startsOn: term.startsOn,
    endsOn: term.endsOn,
    electingCongressReference: term.electingCongressReference,
    offices: sorted.map(toCouncilOfficeDTO),
    rotationSchedule: sorted.filter((o) => o.post === 'ROTATING_PRESIDENT').sort((a, b) => (a.rotationOrder ?? 0) - (b.rotationOrder ?? 0)).map(toCouncilOfficeDTO),
  };
}

@ObjectType('OfficeHolders', { description: 'Who holds which council post on one date.' })
export class OfficeHoldersDTO {
  @Field({ description: 'The date asked about (YYYY-MM-DD).' })
  date: string;

  @Field(() => ID, { nullable: true, description: 'The council term running on that date; null between terms.' })
  councilTermId: string | null;

  @Field(() => String, { nullable: true, description: 'Name of that term.' })
  councilTermName: string | null;

  @Field(() => [CouncilOfficeDTO], { description: 'Offices held on that date, by post.' })
  holders: CouncilOfficeDTO[];

  @Field(() => CouncilOfficeDTO, { nullable: true, description: 'The rotating president (轮值会长) on that date, from the rotation schedule.' })
  rotatingPresident: CouncilOfficeDTO | null;
}

@ObjectType('ResolutionAppointment', { description: 'What became of one appointment carried by an adopted meeting resolution.' })
export class ResolutionAppointmentDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field({ description: 'The agenda item whose resolution carried it.' })
  agendaItemId: string;

  @Field(() => Int, { description: 'Position of the appointment in the resolution.' })
  itemIndex: number;

  @Field(() => ID, { nullable: true, description: 'The council term it named.' })
  councilTermId: string | null;

  @Field({ description: 'The post.' })
  post: string;

  @Field({ description: 'The holder named.' })
  holderName: string;

  @Field({ description: 'APPLIED (an office was recorded), PENDING (the term is unknown) or REJECTED (it broke an office rule).' })
  outcome: string;

  @Field(() => String, { nullable: true, description: 'Why it was not applied.' })
  reason: string | null;

  @Field(() => ID, { nullable: true, description: 'The office recorded, when applied.' })
  officeId: string | null;

  @Field({ description: 'When the resolution was received.' })
  receivedAt: Date;
}

export function toResolutionAppointmentDTO(entity: ResolutionAppointmentEntity): ResolutionAppointmentDTO {
  const { id, agendaItemId, itemIndex, councilTermId, post, holderName, outcome, reason, officeId, receivedAt } = entity;
  return { id, agendaItemId, itemIndex, councilTermId, post, holderName, outcome, reason, officeId, receivedAt };
}

@InputType({ description: 'A council term to record.' })
export class CreateCouncilTermInput {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field(() => Int, { description: 'Term number (2 for 第二届).' })
  @IsInt()
  @Min(1)
  @Max(1000)
  termNumber: number;

  @Field({ description: 'Name as announced, e.g. 第二届理事会.' })
  @IsString()
  @Length(2, 100)
  name: string;

  @Field({ description: 'First day of the term (YYYY-MM-DD).' })
  @IsCalendarDate()
  startsOn: string;

  @Field({ description: 'Last day of the term (YYYY-MM-DD).' })
  @IsCalendarDate()
  endsOn: string;

  @Field(() => String, { nullable: true, description: 'The congress that elected the council (name or meeting reference).' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  electingCongressReference?: string | null;
}

@InputType({ description: 'Who holds an office: an organization, a person, or a person at an organization.' })
export class OfficeHolderInput {
  @Field(() => ID, { nullable: true, description: 'The holding organization (registered in the association).' })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The holding person in the member register, when known.' })
  @IsOptional()
  @IsUUID()
  personId?: string | null;

  @Field(() => String, { nullable: true, description: "Name as announced; defaults to the organization's name." })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string | null;

  @Field(() => String, { nullable: true, description: "The person's title or role at their unit." })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  title?: string | null;

  @Field(() => ID, { nullable: true, description: "The account that casts this seat's votes in council ballots." })
  @IsOptional()
  @IsUUID()
  voterAccountId?: string | null;
}

@InputType({ description: 'An appointment to a council post.' })
export class AppointOfficeInput {
  @Field(() => ID, { description: 'The council term.' })
  @IsUUID()
  councilTermId: string;

  @Field(() => CouncilPost, { description: 'The post. ROTATING_PRESIDENT periods are appended to the rotation schedule and need an end date.' })
  @IsEnum(CouncilPost)
  post: CouncilPost;

  @Field(() => OfficeHolderInput, { description: 'The holder.' })
  @ValidateNested()
  @Type(() => OfficeHolderInput)
  holder: OfficeHolderInput;

  @Field({ description: 'First day in office (YYYY-MM-DD), within the term.' })
  @IsCalendarDate()
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'Last day in office (YYYY-MM-DD); leave out to hold it until the term ends.' })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string | null;
}

@InputType({ description: 'The end of an office before its planned end.' })
export class EndOfficeInput {
  @Field(() => ID, { description: 'The office.' })
  @IsUUID()
  officeId: string;

  @Field({ description: 'Last day in office (YYYY-MM-DD). For a rotating president, the next period starts the day after (hand-over).' })
  @IsCalendarDate()
  endsOn: string;

  @Field({ description: 'Why it ends (resignation, hand-over, decision …).' })
  @IsString()
  @Length(2, 500)
  reason: string;
}

@InputType({ description: 'One period of the rotating presidency.' })
export class RotationPeriodInput {
  @Field(() => OfficeHolderInput, { description: 'The rotating president for the period.' })
  @ValidateNested()
  @Type(() => OfficeHolderInput)
  holder: OfficeHolderInput;

  @Field({ description: 'First day (YYYY-MM-DD).' })
  @IsCalendarDate()
  startsOn: string;

  @Field({ description: 'Last day (YYYY-MM-DD).' })
  @IsCalendarDate()
  endsOn: string;
}

@InputType({ description: 'Periods appended, in order, to the rotating-presidency schedule of a term: consecutive, no gaps or overlaps.' })
export class ScheduleRotatingPresidentsInput {
  @Field(() => ID, { description: 'The council term.' })
  @IsUUID()
  councilTermId: string;

  @Field(() => [RotationPeriodInput], { description: 'The periods in order.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RotationPeriodInput)
  periods: RotationPeriodInput[];
}

@ArgsType()
export class OfficeHoldersArgs {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field(() => String, { nullable: true, description: 'The date (YYYY-MM-DD); today in China when left out.' })
  @IsOptional()
  @IsCalendarDate()
  date?: string | null;
}

@ArgsType()
export class AssociationArgs {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;
}

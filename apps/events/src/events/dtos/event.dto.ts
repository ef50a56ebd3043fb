import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AssociationPageArgs, Connection } from '@app/common';
import { AudienceRule, EventCategory } from '../../catalog/event-category';
import { OrganizerRole } from '../entities/event-organizer.entity';

registerEnumType(OrganizerRole, {
  name: 'OrganizerRole',
  description: 'The part an organization plays in an event.',
  valuesMap: {
    GUIDANCE: { description: 'Guiding unit (指导单位).' },
    HOST: { description: 'Host (主办单位).' },
    ORGANIZER: { description: 'Organizer doing the work (承办单位).' },
    CO_ORGANIZER: { description: 'Co-organizer (协办单位).' },
    SUPPORTER: { description: 'Supporting unit (支持单位).' },
  },
});

export enum EventStatusValue {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(EventStatusValue, {
  name: 'EventStatus',
  description: 'Where an event stands.',
  valuesMap: {
    DRAFT: { description: 'Being prepared; visible to events staff only.' },
    PUBLISHED: { description: 'Announced; open for registration under its audience rule.' },
    CANCELLED: { description: 'Called off.' },
  },
});

@ObjectType('EventOrganizer', { description: 'An organization organizing an event, with its role.' })
export class EventOrganizerDTO {
  @Field({ description: 'Name as printed on the programme.' })
  name: string;

  @Field(() => ID, { nullable: true, description: 'The organization, when it is known to the association.' })
  organizationId: string | null;

  @Field(() => OrganizerRole, { description: 'Its role (指导, 主办, 承办, 协办, 支持).' })
  role: OrganizerRole;
}

@ObjectType('EventSession', { description: 'One part of the schedule.' })
export class EventSessionDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field({ description: 'What happens.' })
  title: string;

  @Field({ description: 'Start.' })
  startsAt: Date;

  @Field({ description: 'End.' })
  endsAt: Date;

  @Field(() => String, { nullable: true, description: 'Room or place, if not the main venue.' })
  location: string | null;
}

@ObjectType('Event', { description: 'An activity of the association: congress, council meeting, forum, training, briefing …' })
export class EventDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The association holding it.' })
  associationId: string;

  @Field(() => EventCategory, { description: 'Kind of event.' })
  category: EventCategory;

  @Field({ description: 'Title.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Description.' })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'Venue.' })
  venue: string | null;

  @Field({ description: 'Start.' })
  startsAt: Date;

  @Field({ description: 'End.' })
  endsAt: Date;

  @Field(() => Int, { nullable: true, description: 'Seats; null for unlimited.' })
  capacity: number | null;

  @Field(() => AudienceRule, { description: 'Who may register.' })
  audience: AudienceRule;

  @Field({ description: 'Whether registrations wait for approval by events staff.' })
  requiresApproval: boolean;

  @Field(() => Int, { nullable: true, description: 'Most active registrations one member unit may hold.' })
  perUnitLimit: number | null;

  @Field(() => Date, { nullable: true, description: 'Registrants may cancel until this instant.' })
  cancellationCutoffAt: Date | null;

  @Field(() => Int, { description: 'Minutes a waitlisted registrant has to accept a freed seat.' })
  offerMinutes: number;

  @Field({ description: 'Whether attendance by proxy counts (meetings whose rules allow it).' })
  allowProxy: boolean;

  @Field(() => EventStatusValue, { description: 'Status.' })
  status: EventStatusValue;

  @Field(() => Int, { description: 'Changes since creation (0 for none); calendar clients see it as the SEQUENCE of the entry.' })
  revision: number;

  @Field(() => Date, { nullable: true, description: 'When the event was called off.' })
  cancelledAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the event was called off.' })
  cancellationReason: string | null;

  @Field(() => [EventOrganizerDTO], { description: 'Organizers with their roles.' })
  organizers: EventOrganizerDTO[];

  @Field(() => [EventSessionDTO], { description: 'Schedule.' })
  sessions: EventSessionDTO[];

  @Field(() => Int, { description: 'Confirmed registrations.' })
  confirmedCount: number;

  @Field(() => Int, { description: 'Registrations waiting for a seat.' })
  waitlistCount: number;

  @Field(() => Int, { description: 'Registrations recorded as attending (present or by proxy).' })
  attendedCount: number;
}

export const EventConnection = Connection(EventDTO, 'Event');

@InputType({ description: 'An organizer of a new event.' })
export class EventOrganizerInput {
  @Field({ description: 'Name as printed on the programme.' })
  @IsString()
  @Length(1, 200)
  name: string;

  @Field(() => ID, { nullable: true, description: 'The organization, when it is known to the association.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @Field(() => OrganizerRole, { description: 'Its role.' })
  @IsEnum(OrganizerRole)
  role: OrganizerRole;
}

@InputType({ description: 'One part of the schedule of a new event.' })
export class EventSessionInput {
  @Field({ description: 'What happens.' })
  @IsString()
  @Length(1, 200)
  title: string;

  @Field({ description: 'Start.' })
  @Type(() => Date)
  @IsDate()
  startsAt: Date;

  @Field({ description: 'End.' })
  @Type(() => Date)
  @IsDate()
  endsAt: Date;

  @Field(() => String, { nullable: true, description: 'Room or place.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string | null;
}

@InputType({ description: 'A new event, created as a draft.' })
export class CreateEventInput {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field(() => EventCategory, { description: 'Kind of event.' })
  @IsEnum(EventCategory)
  category: EventCategory;

  @Field({ description: 'Title.' })
  @IsString()
  @Length(1, 200)
  title: string;

  @Field(() => String, { nullable: true, description: 'Description.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Venue.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  venue?: string | null;

  @Field({ description: 'Start.' })
  @Type(() => Date)
  @IsDate()
  startsAt: Date;

  @Field({ description: 'End; not before the start.' })
  @Type(() => Date)
  @IsDate()
  endsAt: Date;

  @Field(() => Int, { nullable: true, description: 'Seats; leave out for unlimited.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity?: number | null;

  @Field(() => AudienceRule, { nullable: true, description: "Who may register; defaults to the category's usual audience." })
  @IsOptional()
  @IsEnum(AudienceRule)
  audience?: AudienceRule | null;

  @Field(() => [ID], { nullable: true, description: 'Organizations invited (for the INVITED audience).' })
  @IsOptional()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  invitedOrganizationIds?: string[] | null;

  @Field({ nullable: true, defaultValue: false, description: 'Registrations wait for approval by events staff.' })
  @IsOptional()
  @IsBoolean()
  requiresApproval?: boolean;

  @Field(() => Int, { nullable: true, description: 'Most active registrations one member unit may hold.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  perUnitLimit?: number | null;

  @Field(() => Date, { nullable: true, description: 'Registrants may cancel until this instant; not after the start.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  cancellationCutoffAt?: Date | null;

  @Field(() => Int, { nullable: true, defaultValue: 1440, description: 'Minutes a waitlisted registrant has to accept a freed seat (default a day).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  offerMinutes?: number;

  @Field({ nullable: true, defaultValue: false, description: 'Whether attendance by proxy counts toward the quorum (where the rules allow it).' })
  @IsOptional()
  @IsBoolean()
  allowProxy?: boolean;

  @Field(() => [EventOrganizerInput], { nullable: true, description: 'Organizers with their roles.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EventOrganizerInput)
  organizers?: EventOrganizerInput[] | null;

  @Field(() => [EventSessionInput], { nullable: true, description: 'Schedule.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => EventSessionInput)
  sessions?: EventSessionInput[] | null;
}

@InputType({ description: 'A change to an event: fields left out keep their value; null clears description, venue, capacity (unlimited) or the cut-off. Sessions, audience and organizers stay as they are.' })
export class UpdateEventInput {
  @Field(() => ID, { description: 'The event.' })
  @IsUUID()
  eventId: string;

  @Field(() => String, { nullable: true, description: 'Title.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Description.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Venue.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  venue?: string | null;

  @Field(() => Date, { nullable: true, description: 'Start.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'End; not before the start.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  endsAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Seats (null for unlimited); not below the seats already held. New seats are offered to the waitlist.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity?: number | null;

  @Field(() => Date, { nullable: true, description: 'Registrants may cancel until this instant; not after the start.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  cancellationCutoffAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Why, in words registrants understand; required once the event is published.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string | null;
}

@ArgsType()
export class CancelEventArgs {
  @Field(() => ID, { description: 'The event.' })
  @IsUUID()
  eventId: string;

  @Field({ description: 'Why it is called off, in words registrants understand.' })
  @IsString()
  @Length(1, 1000)
  reason: string;
}

@ArgsType()
export class EventChangesArgs {
  @Field(() => ID, { description: 'The event.' })
  @IsUUID()
  eventId: string;
}

@ArgsType()
export class UpcomingEventsArgs extends AssociationPageArgs {}

@ArgsType()
export class AssociationEventsArgs {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field({ description: 'First calendar day (YYYY-MM-DD, Asia/Shanghai), inclusive.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  from: string;

  @Field({ description: 'Last calendar day (YYYY-MM-DD, Asia/Shanghai), inclusive.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  to: string;
}

import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEmail, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Connection, PageArgs } from '@app/common';
import { EventCategory } from '../../catalog/event-category';
import { RegistrationStatus } from '../registration-policy';

registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'Where a registration stands.',
  valuesMap: {
    PENDING_APPROVAL: { description: 'Holds a seat, waiting for approval by events staff.' },
    CONFIRMED: { description: 'Holds a confirmed seat.' },
    WAITLISTED: { description: 'Waiting for a seat to free up.' },
    OFFERED: { description: 'A freed seat is offered until offerExpiresAt.' },
    CANCELLED: { description: 'Cancelled by the registrant or staff.' },
    REJECTED: { description: 'Refused by events staff.' },
    EXPIRED: { description: 'A seat was offered and not accepted in time.' },
  },
});

export enum Attendance {
  PRESENT = 'PRESENT',
  PROXY = 'PROXY',
  ABSENT = 'ABSENT',
}
registerEnumType(Attendance, {
  name: 'EventAttendance',
  description: 'Attendance at an event or meeting.',
  valuesMap: {
    PRESENT: { description: 'Attended in person.' },
    PROXY: { description: 'Represented by a proxy (where the rules allow).' },
    ABSENT: { description: 'Did not attend.' },
  },
});

@ObjectType('Registration', { description: 'A registration for an event. Contact data is masked in lists.' })
export class RegistrationDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The event.' })
  eventId: string;

  @Field(() => ID, { nullable: true, description: 'The member unit registered for, if any.' })
  organizationId: string | null;

  @Field(() => ID, { nullable: true, description: 'The person (for council seats held by a person), if known.' })
  personId: string | null;

  @Field({ description: 'Attendee name (masked in lists).' })
  attendeeName: string;

  @Field(() => String, { nullable: true, description: 'Attendee e-mail (masked in lists).' })
  attendeeEmail: string | null;

  @Field(() => String, { nullable: true, description: 'Attendee phone (masked in lists).' })
  attendeePhone: string | null;

  @Field(() => RegistrationStatus, { description: 'Status.' })
  status: RegistrationStatus;

  @Field(() => Date, { nullable: true, description: 'Deadline of an open seat offer.' })
  offerExpiresAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the attendee checked in.' })
  checkedInAt: Date | null;

  @Field(() => Attendance, { nullable: true, description: 'Recorded attendance.' })
  attendance: Attendance | null;

  @Field(() => String, { nullable: true, description: 'Who attended as proxy.' })
  proxyHolderName: string | null;

  @Field(() => String, { nullable: true, description: 'Attendance certificate number (trainings).' })
  certificateNumber: string | null;

  @Field({ description: 'When the registration was made.' })
  createdAt: Date;
}

export const RegistrationConnection = Connection(RegistrationDTO, 'Registration');

@ObjectType('RegistrationTicket', { description: 'A new registration and its check-in token, shown this once (encode it in a QR code).' })
export class RegistrationTicketDTO {
  @Field(() => RegistrationDTO, { description: 'The registration.' })
  registration: RegistrationDTO;

  @Field({ description: 'Secret check-in token; keep it: it is stored only as a hash and proves the registration for check-in and cancellation.' })
  checkInToken: string;
}

@InputType({ description: 'A registration for an event.' })
export class RegisterForEventInput {
  @Field(() => ID, { description: 'The event.' })
  @IsUUID()
  eventId: string;

  @Field({ description: 'Attendee name.' })
  @IsString()
  @Length(1, 100)
  attendeeName: string;

  @Field(() => String, { nullable: true, description: 'Attendee e-mail; e-mail or phone is needed unless a person or seat is named.' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  attendeeEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'Attendee mobile phone.' })
  @IsOptional()
  @Matches(/^\+?[0-9 -]{6,20}$/)
  attendeePhone?: string | null;

  @Field(() => ID, { nullable: true, description: "The member unit the attendee comes for (a MEMBER_REP's own unit by default)." })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The person (for a council seat held by a person; events staff only).' })
  @IsOptional()
  @IsUUID()
  personId?: string | null;
}

@InputType({ description: 'Acting on one registration; anonymous registrants prove it with their check-in token.' })
export class RegistrationActionInput {
  @Field(() => ID, { description: 'The registration.' })
  @IsUUID()
  registrationId: string;

  @Field(() => String, { nullable: true, description: 'The check-in token, for registrants without an account.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  checkInToken?: string | null;
}

@InputType({ description: 'Approval or refusal of a registration waiting for approval.' })
export class DecideRegistrationInput {
  @Field(() => ID, { description: 'The registration.' })
  @IsUUID()
  registrationId: string;

  @Field({ description: 'True to approve, false to refuse.' })
  @IsBoolean()
  approve: boolean;
}

@InputType({ description: 'A check-in at the door, by the token from the QR code.' })
export class CheckInInput {
  @Field(() => ID, { description: 'The association holding the event.' })
  @IsUUID()
  associationId: string;

  @Field({ description: 'The check-in token.' })
  @IsString()
  @Length(16, 100)
  token: string;
}

@InputType({ description: 'Attendance recorded by events staff.' })
export class RecordAttendanceInput {
  @Field(() => ID, { description: 'The registration.' })
  @IsUUID()
  registrationId: string;

  @Field(() => Attendance, { description: 'Attendance.' })
  @IsEnum(Attendance)
  attendance: Attendance;

  @Field(() => String, { nullable: true, description: 'Who attends as proxy (PROXY only).' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  proxyHolderName?: string | null;
}

@ArgsType()
export class EventRegistrationsArgs extends PageArgs {
  @Field(() => ID, { description: 'The event.' })
  @IsUUID()
  eventId: string;

  @Field(() => RegistrationStatus, { nullable: true, description: 'Only registrations in this status.' })
  @IsOptional()
  @IsEnum(RegistrationStatus)
  status?: RegistrationStatus | null;
}

@ArgsType()
export class RunRemindersArgs {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field(() => Int, { defaultValue: 24, description: 'Remind registrants of events starting within this many hours.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24 * 14)
  withinHours: number;
}

@ObjectType('AttendanceCertificate', { description: 'A training attendance certificate as the public verification shows it.' })
export class AttendanceCertificateDTO {
  @Field({ description: 'Certificate number.' })
  certificateNumber: string;

  @Field({ description: 'Holder name, masked.' })
  holderName: string;

  @Field({ description: 'Training title.' })
  eventTitle: string;

  @Field(() => EventCategory, { description: 'Kind of event.' })
  eventCategory: EventCategory;

  @Field({ description: 'When the training started.' })
  eventStartsAt: Date;

  @Field(() => ID, { description: 'The association that issued it.' })
  associationId: string;

  @Field({ description: 'When it was issued.' })
  issuedAt: Date;
}

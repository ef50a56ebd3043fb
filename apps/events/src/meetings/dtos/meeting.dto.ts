import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { EventCategory } from '../../catalog/event-category';
import { Attendance } from '../../registrations/dtos/registration.dto';
import { AgendaItemKind, AgendaItemStatus } from '../resolution-rules';

registerEnumType(AgendaItemKind, {
  name: 'AgendaItemKind',
  description: 'What an agenda item (议题) decides; it fixes the rule the vote needs.',
  valuesMap: {
    GENERAL: { description: 'Ordinary business: simple majority of those present.' },
    ELECTION: { description: 'Election to council posts: simple majority; adopted posts flow to membership.' },
    APPOINTMENT: { description: 'Appointment (e.g. secretary-general): simple majority; adopted posts flow to membership.' },
    CHARTER: { description: 'Charter (章程) matter: two thirds of those present.' },
    CONVENTION: { description: 'Self-discipline convention (公约) matter: two thirds of those present.' },
  },
});

registerEnumType(AgendaItemStatus, {
  name: 'AgendaItemStatus',
  description: 'Where an agenda item stands.',
  valuesMap: {
    PENDING: { description: 'Not yet put to the vote.' },
    VOTING: { description: 'Open for votes.' },
    ADOPTED: { description: 'Adopted (审议通过).' },
    REJECTED: { description: 'Not adopted (未通过).' },
  },
});

export enum VotePosition {
  YES = 'YES',
  NO = 'NO',
  ABSTAIN = 'ABSTAIN',
  RECUSE = 'RECUSE',
}
registerEnumType(VotePosition, {
  name: 'MeetingVotePosition',
  description: 'A vote on an agenda item.',
  valuesMap: {
    YES: { description: 'In favour.' },
    NO: { description: 'Against.' },
    ABSTAIN: { description: 'Abstains (counts as present, not in favour).' },
    RECUSE: { description: 'Recuses itself (leaves the electorate for this item).' },
  },
});

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
  name: 'MeetingPost',
  description: 'A post of a council term.',
  valuesMap: {
    PRESIDENT: { description: 'President (会长).' },
    ROTATING_PRESIDENT: { description: 'Rotating president (轮值会长).' },
    VICE_PRESIDENT: { description: 'Vice-president (副会长).' },
    STANDING_DIRECTOR: { description: 'Standing director (常务理事).' },
    DIRECTOR: { description: 'Director (理事).' },
    SUPERVISOR: { description: 'Supervisor (监事).' },
    CHIEF_SUPERVISOR: { description: 'Chief supervisor (监事长).' },
    SECRETARY_GENERAL: { description: 'Secretary-general (秘书长).' },
    DEPUTY_SECRETARY_GENERAL: { description: 'Deputy secretary-general (副秘书长).' },
  },
});

@ObjectType('MeetingAppointment', { description: 'A post filled by an election or appointment item.' })
export class AppointmentDTO {
  @Field(() => ID, { nullable: true, description: 'The council term.' })
  councilTermId: string | null;

  @Field(() => CouncilPost, { description: 'The post.' })
  post: CouncilPost;

  @Field(() => ID, { nullable: true, description: 'The unit taking the post.' })
  organizationId: string | null;

  @Field(() => ID, { nullable: true, description: 'The person taking the post.' })
  personId: string | null;

  @Field({ description: 'Name of the holder.' })
  holderName: string;

  @Field({ description: 'First day in office (YYYY-MM-DD).' })
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'Last day in office (YYYY-MM-DD), if fixed.' })
  endsOn: string | null;
}

@ObjectType('AgendaItem', { description: 'An item on a meeting agenda (议题) and its vote.' })
export class AgendaItemDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The meeting.' })
  eventId: string;

  @Field(() => Int, { description: 'Order on the agenda, from 1.' })
  position: number;

  @Field({ description: 'Title.' })
  title: string;

  @Field(() => AgendaItemKind, { description: 'Kind.' })
  kind: AgendaItemKind;

  @Field({ description: 'The ballot rule applied (COUNCIL_ORDINARY: majority of those present; COUNCIL_SPECIAL: two thirds).' })
  rule: string;

  @Field(() => AgendaItemStatus, { description: 'Status.' })
  status: AgendaItemStatus;

  @Field(() => String, { nullable: true, description: 'Result as the minutes state it (审议通过 / 未通过).' })
  result: string | null;

  @Field(() => Int, { nullable: true, description: 'Electorate frozen when the vote opened.' })
  electorateSize: number | null;

  @Field(() => Int, { nullable: true, description: 'Voters present when the vote closed.' })
  presentCount: number | null;

  @Field(() => Int, { nullable: true, description: 'Votes in favour.' })
  yes: number | null;

  @Field(() => Int, { nullable: true, description: 'Votes against.' })
  no: number | null;

  @Field(() => Int, { nullable: true, description: 'Abstentions.' })
  abstain: number | null;

  @Field(() => String, { nullable: true, description: 'How the result was reached.' })
  explanation: string | null;

  @Field(() => [AppointmentDTO], { description: 'Posts filled (elections and appointments).' })
  appointments: AppointmentDTO[];
}

@ObjectType('MinutesAttendance', { description: 'One line of the attendance list in the minutes.' })
export class MinutesAttendanceDTO {
  @Field({ description: 'Attendee.' })
  name: string;

  @Field(() => ID, { nullable: true, description: 'The unit (seat) represented.' })
  organizationId: string | null;

  @Field(() => Attendance, { nullable: true, description: 'Attendance; null when not recorded.' })
  attendance: Attendance | null;

  @Field(() => String, { nullable: true, description: 'Proxy holder, when attending by proxy.' })
  proxyHolderName: string | null;
}

@ObjectType('MeetingMinutes', { description: 'Minutes (会议纪要) of a congress or council meeting: attendance, quorum and the vote on every item.' })
export class MeetingMinutesDTO {
  @Field(() => ID, { description: 'The meeting.' })
  eventId: string;

  @Field({ description: 'Title.' })
  title: string;

  @Field(() => EventCategory, { description: 'Congress or council meeting.' })
  category: EventCategory;

  @Field({ description: 'Meeting date (YYYY-MM-DD, Asia/Shanghai).' })
  meetingDate: string;

  @Field(() => String, { nullable: true, description: 'Venue.' })
  venue: string | null;

  @Field(() => Int, { description: 'Electorate on the meeting date (council seats in office, or ACTIVE member units).' })
  electorateSize: number;

  @Field(() => Int, { description: 'Voters present in person.' })
  presentCount: number;

  @Field(() => Int, { description: 'Voters represented by proxy (counted when the rules allow).' })
  proxyCount: number;

  @Field(() => Int, { description: 'Voters on the electorate not attending.' })
  absentCount: number;

  @Field(() => Int, { description: 'Attendance needed for a quorum.' })
  quorumRequired: number;

  @Field({ description: 'Whether the meeting has a quorum.' })
  quorumMet: boolean;

  @Field(() => [MinutesAttendanceDTO], { description: 'Attendance list.' })
  attendance: MinutesAttendanceDTO[];

  @Field(() => [AgendaItemDTO], { description: 'Agenda items with their votes and results.' })
  items: AgendaItemDTO[];
}

@InputType('MeetingAppointmentInput', { description: 'A post an election or appointment item fills.' })
export class AppointmentInput {
  @Field(() => ID, { nullable: true, description: 'The council term.' })
  @IsOptional()
  @IsUUID()
  councilTermId?: string | null;

  @Field(() => CouncilPost, { description: 'The post.' })
  @IsEnum(CouncilPost)
  post: CouncilPost;

  @Field(() => ID, { nullable: true, description: 'The unit taking the post.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The person taking the post.' })
  @IsOptional()
  @IsUUID()
  personId?: string | null;

  @Field({ description: 'Name of the holder.' })
  @IsString()
  @Length(1, 200)
  holderName: string;

  @Field({ description: 'First day in office (YYYY-MM-DD).' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'Last day in office (YYYY-MM-DD).' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  endsOn?: string | null;
}

@InputType({ description: 'A new agenda item for a congress or council meeting.' })
export class AddAgendaItemInput {
  @Field(() => ID, { description: 'The meeting.' })
  @IsUUID()
  eventId: string;

  @Field({ description: 'Title.' })
  @IsString()
  @Length(1, 300)
  title: string;

  @Field(() => AgendaItemKind, { description: 'Kind; fixes the voting rule.' })
  @IsEnum(AgendaItemKind)
  kind: AgendaItemKind;

  @Field(() => [AppointmentInput], { nullable: true, description: 'Posts filled, for ELECTION and APPOINTMENT items.' })
  @IsOptional()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AppointmentInput)
  appointments?: AppointmentInput[] | null;
}

@InputType({ description: 'A vote for one seat on an open agenda item.' })
export class CastMeetingVoteInput {
  @Field(() => ID, { description: 'The agenda item.' })
  @IsUUID()
  agendaItemId: string;

  @Field(() => ID, { description: 'The seat voting: the council member unit (or person), or the member unit at a congress.' })
  @IsUUID()
  voterId: string;

  @Field(() => VotePosition, { description: 'The vote.' })
  @IsEnum(VotePosition)
  position: VotePosition;
}

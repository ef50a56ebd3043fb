import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class EventRangeQuery {
  @ApiProperty({ example: '2026-01-01', description: 'First day (YYYY-MM-DD, Asia/Shanghai), inclusive.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date YYYY-MM-DD' })
  from: string;

  @ApiProperty({ example: '2026-12-31', description: 'Last day (YYYY-MM-DD, Asia/Shanghai), inclusive; at most 366 days after from.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date YYYY-MM-DD' })
  to: string;
}

export class EventOrganizerResource {
  @ApiProperty({ description: 'Name as printed on the programme.' })
  name: string;

  @ApiProperty({ enum: ['GUIDANCE', 'HOST', 'ORGANIZER', 'CO_ORGANIZER', 'SUPPORTER'], description: 'Role: 指导, 主办, 承办, 协办, 支持.' })
  role: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The organization, when known to the association.' })
  organizationId: string | null;
}

export class EventResource {
  @ApiProperty({ format: 'uuid', description: 'Identifier.' })
  id: string;

  @ApiProperty({ enum: ['MEMBER_CONGRESS', 'COUNCIL_MEETING', 'FORUM', 'COMPETITION', 'TRAINING', 'POLICY_BRIEFING', 'VISIT', 'PUBLICITY_WEEK'], description: 'Kind of event.' })
  category: string;

  @ApiProperty({ description: 'Title.' })
  title: string;

  @ApiProperty({ type: String, nullable: true, description: 'Venue.' })
  venue: string | null;

  @ApiProperty({ format: 'date-time', description: 'Start.' })
  startsAt: string;

  @ApiProperty({ format: 'date-time', description: 'End.' })
  endsAt: string;

  @ApiProperty({ enum: ['PUBLIC', 'MEMBERS_ONLY'], description: 'Who could register.' })
  audience: string;

  @ApiProperty({ description: 'Status.' })
  status: string;

  @ApiProperty({ type: Number, nullable: true, description: 'Seats; null for unlimited.' })
  capacity: number | null;

  @ApiProperty({ type: [EventOrganizerResource], description: 'Organizers with their roles.' })
  organizers: EventOrganizerResource[];

  @ApiProperty({ description: 'Confirmed registrations.' })
  confirmedCount: number;

  @ApiProperty({ description: 'Registrations recorded as attending.' })
  attendedCount: number;
}

export class AssociationEventList {
  @ApiProperty({ type: [EventResource], description: 'Public and member events overlapping the range, soonest first.' })
  data: EventResource[];
}

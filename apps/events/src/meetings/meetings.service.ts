import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Identity, Role, rolesIn, requireReadAccess, requireRole } from '@app/auth';
import { NotFoundError, chinaDateOf } from '@app/common';
import { OutboxService } from '@app/messaging';
import type { Position } from '@app/voting';
import { EventCategory } from '../catalog/event-category';
import { MemberDirectoryService } from '../directory/member-directory.service';
import { EventEntity } from '../events/entities/event.entity';
import { EventCancelledError } from '../events/events.exception';
import { EVENT_MANAGERS, EventsService } from '../events/events.service';
import { Attendance } from '../registrations/dtos/registration.dto';
import { AgendaItemEntity } from './entities/agenda-item.entity';
import type { AddAgendaItemInput, AgendaItemDTO, CastMeetingVoteInput, CouncilPost, MeetingMinutesDTO } from './dtos/meeting.dto';
import {
  AlreadyVotedError,
  InvalidAppointmentsError,
  NoElectorateError,
  NotAMeetingError,
  NotInElectorateError,
  NotYourSeatError,
  QuorumNotMetError,
  VoteNotOpenError,
  VoteNotPendingError,
  VoterNotPresentError,
} from './meetings.exception';
import { AgendaItemKind, AgendaItemStatus, RULES_BY_NAME, decide, quorumStatus, resultLabel, ruleForKind } from './resolution-rules';

const MEETINGS: readonly EventCategory[] = [EventCategory.MEMBER_CONGRESS, EventCategory.COUNCIL_MEETING];

export function toAgendaItemDTO(item: AgendaItemEntity): AgendaItemDTO {
  return {
    id: item.id,
    eventId: item.eventId,
    position: item.position,
    title: item.title,
    kind: item.kind,
    rule: item.rule,
    status: item.status,
    result: resultLabel(item.status),
    electorateSize: item.electorateSize,
    presentCount: item.presentCount,
    yes: item.yes,
    no: item.no,
    abstain: item.abstain,
    explanation: item.explanation,
    appointments: item.appointments.map((a) => ({ ...a, post: a.post as CouncilPost })),
  };
}

@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly events: EventsService,
    private readonly directory: MemberDirectoryService,
  ) {}

  async addAgendaItem(caller: Identity | undefined, input: AddAgendaItemInput): Promise<AgendaItemDTO> {
    const item = await this.dataSource.transaction(async (manager) => {
      const event = await this.events.lockManaged(manager, caller, input.eventId);
      if (!MEETINGS.includes(event.category)) throw new NotAMeetingError();
      if (event.status === 'CANCELLED') throw new EventCancelledError();
      const appointments = input.appointments ?? [];
      const fillsPosts = input.kind === AgendaItemKind.ELECTION || input.kind === AgendaItemKind.APPOINTMENT;
      if (fillsPosts && appointments.length === 0) throw new InvalidAppointmentsError('An election or appointment item names the posts it fills.');
      if (!fillsPosts && appointments.length > 0) throw new InvalidAppointmentsError('Only election and appointment items fill posts.');
      for (const a of appointments) {
        if (!a.organizationId && !a.personId) throw new InvalidAppointmentsError(`The holder of ${a.post} must be a unit or a person.`);
        if (a.endsOn && a.endsOn < a.startsOn) throw new InvalidAppointmentsError(`The term of ${a.post} ends before it starts.`);
      }
      const [{ next }] = (await manager.query(`SELECT COALESCE(max(position), 0) + 1 AS next FROM events.agenda_item WHERE event_id = $1`, [event.id])) as Array<{ next: number }>;
      return manager.save(
        manager.create(AgendaItemEntity, {
          associationId: event.associationId,
          eventId: event.id,
          position: Number(next),
          title: input.title.trim(),
          kind: input.kind,
          rule: ruleForKind(input.kind).name,
          appointments: appointments.map((a) => ({
            councilTermId: a.councilTermId ?? null,
            post: a.post,
            organizationId: a.organizationId ?? null,
            personId: a.personId ?? null,
            holderName: a.holderName.trim(),
            startsOn: a.startsOn,
            endsOn: a.endsOn ?? null,
          })),
          status: AgendaItemStatus.PENDING,
        }),
      );
    });
    return toAgendaItemDTO(item);
  }

  /** Who may vote: council seats holding office on the meeting date, or ACTIVE member units at a congress. */
  private electorate(manager: EntityManager, event: EventEntity): Promise<string[]> {
    return event.category === EventCategory.COUNCIL_MEETING
      ? this.directory.councilSeatsOn(manager, event.associationId, chinaDateOf(event.startsAt))
      : this.directory.activeMemberUnits(manager, event.associationId);
  }

  /** Seats attending: confirmed registrations recorded present, or by proxy where the event allows it. */
  private async attendingSeats(manager: EntityManager, event: EventEntity): Promise<string[]> {
    const rows: Array<{ seat: string }> = await manager.query(
      `SELECT DISTINCT COALESCE(organization_id, person_id) AS seat FROM events.registration
        WHERE event_id = $1 AND status = 'CONFIRMED' AND COALESCE(organization_id, person_id) IS NOT NULL
          AND (attendance = 'PRESENT' OR (attendance = 'PROXY' AND $2))`,
      [event.id, event.allowProxy],
    );
    return rows.map((r) => r.seat);
  }

  private async lockItem(manager: EntityManager, agendaItemId: string): Promise<{ event: EventEntity; item: AgendaItemEntity }> {
    const probe = await manager.findOne(AgendaItemEntity, { where: { id: agendaItemId }, select: { id: true, eventId: true } });
    if (!probe) throw new NotFoundError('AgendaItem', agendaItemId);
    const event = (await manager.findOne(EventEntity, { where: { id: probe.eventId }, lock: { mode: 'pessimistic_write' } }))!;
    const item = (await manager.findOne(AgendaItemEntity, { where: { id: agendaItemId }, lock: { mode: 'pessimistic_write' } }))!;
    return { event, item };
  }

  async openVote(caller: Identity | undefined, agendaItemId: string): Promise<AgendaItemDTO> {
    const item = await this.dataSource.transaction(async (manager) => {
      const { event, item } = await this.lockItem(manager, agendaItemId);
      requireRole(caller, event.associationId, EVENT_MANAGERS);
      if (event.status === 'CANCELLED') throw new EventCancelledError();
      if (item.status !== AgendaItemStatus.PENDING) throw new VoteNotPendingError(item.status);
      const roll = await this.electorate(manager, event);
      if (roll.length === 0) throw new NoElectorateError();
      const present = await this.attendingSeats(manager, event);
      const quorum = quorumStatus(RULES_BY_NAME[item.rule], roll, present, new Date());
      if (!quorum.quorumMet) throw new QuorumNotMetError(quorum.quorumCount ?? 0, quorum.quorumRequired ?? 0, quorum.electorate);
      item.status = AgendaItemStatus.VOTING;
      item.electorateRoll = roll;
      item.electorateSize = roll.length;
      item.openedAt = new Date();
      return manager.save(item);
    });
    return toAgendaItemDTO(item);
  }

  async castVote(caller: Identity | undefined, input: CastMeetingVoteInput): Promise<AgendaItemDTO> {
    const item = await this.dataSource.transaction(async (manager) => {
      const { event, item } = await this.lockItem(manager, input.agendaItemId);
      const actor = requireRole(caller, event.associationId, [...EVENT_MANAGERS, Role.COUNCIL_MEMBER, Role.MEMBER_REP]);
      const manages = actor.platformAdmin || rolesIn(actor, event.associationId).some((r) => EVENT_MANAGERS.includes(r));
      if (!manages) {
        // A council member votes for the seat its grant names; at a congress, a unit's representative for its unit.
        const seatRole = event.category === EventCategory.COUNCIL_MEETING ? Role.COUNCIL_MEMBER : Role.MEMBER_REP;
        const seats = actor.grants.filter((g) => g.associationId === event.associationId && g.role === seatRole && g.organizationId).map((g) => g.organizationId);
        if (!seats.includes(input.voterId)) throw new NotYourSeatError();
      }
      if (item.status !== AgendaItemStatus.VOTING) throw new VoteNotOpenError(item.status);
      if (!item.electorateRoll!.includes(input.voterId)) throw new NotInElectorateError();
      if (!(await this.attendingSeats(manager, event)).includes(input.voterId)) throw new VoterNotPresentError();
      const inserted: unknown[] = await manager.query(
        `INSERT INTO events.meeting_vote (agenda_item_id, voter_id, association_id, position, cast_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (agenda_item_id, voter_id) DO NOTHING RETURNING voter_id`,
        [item.id, input.voterId, item.associationId, input.position, actor.accountId],
      );
      if (inserted.length === 0) throw new AlreadyVotedError();
      return item;
    });
    return toAgendaItemDTO(item);
  }

  async closeVote(caller: Identity | undefined, agendaItemId: string): Promise<AgendaItemDTO> {
    const item = await this.dataSource.transaction(async (manager) => {
      const { event, item } = await this.lockItem(manager, agendaItemId);
      requireRole(caller, event.associationId, EVENT_MANAGERS);
      if (item.status !== AgendaItemStatus.VOTING) throw new VoteNotOpenError(item.status);
      const roll = item.electorateRoll!;
      const present = (await this.attendingSeats(manager, event)).filter((s) => roll.includes(s));
      const votes: Array<{ voter_id: string; position: Position }> = await manager.query(`SELECT voter_id, position FROM events.meeting_vote WHERE agenda_item_id = $1`, [item.id]);
      // A seat that left before the close no longer counts, nor does its ballot.
      const ballots = votes.filter((v) => present.includes(v.voter_id)).map((v) => ({ voterId: v.voter_id, position: v.position }));
      const outcome = decide(RULES_BY_NAME[item.rule], roll, present, ballots, item.openedAt ?? new Date());
      item.status = outcome.passed ? AgendaItemStatus.ADOPTED : AgendaItemStatus.REJECTED;
      item.presentCount = outcome.present;
      item.yes = outcome.yes;
      item.no = outcome.no;
      item.abstain = outcome.abstain;
      item.explanation = outcome.explanation;
      item.closedAt = new Date();
      const saved = await manager.save(item);
      if (outcome.passed) {
        await this.outbox.record(manager, {
          type: 'events.meeting.resolution-adopted',
          associationId: item.associationId,
          payload: {
            eventId: event.id,
            agendaItemId: item.id,
            kind: item.kind,
            title: item.title,
            adoptedOn: chinaDateOf(event.startsAt),
            votes: { yes: outcome.yes, no: outcome.no, abstain: outcome.abstain, present: outcome.present ?? 0, electorate: outcome.electorate },
            appointments: item.appointments,
          },
        });
      }
      return saved;
    });
    return toAgendaItemDTO(item);
  }

  async agenda(caller: Identity | undefined, eventId: string): Promise<AgendaItemDTO[]> {
    const event = await this.dataSource.getRepository(EventEntity).findOne({ where: { id: eventId } });
    if (!event) throw new NotFoundError('Event', eventId);
    requireReadAccess(caller, event.associationId);
    const items = await this.dataSource.getRepository(AgendaItemEntity).find({ where: { eventId }, order: { position: 'ASC' } });
    return items.map(toAgendaItemDTO);
  }

  async minutes(caller: Identity | undefined, eventId: string): Promise<MeetingMinutesDTO> {
    const event = await this.dataSource.getRepository(EventEntity).findOne({ where: { id: eventId } });
    if (!event) throw new NotFoundError('Event', eventId);
    requireReadAccess(caller, event.associationId);
    if (!MEETINGS.includes(event.category)) throw new NotAMeetingError();
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const roll = await this.electorate(manager, event);
      const rows: Array<{ attendee_name: string; organization_id: string | null; person_id: string | null; attendance: Attendance | null; proxy_holder_name: string | null }> = await manager.query(
        `SELECT attendee_name, organization_id, person_id, attendance, proxy_holder_name FROM events.registration
          WHERE event_id = $1 AND status = 'CONFIRMED' ORDER BY created_at, id`,
        [event.id],
      );
      const seatOf = (r: { organization_id: string | null; person_id: string | null }) => r.organization_id ?? r.person_id;
      const inPerson = new Set(rows.filter((r) => r.attendance === Attendance.PRESENT && roll.includes(seatOf(r) ?? '')).map(seatOf));
      const byProxy = new Set(rows.filter((r) => r.attendance === Attendance.PROXY && event.allowProxy && roll.includes(seatOf(r) ?? '') && !inPerson.has(seatOf(r))).map(seatOf));
      const rule = ruleForKind(AgendaItemKind.GENERAL);
      const quorum = roll.length > 0 ? quorumStatus(rule, roll, [...inPerson, ...byProxy] as string[], new Date()) : null;
      const items = await manager.find(AgendaItemEntity, { where: { eventId }, order: { position: 'ASC' } });
      return {
        eventId: event.id,
        title: event.title,
        category: event.category,
        meetingDate: chinaDateOf(event.startsAt),
        venue: event.venue,
        electorateSize: roll.length,
        presentCount: inPerson.size,
        proxyCount: byProxy.size,
        absentCount: roll.length - inPerson.size - byProxy.size,
        quorumRequired: quorum?.quorumRequired ?? 0,
        quorumMet: quorum?.quorumMet ?? false,
        attendance: rows.map((r) => ({ name: r.attendee_name, organizationId: r.organization_id, attendance: r.attendance, proxyHolderName: r.proxy_holder_name })),
        items: items.map(toAgendaItemDTO),
      };
    });
  }
}

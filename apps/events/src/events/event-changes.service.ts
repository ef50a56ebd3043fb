import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Identity, requireIdentity, requireRole } from '@app/auth';
import { NotFoundError } from '@app/common';
import { OutboxService } from '@app/messaging';
import { SeatsService } from '../registrations/seats.service';
import { EventChangeEntity, type EventChangeKindName, type EventFieldValues } from './entities/event-change.entity';
import { EventEntity } from './entities/event.entity';
import { EventChangeKind, type EventChangeDTO } from './dtos/event-change.dto';
import type { EventDTO, UpdateEventInput } from './dtos/event.dto';
import { CHANGEABLE_FIELDS, type ChangeableValues, type EventPatch, capacityHoldsSeats, changeRefusal, diffEvent, normalizedReason, scheduleProblem } from './event-changes';
import { CapacityBelowSeatsHeldError, EventAlreadyHeldError, EventCancelledError, EventOverError, InvalidScheduleError, ReasonRequiredError } from './events.exception';
import { EVENT_MANAGERS, EventsService } from './events.service';

const FIELD_ORDER: readonly string[] = [...CHANGEABLE_FIELDS, 'status'];

function valuesOf(event: EventEntity): ChangeableValues {
  return {
    title: event.title,
    description: event.description,
    venue: event.venue,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    capacity: event.capacity,
    cancellationCutoffAt: event.cancellationCutoffAt,
  };
}

/** The input as a patch: left out keeps; null clears where the field may be empty (title and times cannot be). */
function patchOf(input: UpdateEventInput): EventPatch {
  return {
    title: input.title == null ? undefined : input.title.trim(),
    description: input.description,
    venue: input.venue,
    startsAt: input.startsAt ?? undefined,
    endsAt: input.endsAt ?? undefined,
    capacity: input.capacity,
    cancellationCutoffAt: input.cancellationCutoffAt,
  };
}

function shown(value: string | number | null | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}

export function toEventChangeDTO(change: EventChangeEntity): EventChangeDTO {
  const fields = [...new Set([...Object.keys(change.before), ...Object.keys(change.after)])];
  const rank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);
  fields.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return {
    id: change.id,
    eventId: change.eventId,
    revision: change.revision,
    kind: change.kind as EventChangeKind,
    reason: change.reason,
    changes: fields.map((field) => ({ field, before: shown(change.before[field]), after: shown(change.after[field]) })),
    actorAccountId: change.actorAccountId,
    at: change.at,
  };
}

/**
 * Changes to an event after creation by its association's events staff: new times, venue or capacity,
 * and calling it off. Each change bumps the event's revision, is kept as an append-only history row and,
 * once the event has been published, announced through the outbox, all in one transaction under the
 * event row lock (the lock registrations take too).
 */
@Injectable()
export class EventChangesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly events: EventsService,
    private readonly seats: SeatsService,
  ) {}

  async update(caller: Identity | undefined, input: UpdateEventInput): Promise<EventDTO> {
    await this.dataSource.transaction(async (manager) => {
      const event = await this.events.lockManaged(manager, caller, input.eventId);
      const actor = requireIdentity(caller);
      const now = new Date();
      this.assertChangeable(event, now);
      const reason = normalizedReason(input.reason);
      if (event.status === 'PUBLISHED' && !reason) throw new ReasonRequiredError();
      const diff = diffEvent(valuesOf(event), patchOf(input));
      const problem = scheduleProblem(diff.next);
      if (problem) throw new InvalidScheduleError(problem);
      if (diff.fields.length === 0) return;
      const capacityChanged = diff.fields.includes('capacity');
      if (capacityChanged) {
        const { held } = await this.seats.counts(manager, event.id);
        if (!capacityHoldsSeats(diff.next.capacity, held)) throw new CapacityBelowSeatsHeldError(diff.next.capacity!, held);
      }
      const startShiftMs = diff.fields.includes('startsAt') ? diff.next.startsAt.getTime() - event.startsAt.getTime() : 0;
      Object.assign(event, diff.next);
      event.revision += 1;
      event.updatedAt = now;
      await manager.save(event);
      // Moving the start moves the programme with it: every session keeps its place relative to the start.
      if (startShiftMs !== 0) {
        await manager.query(
          `UPDATE events.event_session SET starts_at = starts_at + make_interval(secs => $2), ends_at = ends_at + make_interval(secs => $2) WHERE event_id = $1`,
          [event.id, startShiftMs / 1000],
        );
      }
      await this.recordChange(manager, event, 'UPDATED', reason, diff.before, diff.after, actor.accountId, now);
      // More seats (or none lost): whoever waits longest gets the new seats offered, as when a seat is freed.
      if (capacityChanged) await this.seats.offerFreedSeats(manager, event, now);
      if (event.status === 'PUBLISHED') {
        await this.outbox.record(manager, {
          type: 'events.event.updated',
          associationId: event.associationId,
          payload: {
            eventId: event.id,
            revision: event.revision,
            changedFields: diff.fields,
            startsAt: event.startsAt.toISOString(),
            endsAt: event.endsAt.toISOString(),
            venue: event.venue,
            reason: reason!,
          },
        });
      }
    });
    return this.events.get(caller, input.eventId);
  }

  async cancel(caller: Identity | undefined, eventId: string, reasonInput: string): Promise<EventDTO> {
    await this.dataSource.transaction(async (manager) => {
      const event = await this.events.lockManaged(manager, caller, eventId);
      const actor = requireIdentity(caller);
      const now = new Date();
      this.assertChangeable(event, now);
      const reason = normalizedReason(reasonInput);
      if (!reason) throw new ReasonRequiredError('Say why the event is called off.');
      // Check-in updates registrations without the event lock: lock them all first, then look.
      await this.seats.lockAll(manager, event.id);
      const held = await this.heldEvidence(manager, event.id);
      if (held.attendanceRecorded > 0 || held.agendaItemsVoted > 0) throw new EventAlreadyHeldError(held);
      const previous = event.status;
      event.status = 'CANCELLED';
      event.cancelledAt = now;
      event.cancelledBy = actor.accountId;
      event.cancellationReason = reason;
      event.revision += 1;
      event.updatedAt = now;
      await manager.save(event);
      const registrationsCancelled = await this.seats.cancelAllActive(manager, event.id, now);
      await this.recordChange(manager, event, 'CANCELLED', reason, { status: previous }, { status: 'CANCELLED' }, actor.accountId, now);
      if (previous === 'PUBLISHED') {
        await this.outbox.record(manager, {
          type: 'events.event.cancelled',
          associationId: event.associationId,
          payload: { eventId: event.id, reason, registrationsCancelled },
        });
      }
    });
    return this.events.get(caller, eventId);
  }

  /** The history of an event, oldest change first; for its association's events staff. */
  async history(caller: Identity | undefined, eventId: string): Promise<EventChangeDTO[]> {
    const event = await this.dataSource.getRepository(EventEntity).findOne({ where: { id: eventId }, select: { id: true, associationId: true } });
    if (!event) throw new NotFoundError('Event', eventId);
    requireRole(caller, event.associationId, EVENT_MANAGERS);
    const changes = await this.dataSource.getRepository(EventChangeEntity).find({ where: { eventId }, order: { revision: 'ASC' } });
    return changes.map(toEventChangeDTO);
  }

  private assertChangeable(event: EventEntity, now: Date): void {
    const refusal = changeRefusal(event, now);
    if (refusal === 'EVENT_CANCELLED') throw new EventCancelledError();
    if (refusal === 'EVENT_OVER') throw new EventOverError();
  }

  /** Signs that the event took place: attendance recorded (check-in included), or a meeting vote opened on its agenda. */
  private async heldEvidence(manager: EntityManager, eventId: string): Promise<{ attendanceRecorded: number; agendaItemsVoted: number }> {
    const [row] = (await manager.query(
      `SELECT (SELECT count(*) FROM events.registration WHERE event_id = $1 AND (attendance IS NOT NULL OR checked_in_at IS NOT NULL))::int AS attendance_recorded,
              (SELECT count(*) FROM events.agenda_item a
                WHERE a.event_id = $1 AND (a.status <> 'PENDING' OR EXISTS (SELECT 1 FROM events.meeting_vote v WHERE v.agenda_item_id = a.id)))::int AS agenda_items_voted`,
      [eventId],
    )) as Array<{ attendance_recorded: number; agenda_items_voted: number }>;
    return { attendanceRecorded: row.attendance_recorded, agendaItemsVoted: row.agenda_items_voted };
  }

  private async recordChange(
    manager: EntityManager,
    event: EventEntity,
    kind: EventChangeKindName,
    reason: string | null,
    before: EventFieldValues,
    after: EventFieldValues,
    actorAccountId: string,
    at: Date,
  ): Promise<void> {
    await manager.insert(EventChangeEntity, { associationId: event.associationId, eventId: event.id, revision: event.revision, kind, reason, before, after, actorAccountId, at });
  }
}

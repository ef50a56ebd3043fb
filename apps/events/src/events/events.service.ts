import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { type Identity, Role, canRead, requireReadAccess, requireRole } from '@app/auth';
import { NotFoundError, isIsoDate, paginate, type ConnectionShape, type PageArgsInput } from '@app/common';
import { OutboxService } from '@app/messaging';
import { AudienceRule, EVENT_CATEGORIES } from '../catalog/event-category';
import { EventOrganizerEntity } from './entities/event-organizer.entity';
import { EventSessionEntity } from './entities/event-session.entity';
import { EventEntity } from './entities/event.entity';
import type { CreateEventInput, EventDTO } from './dtos/event.dto';
import { EventStatusValue } from './dtos/event.dto';
import { scheduleProblem } from './event-changes';
import { EventNotDraftError, InvalidDateRangeError, InvalidScheduleError, InviteesRequiredError } from './events.exception';

/** Roles that run events. */
export const EVENT_MANAGERS: readonly Role[] = [Role.ADMIN, Role.EVENTS_OFFICER];

/** Whether the event was ever published: drafts, and drafts called off, were never announced. */
export function wasAnnounced(event: Pick<EventEntity, 'status' | 'publishedAt'>): boolean {
  return event.status === 'PUBLISHED' || (event.status === 'CANCELLED' && event.publishedAt !== null);
}

@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async create(caller: Identity | undefined, input: CreateEventInput): Promise<EventDTO> {
    const actor = requireRole(caller, input.associationId, EVENT_MANAGERS);
    const problem = scheduleProblem(input);
    if (problem) throw new InvalidScheduleError(problem);
    for (const session of input.sessions ?? []) {
      if (session.endsAt.getTime() < session.startsAt.getTime()) throw new InvalidScheduleError(`Session "${session.title}" ends before it starts.`);
    }
    const defaults = EVENT_CATEGORIES.find((c) => c.category === input.category)!;
    const audience = input.audience ?? defaults.defaultAudience;
    if (audience === AudienceRule.INVITED && !input.invitedOrganizationIds?.length) {
      throw new InviteesRequiredError();
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const event = await manager.save(
        manager.create(EventEntity, {
          associationId: input.associationId,
          category: input.category,
          title: input.title.trim(),
          description: input.description ?? null,
          venue: input.venue ?? null,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          capacity: input.capacity ?? null,
          audience,
          invitedOrganizationIds: [...new Set(input.invitedOrganizationIds ?? [])],
          requiresApproval: input.requiresApproval ?? false,
          perUnitLimit: input.perUnitLimit ?? null,
          cancellationCutoffAt: input.cancellationCutoffAt ?? null,
          offerMinutes: input.offerMinutes ?? 1440,
          allowProxy: input.allowProxy ?? false,
          status: 'DRAFT',
          createdBy: actor.accountId,
        }),
      );
      const organizers = (input.organizers ?? []).map((o, position) =>
        manager.create(EventOrganizerEntity, { associationId: event.associationId, eventId: event.id, name: o.name.trim(), organizationId: o.organizationId ?? null, role: o.role, position }),
      );
      if (organizers.length) await manager.save(organizers);
      const sessions = (input.sessions ?? []).map((s) =>
        manager.create(EventSessionEntity, { associationId: event.associationId, eventId: event.id, title: s.title.trim(), startsAt: s.startsAt, endsAt: s.endsAt, location: s.location ?? null }),
      );
      if (sessions.length) await manager.save(sessions);
      return event.id;
    });
    return this.get(caller, id);
  }

  async publish(caller: Identity | undefined, eventId: string): Promise<EventDTO> {
    await this.dataSource.transaction(async (manager) => {
      const event = await this.lockManaged(manager, caller, eventId);
      if (event.status !== 'DRAFT') throw new EventNotDraftError(event.status);
      event.status = 'PUBLISHED';
      event.publishedAt = new Date();
      event.updatedAt = new Date();
      await manager.save(event);
      await this.outbox.record(manager, {
        type: 'events.event.published',
        associationId: event.associationId,
        payload: { eventId: event.id, category: event.category, title: event.title, audience: event.audience, startsAt: event.startsAt.toISOString(), endsAt: event.endsAt.toISOString() },
      });
    });
    return this.get(caller, eventId);
  }

  /** The event row locked for a change by events staff of its association. */
  async lockManaged(manager: EntityManager, caller: Identity | undefined, eventId: string): Promise<EventEntity> {
    const event = await manager.findOne(EventEntity, { where: { id: eventId }, lock: { mode: 'pessimistic_write' } });
    if (!event) throw new NotFoundError('Event', eventId);
    requireRole(caller, event.associationId, EVENT_MANAGERS);
    return event;
  }

  /**
   * Whether the caller may see the event at all: published (or published, then called off) public events
   * to anyone, others to the association's roles; drafts, and drafts called off, to staff only.
   */
  canSee(caller: Identity | undefined, event: EventEntity): boolean {
    if (!wasAnnounced(event)) {
      return !!caller && (caller.platformAdmin || caller.grants.some((g) => g.associationId === event.associationId && EVENT_MANAGERS.includes(g.role)));
    }
    return event.audience === AudienceRule.PUBLIC || canRead(caller, event.associationId);
  }

  async get(caller: Identity | undefined, eventId: string): Promise<EventDTO> {
    const event = await this.dataSource.getRepository(EventEntity).findOne({ where: { id: eventId } });
    if (!event || !this.canSee(caller, event)) throw new NotFoundError('Event', eventId);
    return (await this.toDTOs([event]))[0];
  }

  /** Published events from now on: public ones for anyone, all audiences for callers with a role in the association. */
  async upcoming(caller: Identity | undefined, associationId: string, page: PageArgsInput): Promise<ConnectionShape<EventDTO>> {
    const qb = this.dataSource
      .getRepository(EventEntity)
      .createQueryBuilder('e')
      .where('e.association_id = :associationId', { associationId })
      .andWhere(`e.status = 'PUBLISHED'`)
      .andWhere('e.ends_at >= now()');
    if (!canRead(caller, associationId)) qb.andWhere(`e.audience = 'PUBLIC'`);
    const connection = await paginate(qb, page, { createdAt: 'e.starts_at', id: 'e.id' }, (e: EventEntity) => e);
    const dtos = await this.toDTOs(connection.nodes);
    const byId = new Map(dtos.map((d) => [d.id, d]));
    return { ...connection, nodes: dtos, edges: connection.edges.map((edge) => ({ ...edge, node: byId.get(edge.node.id)! })) };
  }

  /** For regulators: published public and member events in a date range (Asia/Shanghai days), with organizers and attendance counts. */
  async inRange(caller: Identity | undefined, associationId: string, from: string, to: string): Promise<EventDTO[]> {
    requireReadAccess(caller, associationId);
    if (!isIsoDate(from) || !isIsoDate(to)) throw new InvalidDateRangeError('from and to must be calendar dates (YYYY-MM-DD).');
    if (from > to) throw new InvalidDateRangeError('from must not be after to.');
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (days > 366) throw new InvalidDateRangeError('The range may span at most 366 days.');
    const events = await this.dataSource.getRepository(EventEntity).query(
      `SELECT id FROM events.event
        WHERE association_id = $1 AND status = 'PUBLISHED' AND audience IN ('PUBLIC', 'MEMBERS_ONLY')
          AND starts_at < (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
          AND ends_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Shanghai')
        ORDER BY starts_at, id LIMIT 500`,
      [associationId, from, to],
    );
    const entities = await this.dataSource.getRepository(EventEntity).find({ where: { id: In(events.map((e: { id: string }) => e.id)) }, order: { startsAt: 'ASC', id: 'ASC' } });
    return this.toDTOs(entities);
  }

  async toDTOs(events: EventEntity[]): Promise<EventDTO[]> {
    if (events.length === 0) return [];
    const ids = events.map((e) => e.id);
    const [organizers, sessions, counts] = await Promise.all([
      this.dataSource.getRepository(EventOrganizerEntity).find({ where: { eventId: In(ids) }, order: { position: 'ASC' } }),
      this.dataSource.getRepository(EventSessionEntity).find({ where: { eventId: In(ids) }, order: { startsAt: 'ASC' } }),
      this.dataSource.query(
        `SELECT event_id,
                count(*) FILTER (WHERE status = 'CONFIRMED')::int AS confirmed,
                count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted,
                count(*) FILTER (WHERE attendance IN ('PRESENT', 'PROXY'))::int AS attended
           FROM events.registration WHERE event_id = ANY($1::uuid[]) GROUP BY event_id`,
        [ids],
      ) as Promise<Array<{ event_id: string; confirmed: number; waitlisted: number; attended: number }>>,
    ]);
    const countsById = new Map(counts.map((c) => [c.event_id, c]));
    return events.map((e) => ({
      id: e.id,
      associationId: e.associationId,
      category: e.category,
      title: e.title,
      description: e.description,
      venue: e.venue,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      capacity: e.capacity,
      audience: e.audience,
      requiresApproval: e.requiresApproval,
      perUnitLimit: e.perUnitLimit,
      cancellationCutoffAt: e.cancellationCutoffAt,
      offerMinutes: e.offerMinutes,
      allowProxy: e.allowProxy,
      status: e.status as EventStatusValue,
      revision: e.revision,
      cancelledAt: e.cancelledAt,
      cancellationReason: e.cancellationReason,
      organizers: organizers.filter((o) => o.eventId === e.id).map((o) => ({ name: o.name, organizationId: o.organizationId, role: o.role })),
      sessions: sessions.filter((s) => s.eventId === e.id).map((s) => ({ id: s.id, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt, location: s.location })),
      confirmedCount: countsById.get(e.id)?.confirmed ?? 0,
      waitlistCount: countsById.get(e.id)?.waitlisted ?? 0,
      attendedCount: countsById.get(e.id)?.attended ?? 0,
    }));
  }
}

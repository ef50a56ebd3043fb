import { Controller, Get, Header, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CurrentIdentity, type Identity, Public, canRead } from '@app/auth';
import { EventEntity } from '../events/entities/event.entity';
import { EventsService, wasAnnounced } from '../events/events.service';
import { EVENT_CATEGORIES } from '../catalog/event-category';
import { renderCalendar, type CalendarEntry } from './ical';

function entryOf(event: EventEntity): CalendarEntry {
  return {
    uid: `${event.id}@events.zilv`,
    title: event.title,
    description: event.description,
    location: event.venue,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    updatedAt: event.updatedAt,
    sequence: event.revision,
    status: event.status === 'CANCELLED' ? 'CANCELLED' : 'CONFIRMED',
    categories: [EVENT_CATEGORIES.find((c) => c.category === event.category)?.label ?? event.category],
  };
}

/**
 * iCalendar feeds (text/calendar). Without a token only public events appear; with a token of a role
 * in the association its member and council events too. Drafts never do, nor drafts called off; a
 * published event called off stays with STATUS:CANCELLED, and SEQUENCE is the event's revision.
 */
@Public()
@Controller('calendar')
export class CalendarController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
  ) {}

  @Get('associations/:associationId/events.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  async associationFeed(@CurrentIdentity() caller: Identity | undefined, @Param('associationId', new ParseUUIDPipe()) associationId: string): Promise<string> {
    const qb = this.dataSource
      .getRepository(EventEntity)
      .createQueryBuilder('e')
      .where('e.association_id = :associationId', { associationId })
      .andWhere(`(e.status = 'PUBLISHED' OR (e.status = 'CANCELLED' AND e.published_at IS NOT NULL))`)
      .andWhere(`e.ends_at >= now() - interval '90 days'`)
      .orderBy('e.starts_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .take(1000);
    if (!canRead(caller, associationId)) qb.andWhere(`e.audience = 'PUBLIC'`);
    const events = await qb.getMany();
    return renderCalendar({ name: '协会活动', generatedAt: new Date(), entries: events.map(entryOf) });
  }

  /** One event; 404 (a plain HTTP error, as this is no GraphQL operation) when it is unknown, never announced or not visible. */
  @Get('events/:eventId/event.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  async eventFeed(@CurrentIdentity() caller: Identity | undefined, @Param('eventId', new ParseUUIDPipe()) eventId: string): Promise<string> {
    const event = await this.dataSource.getRepository(EventEntity).findOne({ where: { id: eventId } });
    if (!event || !wasAnnounced(event) || !this.events.canSee(caller, event)) throw new NotFoundException(`Event ${eventId} was not found.`);
    return renderCalendar({ name: event.title, generatedAt: new Date(), entries: [entryOf(event)] });
  }
}

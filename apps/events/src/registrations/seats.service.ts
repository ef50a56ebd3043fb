import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '@app/database';
import type { EventEntity } from '../events/entities/event.entity';
import { ACTIVE_STATUSES, SEAT_HOLDING_STATUSES, offerDeadline, seatsToOffer } from './registration-policy';

/**
 * An event's seats and waitlist, for whoever changes them: registrations (cancel, refuse, lapse) and
 * events staff (capacity, cancellation). Every method expects the caller to hold the event row lock.
 */
@Injectable()
export class SeatsService {
  /** Seats held (pending approval, confirmed, offered) and registrations waiting for one. */
  async counts(manager: EntityManager, eventId: string): Promise<{ held: number; waiting: number }> {
    const [counts] = (await manager.query(
      `SELECT count(*) FILTER (WHERE status = ANY($2::text[]))::int AS held, count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waiting
         FROM events.registration WHERE event_id = $1`,
      [eventId, SEAT_HOLDING_STATUSES],
    )) as Array<{ held: number; waiting: number }>;
    return counts;
  }

  /** Offers every free seat to the waitlist, oldest first; returns how many were offered. */
  async offerFreedSeats(manager: EntityManager, event: EventEntity, now: Date): Promise<number> {
    const counts = await this.counts(manager, event.id);
    const n = seatsToOffer({ capacity: event.capacity, seatsHeld: counts.held, waiting: counts.waiting });
    if (n === 0) return 0;
    const offered = await updateReturning<{ id: string }>(
      manager,
      `UPDATE events.registration SET status = 'OFFERED', offer_expires_at = $3, updated_at = $4
        WHERE id IN (SELECT id FROM events.registration WHERE event_id = $1 AND status = 'WAITLISTED' ORDER BY waitlisted_at, created_at, id LIMIT $2)
        RETURNING id`,
      [event.id, n, offerDeadline(now, event.offerMinutes), now],
    );
    return offered.length;
  }

  /** Locks every registration of the event, so attendance recorded concurrently is seen before deciding. */
  async lockAll(manager: EntityManager, eventId: string): Promise<void> {
    await manager.query(`SELECT id FROM events.registration WHERE event_id = $1 ORDER BY id FOR UPDATE`, [eventId]);
  }

  /** Ends every active registration (pending approval, confirmed, waitlisted, offered) as CANCELLED, offers cleared; returns how many. */
  async cancelAllActive(manager: EntityManager, eventId: string, now: Date): Promise<number> {
    const cancelled = await updateReturning<{ id: string }>(
      manager,
      `UPDATE events.registration SET status = 'CANCELLED', offer_expires_at = NULL, updated_at = $3
        WHERE event_id = $1 AND status = ANY($2::text[]) RETURNING id`,
      [eventId, ACTIVE_STATUSES, now],
    );
    return cancelled.length;
  }
}

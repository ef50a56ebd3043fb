import { createHash, randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Identity, Role, rolesIn, requireIdentity, requireRole } from '@app/auth';
import { NotFoundError, paginate, type ConnectionShape, type PageArgsInput, maskEmail, maskName, maskPhone, chinaDateOf } from '@app/common';
import { OutboxService } from '@app/messaging';
import { updateReturning } from '@app/database';
import { AudienceRule, EventCategory } from '../catalog/event-category';
import { MemberDirectoryService } from '../directory/member-directory.service';
import { EventEntity } from '../events/entities/event.entity';
import { EventCancelledError } from '../events/events.exception';
import { EVENT_MANAGERS, EventsService } from '../events/events.service';
import { RegistrationEntity } from './entities/registration.entity';
import {
  Attendance,
  type AttendanceCertificateDTO,
  type RecordAttendanceInput,
  type RegisterForEventInput,
  type RegistrationDTO,
  type RegistrationTicketDTO,
} from './dtos/registration.dto';
import {
  ACTIVE_STATUSES,
  RegistrationStatus,
  SEAT_HOLDING_STATUSES,
  cancellationAllowed,
  holdsSeat,
  offerIsOpen,
  placeNewRegistration,
  statusOnAcceptingOffer,
} from './registration-policy';
import { SeatsService } from './seats.service';
import {
  AlreadyCheckedInError,
  AlreadyRegisteredError,
  AudienceRefusedError,
  CancellationClosedError,
  ContactRequiredError,
  NoOpenOfferError,
  NotATrainingError,
  NotConfirmedError,
  NotPendingApprovalError,
  NotYourOrganizationError,
  NotYourRegistrationError,
  OfferLapsedError,
  ProxyNotAllowedError,
  RegistrationClosedError,
  RegistrationNotActiveError,
  UnitLimitReachedError,
} from './registrations.exception';

function eventScope(eventId: string): string {
  return `${eventId}:`;
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** 10 characters of Crockford base32: unguessable, easy to read out. */
function newCertificateNumber(year: number): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(10);
  return `ZL${year}-${[...bytes].map((b) => alphabet[b % 32]).join('')}`;
}

export function toRegistrationDTO(r: RegistrationEntity, masked: boolean): RegistrationDTO {
  return {
    id: r.id,
    eventId: r.eventId,
    organizationId: r.organizationId,
    personId: r.personId,
    attendeeName: masked ? (maskName(r.attendeeName) ?? '*') : r.attendeeName,
    attendeeEmail: masked ? maskEmail(r.attendeeEmail) : r.attendeeEmail,
    attendeePhone: masked ? maskPhone(r.attendeePhone) : r.attendeePhone,
    status: r.status,
    offerExpiresAt: r.offerExpiresAt,
    checkedInAt: r.checkedInAt,
    attendance: r.attendance as Attendance | null,
    proxyHolderName: r.proxyHolderName,
    certificateNumber: r.certificateNumber,
    createdAt: r.createdAt,
  };
}

function isManager(caller: Identity | undefined, associationId: string): boolean {
  return !!caller && (caller.platformAdmin || rolesIn(caller, associationId).some((r) => EVENT_MANAGERS.includes(r)));
}

/** Organizations the caller represents in the association (MEMBER_REP grants, and council seats named on COUNCIL_MEMBER grants). */
function representedOrganizations(caller: Identity | undefined, associationId: string, roles: readonly Role[] = [Role.MEMBER_REP, Role.COUNCIL_MEMBER]): string[] {
  if (!caller) return [];
  return caller.grants.filter((g) => g.associationId === associationId && roles.includes(g.role) && g.organizationId).map((g) => g.organizationId!);
}

@Injectable()
export class RegistrationsService {
  private readonly logger = new Logger(RegistrationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly events: EventsService,
    private readonly directory: MemberDirectoryService,
    private readonly seats: SeatsService,
  ) {}

  async register(caller: Identity | undefined, input: RegisterForEventInput): Promise<RegistrationTicketDTO> {
    const token = newToken();
    const registration = await this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(EventEntity, { where: { id: input.eventId } });
      if (!found || !this.events.canSee(caller, found)) throw new NotFoundError('Event', input.eventId);
      const associationId = found.associationId;
      const manages = isManager(caller, associationId);
      const represented = representedOrganizations(caller, associationId);
      const organizationId = input.organizationId ?? represented[0] ?? null;
      if (input.organizationId && !manages && !represented.includes(input.organizationId)) throw new NotYourOrganizationError();
      if (input.personId && !manages) throw new NotYourOrganizationError();
      if (caller && rolesIn(caller, associationId).length > 0 && rolesIn(caller, associationId).every((r) => r === Role.REGULATOR) && !caller.platformAdmin) {
        throw new NotYourOrganizationError();
      }
      await this.assertAudience(manager, caller, found, organizationId, input.personId ?? null);
      const email = input.attendeeEmail?.trim().toLowerCase() || null;
      const phone = input.attendeePhone?.replace(/[\s-]/g, '') || null;
      const identityKey = email ?? (phone ? `tel:${phone}` : null) ?? (input.personId ? `person:${input.personId}` : null) ?? (caller && !manages ? `account:${caller.accountId}` : null);
      if (!identityKey) throw new ContactRequiredError();
      // Only a digest is kept for the one-registration-per-person rule, so it outlives the contact data.
      const personKey = createHash('sha256').update(`${eventScope(input.eventId)}${identityKey}`).digest('hex');

      // One registration at a time per event: the event row lock makes counting seats and inserting atomic.
      const event = (await manager.findOne(EventEntity, { where: { id: input.eventId }, lock: { mode: 'pessimistic_write' } }))!;
      const now = new Date();
      if (event.status === 'CANCELLED') throw new EventCancelledError();
      if (event.status !== 'PUBLISHED') throw new RegistrationClosedError('The event is not open for registration.');
      if (event.startsAt.getTime() <= now.getTime()) throw new RegistrationClosedError('The event has already started.');
      const [counts] = (await manager.query(
        `SELECT count(*) FILTER (WHERE status = ANY($2::text[]))::int AS held,
                count(*) FILTER (WHERE person_key = $3 AND status = ANY($4::text[]))::int AS mine,
                count(*) FILTER (WHERE $5::uuid IS NOT NULL AND organization_id = $5::uuid AND status = ANY($4::text[]))::int AS unit
           FROM events.registration WHERE event_id = $1`,
        [event.id, SEAT_HOLDING_STATUSES, personKey, ACTIVE_STATUSES, organizationId],
      )) as Array<{ held: number; mine: number; unit: number }>;
      if (counts.mine > 0) throw new AlreadyRegisteredError();
      if (organizationId && event.perUnitLimit !== null && counts.unit >= event.perUnitLimit) throw new UnitLimitReachedError(event.perUnitLimit);
      const status = placeNewRegistration({ capacity: event.capacity, seatsHeld: counts.held, requiresApproval: event.requiresApproval });
      const saved = await manager.save(
        manager.create(RegistrationEntity, {
          associationId,
          eventId: event.id,
          organizationId,
          personId: input.personId ?? null,
          accountId: caller?.accountId ?? null,
          attendeeName: input.attendeeName.trim(),
          attendeeEmail: email,
          attendeePhone: phone,
          personKey,
          status,
          waitlistedAt: status === RegistrationStatus.WAITLISTED ? now : null,
          offerExpiresAt: null,
          checkInTokenHash: hashToken(token),
        }),
      );
      if (status === RegistrationStatus.CONFIRMED) await this.recordConfirmed(manager, saved);
      return saved;
    });
    return { registration: toRegistrationDTO(registration, false), checkInToken: token };
  }

  private async assertAudience(manager: EntityManager, caller: Identity | undefined, event: EventEntity, organizationId: string | null, personId: string | null): Promise<void> {
    const { associationId } = event;
    switch (event.audience) {
      case AudienceRule.PUBLIC:
        return;
      case AudienceRule.MEMBERS_ONLY: {
        if (organizationId && (await this.directory.isActiveMemberUnit(manager, associationId, organizationId))) return;
        if (personId && (await this.directory.isIndividualMember(manager, associationId, personId))) return;
        if (!organizationId && !personId && rolesIn(caller, associationId).includes(Role.INDIVIDUAL_MEMBER)) return;
        throw new AudienceRefusedError('AUDIENCE_MEMBERS_ONLY', 'Only members of the association (units with ACTIVE membership) may register.');
      }
      case AudienceRule.COUNCIL_ONLY: {
        const seat = organizationId ?? personId;
        const seats = await this.directory.councilSeatsOn(manager, associationId, chinaDateOf(event.startsAt));
        if (seat && seats.includes(seat)) return;
        throw new AudienceRefusedError('AUDIENCE_COUNCIL_ONLY', 'Only council members holding office on the meeting date may register.');
      }
      case AudienceRule.INVITED:
        if (organizationId && event.invitedOrganizationIds.includes(organizationId)) return;
        throw new AudienceRefusedError('AUDIENCE_INVITED_ONLY', 'Only invited organizations may register.');
    }
  }

  private async recordConfirmed(manager: EntityManager, registration: RegistrationEntity): Promise<void> {
    await this.outbox.record(manager, {
      type: 'events.registration.confirmed',
      associationId: registration.associationId,
      payload: { eventId: registration.eventId, registrationId: registration.id, organizationId: registration.organizationId, confirmedAt: new Date().toISOString() },
    });
  }

  /** Loads a registration for its registrant (account, unit, or check-in token) or events staff; locks the event first, then the registration. */
  private async lockForRegistrant(manager: EntityManager, caller: Identity | undefined, registrationId: string, token: string | null | undefined, lock = true): Promise<{ event: EventEntity; registration: RegistrationEntity; manages: boolean }> {
    const probe = await manager.findOne(RegistrationEntity, { where: { id: registrationId }, select: { id: true, eventId: true, associationId: true } });
    if (!probe) throw new NotFoundError('Registration', registrationId);
    const event = (await manager.findOne(EventEntity, { where: { id: probe.eventId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) }))!;
    const query = manager.createQueryBuilder(RegistrationEntity, 'r').addSelect('r.checkInTokenHash').where('r.id = :id', { id: registrationId });
    if (lock) query.setLock('pessimistic_write');
    const registration = (await query.getOne())!;
    const manages = isManager(caller, registration.associationId);
    const owns =
      manages ||
      (!!caller && registration.accountId === caller.accountId) ||
      (!!registration.organizationId && representedOrganizations(caller, registration.associationId, [Role.MEMBER_REP]).includes(registration.organizationId)) ||
      (!!token && hashToken(token).equals(registration.checkInTokenHash));
    if (!owns) {
      if (!caller && !token) requireIdentity(caller);
      throw new NotYourRegistrationError();
    }
    return { event, registration, manages };
  }

  /** The registrant's own view (status, open offer), unmasked; events staff may look too. */
  async own(caller: Identity | undefined, registrationId: string, token?: string | null): Promise<RegistrationDTO> {
    const registration = await this.dataSource.transaction(async (manager) => (await this.lockForRegistrant(manager, caller, registrationId, token, false)).registration);
    return toRegistrationDTO(registration, false);
  }

  async cancel(caller: Identity | undefined, registrationId: string, token?: string | null): Promise<RegistrationDTO> {
    const saved = await this.dataSource.transaction(async (manager) => {
      const { event, registration, manages } = await this.lockForRegistrant(manager, caller, registrationId, token);
      const now = new Date();
      const verdict = cancellationAllowed({ status: registration.status, cutoffAt: manages ? null : event.cancellationCutoffAt, now });
      if (verdict === 'NOT_ACTIVE') throw new RegistrationNotActiveError(registration.status);
      if (verdict === 'CUTOFF_PASSED') throw new CancellationClosedError();
      const freedSeat = holdsSeat(registration.status);
      registration.status = RegistrationStatus.CANCELLED;
      registration.offerExpiresAt = null;
      registration.updatedAt = now;
      const result = await manager.save(registration);
      if (freedSeat) await this.seats.offerFreedSeats(manager, event, now);
      return result;
    });
    return toRegistrationDTO(saved, false);
  }

  async acceptOffer(caller: Identity | undefined, registrationId: string, token?: string | null): Promise<RegistrationDTO> {
    const saved = await this.dataSource.transaction(async (manager) => {
      const { event, registration } = await this.lockForRegistrant(manager, caller, registrationId, token);
      if (event.status === 'CANCELLED') throw new EventCancelledError();
      if (registration.status !== RegistrationStatus.OFFERED) throw new NoOpenOfferError(registration.status);
      const now = new Date();
      if (!offerIsOpen(registration.offerExpiresAt!, now)) throw new OfferLapsedError();
      registration.status = statusOnAcceptingOffer(event.requiresApproval);
      registration.offerExpiresAt = null;
      registration.updatedAt = now;
      const result = await manager.save(registration);
      if (result.status === RegistrationStatus.CONFIRMED) await this.recordConfirmed(manager, result);
      return result;
    });
    return toRegistrationDTO(saved, false);
  }

  async decide(caller: Identity | undefined, registrationId: string, approve: boolean): Promise<RegistrationDTO> {
    const saved = await this.dataSource.transaction(async (manager) => {
      const { event, registration, manages } = await this.lockForRegistrant(manager, caller, registrationId, null);
      if (!manages) requireRole(caller, registration.associationId, EVENT_MANAGERS);
      if (registration.status !== RegistrationStatus.PENDING_APPROVAL) throw new NotPendingApprovalError(registration.status);
      const now = new Date();
      registration.status = approve ? RegistrationStatus.CONFIRMED : RegistrationStatus.REJECTED;
      registration.updatedAt = now;
      const result = await manager.save(registration);
      if (approve) await this.recordConfirmed(manager, result);
      else await this.seats.offerFreedSeats(manager, event, now);
      return result;
    });
    return toRegistrationDTO(saved, false);
  }

  /** Lapses offers past their deadline and passes each seat on. Returns how many offers lapsed. */
  async expireOffers(now: Date = new Date(), associationId?: string): Promise<{ expired: number; offered: number }> {
    const due: Array<{ event_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT event_id FROM events.registration WHERE status = 'OFFERED' AND offer_expires_at <= $1 AND ($2::uuid IS NULL OR association_id = $2::uuid)`,
      [now, associationId ?? null],
    );
    let expired = 0;
    let offered = 0;
    for (const { event_id } of due) {
      await this.dataSource.transaction(async (manager) => {
        const event = await manager.findOne(EventEntity, { where: { id: event_id }, lock: { mode: 'pessimistic_write' } });
        if (!event) return;
        const lapsed = await updateReturning<{ id: string }>(manager, 
          `UPDATE events.registration SET status = 'EXPIRED', offer_expires_at = NULL, updated_at = $2
            WHERE event_id = $1 AND status = 'OFFERED' AND offer_expires_at <= $2 RETURNING id`,
          [event_id, now],
        );
        expired += lapsed.length;
        offered += await this.seats.offerFreedSeats(manager, event, now);
      });
    }
    if (expired > 0) this.logger.log(`Lapsed ${expired} waitlist offers; offered ${offered} seats`);
    return { expired, offered };
  }

  async runOfferExpiry(caller: Identity | undefined, associationId: string): Promise<number> {
    requireRole(caller, associationId, [Role.ADMIN, Role.EVENTS_OFFICER]);
    return (await this.expireOffers(new Date(), associationId)).expired;
  }

  async checkIn(caller: Identity | undefined, associationId: string, token: string): Promise<RegistrationDTO> {
    requireRole(caller, associationId, EVENT_MANAGERS);
    const hash = hashToken(token);
    const saved = await this.dataSource.transaction(async (manager) => {
      const rows = await updateReturning<{ id: string }>(manager,
        `UPDATE events.registration SET checked_in_at = now(), attendance = 'PRESENT', attendance_recorded_at = now(), updated_at = now()
          WHERE check_in_token_hash = $1 AND association_id = $2 AND status = 'CONFIRMED' AND checked_in_at IS NULL
            AND EXISTS (SELECT 1 FROM events.event e WHERE e.id = events.registration.event_id AND e.status = 'PUBLISHED')
          RETURNING id`,
        [hash, associationId],
      );
      if (rows.length === 0) {
        const existing = await manager.createQueryBuilder(RegistrationEntity, 'r').where('r.check_in_token_hash = :hash AND r.association_id = :associationId', { hash, associationId }).getOne();
        if (!existing) throw new NotFoundError('Registration');
        const event = await manager.findOne(EventEntity, { where: { id: existing.eventId }, select: { id: true, status: true } });
        if (event?.status === 'CANCELLED') throw new EventCancelledError();
        if (existing.checkedInAt) throw new AlreadyCheckedInError();
        throw new NotConfirmedError(existing.status);
      }
      const registration = (await manager.findOne(RegistrationEntity, { where: { id: rows[0].id } }))!;
      await this.recordAttendanceEvent(manager, registration);
      return registration;
    });
    return toRegistrationDTO(saved, true);
  }

  async recordAttendance(caller: Identity | undefined, input: RecordAttendanceInput): Promise<RegistrationDTO> {
    const saved = await this.dataSource.transaction(async (manager) => {
      const { event, registration, manages } = await this.lockForRegistrant(manager, caller, input.registrationId, null);
      if (!manages) requireRole(caller, registration.associationId, EVENT_MANAGERS);
      if (registration.status !== RegistrationStatus.CONFIRMED) throw new NotConfirmedError(registration.status);
      if (input.attendance === Attendance.PROXY) {
        if (!event.allowProxy) throw new ProxyNotAllowedError();
        if (!input.proxyHolderName) throw new ProxyNotAllowedError('Name the proxy holder.');
      }
      registration.attendance = input.attendance;
      registration.proxyHolderName = input.attendance === Attendance.PROXY ? input.proxyHolderName!.trim() : null;
      registration.attendanceRecordedAt = new Date();
      registration.updatedAt = new Date();
      const result = await manager.save(registration);
      await this.recordAttendanceEvent(manager, result);
      return result;
    });
    return toRegistrationDTO(saved, false);
  }

  private async recordAttendanceEvent(manager: EntityManager, r: RegistrationEntity): Promise<void> {
    await this.outbox.record(manager, {
      type: 'events.attendance.recorded',
      associationId: r.associationId,
      payload: { eventId: r.eventId, registrationId: r.id, organizationId: r.organizationId, attendance: r.attendance!, recordedAt: (r.attendanceRecordedAt ?? new Date()).toISOString() },
    });
  }

  /** Events staff see every registration, a member unit's representative its own unit's; contact data masked. */
  async list(caller: Identity | undefined, eventId: string, status: RegistrationStatus | null | undefined, page: PageArgsInput): Promise<ConnectionShape<RegistrationDTO>> {
    const event = await this.dataSource.getRepository(EventEntity).findOne({ where: { id: eventId } });
    if (!event) throw new NotFoundError('Event', eventId);
    const qb = this.dataSource.getRepository(RegistrationEntity).createQueryBuilder('r').where('r.event_id = :eventId', { eventId });
    if (!isManager(caller, event.associationId)) {
      const units = representedOrganizations(caller, event.associationId, [Role.MEMBER_REP]);
      if (units.length === 0) requireRole(caller, event.associationId, EVENT_MANAGERS);
      qb.andWhere('r.organization_id IN (:...units)', { units });
    }
    if (status) qb.andWhere('r.status = :status', { status });
    return paginate(qb, page, { createdAt: 'r.created_at', id: 'r.id' }, (r: RegistrationEntity) => toRegistrationDTO(r, true));
  }

  async issueCertificates(caller: Identity | undefined, eventId: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const event = await this.events.lockManaged(manager, caller, eventId);
      if (event.category !== EventCategory.TRAINING) throw new NotATrainingError();
      const rows: Array<{ id: string }> = await manager.query(
        `SELECT id FROM events.registration WHERE event_id = $1 AND status = 'CONFIRMED' AND attendance = 'PRESENT' AND certificate_number IS NULL ORDER BY created_at, id`,
        [eventId],
      );
      const year = Number(chinaDateOf(event.startsAt).slice(0, 4));
      for (const { id } of rows) {
        await manager.query(`UPDATE events.registration SET certificate_number = $2, certificate_issued_at = now() WHERE id = $1`, [id, newCertificateNumber(year)]);
      }
      return rows.length;
    });
  }

  async verifyCertificate(certificateNumber: string): Promise<AttendanceCertificateDTO | null> {
    if (certificateNumber.length > 40) return null;
    const rows: Array<{ certificate_number: string; attendee_name: string; title: string; category: EventCategory; starts_at: Date; association_id: string; certificate_issued_at: Date }> =
      await this.dataSource.query(
        `SELECT r.certificate_number, r.attendee_name, e.title, e.category, e.starts_at, e.association_id, r.certificate_issued_at
           FROM events.registration r JOIN events.event e ON e.id = r.event_id
          WHERE r.certificate_number = $1`,
        [certificateNumber.trim().toUpperCase()],
      );
    const row = rows[0];
    if (!row) return null;
    return { certificateNumber: row.certificate_number, holderName: maskName(row.attendee_name) ?? '*', eventTitle: row.title, eventCategory: row.category, eventStartsAt: row.starts_at, associationId: row.association_id, issuedAt: row.certificate_issued_at };
  }

  /** Records one reminder per confirmed registration of a published event starting within `withinHours`; a second run records nothing new. */
  async sendReminders(now: Date, withinHours: number, associationId?: string): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO events.registration_reminder (registration_id, association_id, kind, sent_at)
       SELECT r.id, r.association_id, 'UPCOMING', $1
         FROM events.registration r JOIN events.event e ON e.id = r.event_id
        WHERE r.status = 'CONFIRMED' AND e.status = 'PUBLISHED'
          AND e.starts_at > $1 AND e.starts_at <= $1::timestamptz + make_interval(hours => $2)
          AND ($3::uuid IS NULL OR r.association_id = $3::uuid)
       ON CONFLICT (registration_id, kind) DO NOTHING
       RETURNING registration_id`,
      [now, withinHours, associationId ?? null],
    );
    return rows.length;
  }

  /** Erases e-mail and phone of registrations for events that ended more than `retentionDays` ago; names stay for certificates. */
  async purgeContactData(now: Date, retentionDays: number): Promise<number> {
    const rows = await updateReturning<{ id: string }>(
      this.dataSource.manager,
      `UPDATE events.registration r SET attendee_email = NULL, attendee_phone = NULL, updated_at = $1
         FROM events.event e
        WHERE e.id = r.event_id AND e.ends_at < $1::timestamptz - make_interval(days => $2)
          AND (r.attendee_email IS NOT NULL OR r.attendee_phone IS NOT NULL)
        RETURNING r.id`,
      [now, retentionDays],
    );
    return rows.length;
  }

  async runReminders(caller: Identity | undefined, associationId: string, withinHours: number): Promise<number> {
    requireRole(caller, associationId, [Role.ADMIN, Role.EVENTS_OFFICER]);
    return this.sendReminders(new Date(), withinHours, associationId);
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Identity, STAFF_ROLES, requireReadAccess, requireRole } from '@app/auth';
import { DomainError, NotFoundError, isIsoDate, todayInChina } from '@app/common';
import { OutboxService, type CouncilPostName, type DomainEventEnvelope } from '@app/messaging';
import { AssociationEntity } from '../associations/entities/association.entity';
import { OrganizationEntity } from '../organizations/entities/organization.entity';
import { rangesOverlap } from './calendar-date';
import {
  HolderAlreadyInPostError,
  HolderOrganizationUnknownError,
  HolderRequiredError,
  InvalidDatesError,
  OfficeAlreadyEndedError,
  OfficeOutsideTermError,
  PostAlreadyHeldError,
  RotationScheduleError,
  TermNumberTakenError,
  TermsOverlapError,
} from './council.exception';
import { POST_ORDER, SINGLE_HOLDER_POSTS, type CreateCouncilTermInput, type OfficeHoldersDTO, toCouncilOfficeDTO } from './dtos/council.dto';
import { CouncilOfficeEntity } from './entities/council-office.entity';
import { CouncilTermEntity } from './entities/council-term.entity';
import { ResolutionAppointmentEntity } from './entities/resolution-appointment.entity';
import { checkRotationSchedule, handOverEarly } from './rotation-schedule';

export interface HolderData {
  organizationId?: string | null;
  personId?: string | null;
  name?: string | null;
  title?: string | null;
  voterAccountId?: string | null;
}

export interface AppointmentData {
  post: CouncilPostName;
  holder: HolderData;
  startsOn: string;
  endsOn?: string | null;
  source?: 'MANUAL' | 'RESOLUTION';
  sourceReference?: string | null;
}

/** Posts whose holders sit on the council and vote on its approvals (supervisors do not). */
export const COUNCIL_VOTING_POSTS: readonly CouncilPostName[] = ['PRESIDENT', 'ROTATING_PRESIDENT', 'VICE_PRESIDENT', 'STANDING_DIRECTOR', 'DIRECTOR', 'SECRETARY_GENERAL'];

@Injectable()
export class CouncilService {
  private readonly logger = new Logger(CouncilService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async createTerm(caller: Identity | undefined, input: CreateCouncilTermInput): Promise<CouncilTermEntity> {
    requireRole(caller, input.associationId, STAFF_ROLES);
    if (input.endsOn <= input.startsOn) throw new InvalidDatesError('A term must end after it starts.');
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(AssociationEntity, { id: input.associationId }))) throw new NotFoundError('Association', input.associationId);
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('council-terms:' || $1))`, [input.associationId]);
      const terms = await manager.find(CouncilTermEntity, { where: { associationId: input.associationId } });
      if (terms.some((t) => t.termNumber === input.termNumber)) throw new TermNumberTakenError(input.termNumber);
      const overlapping = terms.find((t) => rangesOverlap(t.startsOn, t.endsOn, input.startsOn, input.endsOn));
      if (overlapping) throw new TermsOverlapError(overlapping.termNumber);
      return manager.save(
        manager.create(CouncilTermEntity, {
          associationId: input.associationId,
          termNumber: input.termNumber,
          name: input.name.trim(),
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          electingCongressReference: input.electingCongressReference ?? null,
        }),
      );
    });
  }

  async getTerm(caller: Identity | undefined, id: string): Promise<{ term: CouncilTermEntity; offices: CouncilOfficeEntity[] }> {
    const term = await this.dataSource.getRepository(CouncilTermEntity).findOne({ where: { id } });
    if (!term) throw new NotFoundError('CouncilTerm', id);
    requireReadAccess(caller, term.associationId);
    return { term, offices: await this.dataSource.getRepository(CouncilOfficeEntity).find({ where: { councilTermId: id } }) };
  }

  async listTerms(caller: Identity | undefined, associationId: string): Promise<Array<{ term: CouncilTermEntity; offices: CouncilOfficeEntity[] }>> {
    requireReadAccess(caller, associationId);
    const terms = await this.dataSource.getRepository(CouncilTermEntity).find({ where: { associationId }, order: { termNumber: 'DESC' } });
    const offices = await this.dataSource.getRepository(CouncilOfficeEntity).find({ where: { associationId } });
    return terms.map((term) => ({ term, offices: offices.filter((o) => o.councilTermId === term.id) }));
  }

  async appoint(caller: Identity | undefined, councilTermId: string, data: AppointmentData): Promise<CouncilOfficeEntity> {
    return this.dataSource.transaction(async (manager) => {
      const term = await this.lockTerm(manager, councilTermId);
      requireRole(caller, term.associationId, STAFF_ROLES);
      return this.appointInTransaction(manager, term, data);
    });
  }

  async scheduleRotation(caller: Identity | undefined, councilTermId: string, periods: Array<{ holder: HolderData; startsOn: string; endsOn: string }>): Promise<CouncilOfficeEntity[]> {
    return this.dataSource.transaction(async (manager) => {
      const term = await this.lockTerm(manager, councilTermId);
      requireRole(caller, term.associationId, STAFF_ROLES);
      const created: CouncilOfficeEntity[] = [];
      for (const period of periods) created.push(await this.appointInTransaction(manager, term, { post: 'ROTATING_PRESIDENT', ...period }));
      return created;
    });
  }

  async endOffice(caller: Identity | undefined, officeId: string, endsOn: string, reason: string): Promise<CouncilOfficeEntity> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(CouncilOfficeEntity, { where: { id: officeId } });
      if (!found) throw new NotFoundError('CouncilOffice', officeId);
      requireRole(caller, found.associationId, STAFF_ROLES);
      const term = await this.lockTerm(manager, found.councilTermId);
      const office = (await manager.findOne(CouncilOfficeEntity, { where: { id: officeId } }))!;
      if (office.endsOn !== null && office.endsOn <= endsOn) throw new OfficeAlreadyEndedError(office.endsOn);
      if (endsOn < office.startsOn) throw new InvalidDatesError('An office cannot end before it starts.');
      if (endsOn > term.endsOn) throw new OfficeOutsideTermError(term);
      if (office.post === 'ROTATING_PRESIDENT') {
        const schedule = await this.rotationOf(manager, term.id);
        const index = schedule.findIndex((o) => o.id === office.id);
        const result = handOverEarly(schedule, index, endsOn);
        if ('reason' in result) throw new RotationScheduleError(result.reason, 'The hand-over date must fall within the current period and leave the next one at least a day.');
        const next = schedule[index + 1];
        office.endsOn = endsOn;
        office.endReason = reason;
        const saved = await manager.save(office);
        await this.publish(manager, saved, 'ENDED');
        if (next) {
          next.startsOn = result.periods[index + 1].startsOn;
          await this.publish(manager, await manager.save(next), 'APPOINTED');
        }
        return saved;
      }
      office.endsOn = endsOn;
      office.endReason = reason;
      const saved = await manager.save(office);
      await this.publish(manager, saved, 'ENDED');
      return saved;
    });
  }

  /** Public: who holds which post on `date` (default today), in the term running that day. */
  async officeHolders(associationId: string, date: string | null | undefined): Promise<OfficeHoldersDTO> {
    const on = date ?? todayInChina();
    const term = await this.dataSource
      .getRepository(CouncilTermEntity)
      .createQueryBuilder('t')
      .where('t.association_id = :associationId AND t.starts_on <= :on AND t.ends_on >= :on', { associationId, on })
      .getOne();
    if (!term) return { date: on, councilTermId: null, councilTermName: null, holders: [], rotatingPresident: null };
    const offices = await this.officesOn(this.dataSource.manager, term, on);
    const rotating = offices.find((o) => o.post === 'ROTATING_PRESIDENT') ?? null;
    return { date: on, councilTermId: term.id, councilTermName: term.name, holders: offices.map(toCouncilOfficeDTO), rotatingPresident: rotating && toCouncilOfficeDTO(rotating) };
  }

  /** Offices of a term held on a date, in post order. */
  async officesOn(manager: EntityManager, term: CouncilTermEntity, on: string): Promise<CouncilOfficeEntity[]> {
    const offices = await manager
      .getRepository(CouncilOfficeEntity)
      .createQueryBuilder('o')
      .where('o.council_term_id = :termId AND o.starts_on <= :on AND (o.ends_on IS NULL OR o.ends_on >= :on)', { termId: term.id, on })
      .getMany();
    return offices.sort((a, b) => POST_ORDER.indexOf(a.post) - POST_ORDER.indexOf(b.post) || a.startsOn.localeCompare(b.startsOn) || a.holderName.localeCompare(b.holderName));
  }

  /** The term of the association running on `on`, or null. */
  async termOn(manager: EntityManager, associationId: string, on: string): Promise<CouncilTermEntity | null> {
    return manager
      .getRepository(CouncilTermEntity)
      .createQueryBuilder('t')
      .where('t.association_id = :associationId AND t.starts_on <= :on AND t.ends_on >= :on', { associationId, on })
      .getOne();
  }

  async listResolutionAppointments(caller: Identity | undefined, associationId: string): Promise<ResolutionAppointmentEntity[]> {
    requireRole(caller, associationId, STAFF_ROLES);
    return this.dataSource.getRepository(ResolutionAppointmentEntity).find({ where: { associationId }, order: { receivedAt: 'DESC', itemIndex: 'ASC' }, take: 100 });
  }

  /**
   * Applies the appointments of an adopted resolution inside the inbox transaction. Each appointment
   * is applied once per (agenda item, position), whatever the number of deliveries. An appointment that
   * names no term goes to the term running on its start date. An unknown term is recorded as PENDING and a rule violation as REJECTED, with the reason, instead of failing delivery.
   */
  async applyResolution(manager: EntityManager, event: DomainEventEnvelope<'events.meeting.resolution-adopted'>): Promise<void> {
    const { payload } = event;
    const associationId = event.associationId;
    if (!associationId) {
      this.logger.warn(`resolution ${payload.agendaItemId} (event ${event.id}) carries no association; ignored`);
      return;
    }
    if (payload.kind !== 'ELECTION' && payload.kind !== 'APPOINTMENT') return;
    for (const [itemIndex, appointment] of payload.appointments.entries()) {
      const seen = await manager.existsBy(ResolutionAppointmentEntity, { associationId, agendaItemId: payload.agendaItemId, itemIndex });
      if (seen) continue;
      const record = manager.create(ResolutionAppointmentEntity, {
        associationId,
        eventId: event.id,
        agendaItemId: payload.agendaItemId,
        itemIndex,
        councilTermId: appointment.councilTermId,
        post: appointment.post,
        holderName: appointment.holderName,
        outcome: 'PENDING',
        reason: null,
        officeId: null,
      });
      // Meetings may not know membership's term ids: without one, the term running on the start date.
      const termId = appointment.councilTermId ?? (await this.termOn(manager, associationId, appointment.startsOn))?.id ?? null;
      const term = termId ? await manager.findOne(CouncilTermEntity, { where: { id: termId, associationId }, lock: { mode: 'pessimistic_write' } }) : null;
      record.councilTermId = term?.id ?? appointment.councilTermId;
      if (!term) {
        record.reason = appointment.councilTermId ? 'UNKNOWN_COUNCIL_TERM' : 'NO_COUNCIL_TERM_ON_DATE';
        this.logger.warn(`resolution ${payload.agendaItemId} appointment ${itemIndex} (${appointment.post}) left pending: ${record.reason}`);
      } else {
        try {
          const office = await this.appointInTransaction(manager, term, {
            post: appointment.post,
            holder: { organizationId: appointment.organizationId, personId: appointment.personId, name: appointment.holderName },
            startsOn: appointment.startsOn,
            endsOn: appointment.endsOn,
            source: 'RESOLUTION',
            sourceReference: payload.agendaItemId,
          });
          record.outcome = 'APPLIED';
          record.officeId = office.id;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          record.outcome = 'REJECTED';
          record.reason = error.reason;
          this.logger.warn(`resolution ${payload.agendaItemId} appointment ${itemIndex} (${appointment.post}) rejected: ${error.reason}`);
        }
      }
      await manager.save(record);
    }
  }

  /**
   * Records an office after checking every rule; nothing is written before all checks pass. The
   * caller holds the term's row lock, so concurrent appointments to one term are serialized.
   */
  async appointInTransaction(manager: EntityManager, term: CouncilTermEntity, data: AppointmentData): Promise<CouncilOfficeEntity> {
    const { post, startsOn } = data;
    const endsOn = data.endsOn ?? null;
    if (!isIsoDate(startsOn) || (endsOn !== null && !isIsoDate(endsOn))) throw new InvalidDatesError('Dates must be calendar dates written YYYY-MM-DD.');
    if (!POST_ORDER.includes(post)) throw new InvalidDatesError(`Unknown post ${String(post)}.`);
    if (endsOn !== null && endsOn < startsOn) throw new InvalidDatesError('An office cannot end before it starts.');
    if (startsOn < term.startsOn || (endsOn ?? term.endsOn) > term.endsOn) throw new OfficeOutsideTermError(term);
    const holder = await this.resolveHolder(manager, term.associationId, data.holder);
    const existing = await manager.find(CouncilOfficeEntity, { where: { councilTermId: term.id, post } });
    let rotationOrder: number | null = null;
    if (post === 'ROTATING_PRESIDENT') {
      if (endsOn === null) throw new RotationScheduleError('ROTATION_END_REQUIRED', 'A rotating-presidency period needs an end date.');
      const schedule = existing.sort((a, b) => (a.rotationOrder ?? 0) - (b.rotationOrder ?? 0));
      const problem = checkRotationSchedule([...schedule.map((o) => ({ holderName: o.holderName, startsOn: o.startsOn, endsOn: o.endsOn! })), { holderName: holder.name, startsOn, endsOn }], term);
      if (problem) {
        const expected = 'expectedStartsOn' in problem ? problem.expectedStartsOn : undefined;
        throw new RotationScheduleError(problem.reason, expected ? `The next rotation period must start on ${expected}.` : 'The rotation period must lie within the term.', expected ? { expectedStartsOn: expected } : undefined);
      }
      rotationOrder = schedule.length + 1;
    } else {
      const overlapping = existing.filter((o) => rangesOverlap(o.startsOn, o.endsOn, startsOn, endsOn));
      if (SINGLE_HOLDER_POSTS.includes(post) && overlapping.length > 0) throw new PostAlreadyHeldError(post, overlapping[0].holderName);
      if (overlapping.some((o) => sameHolder(o, holder))) throw new HolderAlreadyInPostError(post);
    }
    const office = await manager.save(
      manager.create(CouncilOfficeEntity, {
        associationId: term.associationId,
        councilTermId: term.id,
        post,
        holderOrganizationId: holder.organizationId,
        holderPersonId: holder.personId,
        holderName: holder.name,
        holderTitle: holder.title,
        voterAccountId: holder.voterAccountId,
        startsOn,
        endsOn,
        rotationOrder,
        source: data.source ?? 'MANUAL',
        sourceReference: data.sourceReference ?? null,
      }),
    );
    await this.publish(manager, office, 'APPOINTED');
    return office;
  }

  private async resolveHolder(manager: EntityManager, associationId: string, holder: HolderData) {
    const organizationId = holder.organizationId ?? null;
    let name = holder.name?.trim() || null;
    if (organizationId) {
      const organization = await manager.findOne(OrganizationEntity, { where: { id: organizationId, associationId } });
      if (!organization) throw new HolderOrganizationUnknownError();
      name ??= organization.name;
    }
    if (!name) throw new HolderRequiredError();
    return { organizationId, personId: holder.personId ?? null, name, title: holder.title?.trim() || null, voterAccountId: holder.voterAccountId ?? null };
  }

  /** The rotation schedule in order; every period has an end date (a check constraint says so). */
  private async rotationOf(manager: EntityManager, termId: string): Promise<Array<CouncilOfficeEntity & { endsOn: string }>> {
    const offices = await manager.find(CouncilOfficeEntity, { where: { councilTermId: termId, post: 'ROTATING_PRESIDENT' } });
    return (offices as Array<CouncilOfficeEntity & { endsOn: string }>).sort((a, b) => (a.rotationOrder ?? 0) - (b.rotationOrder ?? 0));
  }

  private async lockTerm(manager: EntityManager, id: string): Promise<CouncilTermEntity> {
    const term = await manager.findOne(CouncilTermEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!term) throw new NotFoundError('CouncilTerm', id);
    return term;
  }

  private async publish(manager: EntityManager, office: CouncilOfficeEntity, change: 'APPOINTED' | 'ENDED'): Promise<void> {
    await this.outbox.record(manager, {
      type: 'membership.office.changed',
      associationId: office.associationId,
      payload: {
        councilTermId: office.councilTermId,
        officeId: office.id,
        post: office.post,
        holderOrganizationId: office.holderOrganizationId,
        holderPersonId: office.holderPersonId,
        holderName: office.holderName,
        startsOn: office.startsOn,
        endsOn: office.endsOn,
        change,
      },
    });
  }
}

function sameHolder(office: CouncilOfficeEntity, holder: { organizationId: string | null; personId: string | null; name: string }): boolean {
  if (office.holderPersonId && holder.personId) return office.holderPersonId === holder.personId;
  if (office.holderOrganizationId && holder.organizationId && !office.holderPersonId && !holder.personId) return office.holderOrganizationId === holder.organizationId;
  return office.holderName === holder.name && office.holderOrganizationId === holder.organizationId;
}


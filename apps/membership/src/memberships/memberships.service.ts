import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Identity, Role, STAFF_ROLES, requireReadAccess, requireRole, rolesIn } from '@app/auth';
import { ForbiddenError, NotFoundError, paginate, type ConnectionShape, type PageArgsInput, addDays, todayInChina } from '@app/common';
import { SERVICE_CONFIG } from '@app/subgraph';
import { OutboxService, type MembershipGradeName, type MembershipStatusName } from '@app/messaging';
import { AssociationEntity } from '../associations/entities/association.entity';
import type { MembershipConfig } from '../config/membership.config';
import { OrganizationEntity } from '../organizations/entities/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { PersonEntity } from '../people/entities/person.entity';
import { DuesInvoiceEntity, DuesScheduleEntity } from './entities/dues.entity';
import { MembershipStatusChangeEntity } from './entities/membership-status-change.entity';
import { MembershipEntity } from './entities/membership.entity';
import { LIVE_STATUSES, assertTransition } from './membership-state-machine';
import { DecisionNotAllowedError, InvalidDateError, DuesScheduleMissingError, InvoiceAlreadyPaidError, LiveMembershipExistsError, PaymentAmountMismatchError } from './memberships.exception';
import { allocateNumbers, certificateNumber, invoiceNumber, memberNumber } from './numbering';

export interface StatusDecision {
  reason: string;
  decidedBy: string | null;
  effectiveOn?: string;
  decisionReference?: string | null;
}

export interface SweepItem {
  membershipId: string;
  memberNumber: string | null;
  name: string;
  previousStatus: MembershipStatusName;
  status: MembershipStatusName;
  validUntil: string | null;
}

/** Statuses a secretariat decision may set directly; the others have their own procedures. */
const DECIDED_BY_HAND: readonly MembershipStatusName[] = ['SUSPENDED', 'ACTIVE', 'EXPELLED', 'WITHDRAWN'];

@Injectable()
export class MembershipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly organizations: OrganizationsService,
    @Inject(SERVICE_CONFIG) private readonly config: MembershipConfig,
  ) {}

  // ---------------------------------------------------------------- reads

  async get(caller: Identity | undefined, id: string): Promise<MembershipEntity> {
    const membership = await this.dataSource.getRepository(MembershipEntity).findOne({ where: { id }, relations: { organization: true, person: true } });
    if (!membership) throw new NotFoundError('Membership', id);
    this.requireMembershipReader(caller, membership);
    return membership;
  }

  async list(caller: Identity | undefined, associationId: string, page: PageArgsInput, status?: MembershipStatusName | null): Promise<ConnectionShape<MembershipEntity>> {
    requireReadAccess(caller, associationId);
    const qb = this.dataSource
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .leftJoinAndSelect('m.organization', 'o')
      .leftJoinAndSelect('m.person', 'p')
      .where('m.association_id = :associationId', { associationId });
    if (status) qb.andWhere('m.status = :status', { status });
    return paginate(qb, page, { createdAt: 'm.created_at', id: 'm.id' });
  }

  async history(membershipId: string): Promise<MembershipStatusChangeEntity[]> {
    return this.dataSource.getRepository(MembershipStatusChangeEntity).find({ where: { membershipId }, order: { at: 'ASC', id: 'ASC' } });
  }

  async invoices(membershipId: string): Promise<DuesInvoiceEntity[]> {
    return this.dataSource.getRepository(DuesInvoiceEntity).find({ where: { membershipId }, order: { year: 'ASC' } });
  }

  async schedule(caller: Identity | undefined, associationId: string, year: number): Promise<DuesScheduleEntity[]> {
    requireReadAccess(caller, associationId);
    return this.dataSource.getRepository(DuesScheduleEntity).find({ where: { associationId, year }, order: { amountFen: 'DESC' } });
  }

  /** Staff, regulators and the member's own representative may read a membership. */
  requireMembershipReader(caller: Identity | undefined, membership: MembershipEntity): void {
    const identity = requireReadAccess(caller, membership.associationId);
    if (identity.platformAdmin) return;
    const roles = rolesIn(identity, membership.associationId);
    if (roles.some((r) => STAFF_ROLES.includes(r) || r === Role.REGULATOR || r === Role.COUNCIL_MEMBER)) return;
    if (membership.organizationId && identity.grants.some((g) => g.associationId === membership.associationId && g.role === Role.MEMBER_REP && g.organizationId === membership.organizationId)) return;
    throw new ForbiddenError('NOT_YOUR_MEMBERSHIP', 'Only the secretariat and the member itself may read this membership.');
  }

  // ---------------------------------------------------------------- status changes

  /**
   * The one way a membership changes status: checks the transition, appends the dated history entry,
   * keeps the organization's status in step and records the events, all in the caller's transaction.
   */
  async applyStatusChange(manager: EntityManager, membership: MembershipEntity, status: MembershipStatusName, decision: StatusDecision): Promise<MembershipEntity> {
    const previousStatus = membership.status;
    assertTransition(previousStatus, status);
    membership.status = status;
    membership.revision += 1;
    await manager.query(`UPDATE membership.membership SET status = $2, revision = $3, updated_at = now() WHERE id = $1`, [membership.id, status, membership.revision]);
    await manager.insert(MembershipStatusChangeEntity, {
      associationId: membership.associationId,
      membershipId: membership.id,
      previousStatus,
      status,
      effectiveOn: decision.effectiveOn ?? todayInChina(),
      reason: decision.reason,
      decisionReference: decision.decisionReference ?? null,
      decidedBy: decision.decidedBy,
    });
    if (membership.organizationId) {
      const organization = await manager.findOne(OrganizationEntity, { where: { id: membership.organizationId }, lock: { mode: 'pessimistic_write' } });
      if (organization) {
        const organizationPrevious = organization.membershipStatus;
        organization.membershipStatus = status;
        organization.revision += 1;
        const saved = await manager.save(organization);
        await this.outbox.record(manager, {
          type: 'membership.membership.status-changed',
          associationId: saved.associationId,
          payload: { organizationId: saved.id, previousStatus: organizationPrevious, status, reason: decision.reason, revision: saved.revision },
        });
        await this.organizations.publishSnapshot(manager, saved);
      }
    } else if (membership.personId) {
      await this.outbox.record(manager, {
        type: 'membership.individual.status-changed',
        associationId: membership.associationId,
        payload: { membershipId: membership.id, personId: membership.personId, previousStatus, status, reason: decision.reason, revision: membership.revision },
      });
    }
    return membership;
  }

  /** A secretariat decision: suspend, reinstate, expel, or record a withdrawal. */
  async decideStatus(caller: Identity | undefined, membershipId: string, status: MembershipStatusName, decision: { reason: string; decisionReference?: string | null; effectiveOn?: string | null }): Promise<MembershipEntity> {
    if (!DECIDED_BY_HAND.includes(status)) throw new DecisionNotAllowedError(status);
    return this.dataSource.transaction(async (manager) => {
      const membership = await this.lock(manager, membershipId);
      const actor = requireRole(caller, membership.associationId, STAFF_ROLES);
      if (status === 'ACTIVE' && membership.status !== 'SUSPENDED') throw new DecisionNotAllowedError('ACTIVE (other than lifting a suspension)');
      return this.applyStatusChange(manager, membership, status, { reason: decision.reason, decidedBy: actor.accountId, decisionReference: decision.decisionReference, effectiveOn: decision.effectiveOn ?? undefined });
    });
  }

  /** Withdrawal by the member's written notice (退会), recorded by the secretariat or the member's representative. */
  async withdraw(caller: Identity | undefined, membershipId: string, noticeOn: string, reason: string): Promise<MembershipEntity> {
    return this.dataSource.transaction(async (manager) => {
      const membership = await this.lock(manager, membershipId);
      const identity = requireReadAccess(caller, membership.associationId);
      const isRep = !!membership.organizationId && identity.grants.some((g) => g.associationId === membership.associationId && g.role === Role.MEMBER_REP && g.organizationId === membership.organizationId);
      if (!isRep) requireRole(identity, membership.associationId, STAFF_ROLES);
      return this.applyStatusChange(manager, membership, 'WITHDRAWN', { reason: `退会申请：${reason}`, decidedBy: identity.accountId, effectiveOn: noticeOn });
    });
  }

  /** Creates a PENDING membership for an approved application (same transaction as the decision). */
  async createPending(manager: EntityManager, data: { associationId: string; kind: 'UNIT' | 'INDIVIDUAL'; organizationId: string | null; personId: string | null; grade: MembershipGradeName; applicationId: string; decidedBy: string; reason: string }): Promise<MembershipEntity> {
    await this.assertNoLiveMembership(manager, data.organizationId, data.personId);
    const membership = await manager.save(
      manager.create(MembershipEntity, { associationId: data.associationId, kind: data.kind, organizationId: data.organizationId, personId: data.personId, grade: data.grade, status: 'PENDING', applicationId: data.applicationId }),
    );
    await manager.insert(MembershipStatusChangeEntity, { associationId: data.associationId, membershipId: membership.id, previousStatus: 'NONE', status: 'PENDING', effectiveOn: todayInChina(), reason: data.reason, decidedBy: data.decidedBy });
    if (data.organizationId) {
      const organization = await manager.findOneOrFail(OrganizationEntity, { where: { id: data.organizationId }, lock: { mode: 'pessimistic_write' } });
      const previous = organization.membershipStatus;
      organization.membershipStatus = 'PENDING';
      organization.revision += 1;
      const saved = await manager.save(organization);
      await this.outbox.record(manager, { type: 'membership.membership.status-changed', associationId: saved.associationId, payload: { organizationId: saved.id, previousStatus: previous, status: 'PENDING', reason: data.reason, revision: saved.revision } });
      await this.organizations.publishSnapshot(manager, saved);
    }
    return membership;
  }

  /** Onboards a unit that was a member before the association used this system: ACTIVE at once, with numbers. */
  async recordExisting(caller: Identity | undefined, data: { organizationId: string; grade: MembershipGradeName; admittedOn: string; validUntil: string; reason: string }): Promise<MembershipEntity> {
    return this.dataSource.transaction(async (manager) => {
      const organization = await manager.findOne(OrganizationEntity, { where: { id: data.organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!organization) throw new NotFoundError('Organization', data.organizationId);
      const actor = requireRole(caller, organization.associationId, STAFF_ROLES);
      await this.assertNoLiveMembership(manager, organization.id, null);
      let membership = await manager.save(
        manager.create(MembershipEntity, { associationId: organization.associationId, kind: 'UNIT', organizationId: organization.id, grade: data.grade, status: 'PENDING', admittedOn: data.admittedOn, validUntil: data.validUntil }),
      );
      membership = await this.activate(manager, membership, { paidOn: data.admittedOn, year: Number(data.admittedOn.slice(0, 4)), decidedBy: actor.accountId, reason: data.reason });
      return membership;
    });
  }

  /**
   * PENDING → ACTIVE: allocates the member and certificate numbers (race-free per association),
   * records member.admitted and the status change.
   */
  async activate(manager: EntityManager, membership: MembershipEntity, context: { paidOn: string; year: number; decidedBy: string | null; reason: string }): Promise<MembershipEntity> {
    const association = await manager.findOneByOrFail(AssociationEntity, { id: membership.associationId });
    if (!membership.memberNumber) membership.memberNumber = memberNumber(association.shortCode, await allocateNumbers(manager, membership.associationId, 'member'));
    if (!membership.certificateNumber) {
      membership.certificateNumber = certificateNumber(association.shortCode, context.year, await allocateNumbers(manager, membership.associationId, `certificate-${context.year}`));
    }
    membership.admittedOn ??= context.paidOn;
    await manager.query(`UPDATE membership.membership SET member_number = $2, certificate_number = $3, admitted_on = $4, valid_until = $5 WHERE id = $1`, [
      membership.id,
      membership.memberNumber,
      membership.certificateNumber,
      membership.admittedOn,
      membership.validUntil,
    ]);
    await this.applyStatusChange(manager, membership, 'ACTIVE', { reason: context.reason, decidedBy: context.decidedBy, effectiveOn: context.paidOn });
    const name = await this.nameOf(manager, membership);
    await this.outbox.record(manager, {
      type: 'membership.member.admitted',
      associationId: membership.associationId,
      payload: { membershipId: membership.id, kind: membership.kind, organizationId: membership.organizationId, personId: membership.personId, name, grade: membership.grade, memberNumber: membership.memberNumber, admittedOn: membership.admittedOn },
    });
    return membership;
  }

  // ---------------------------------------------------------------- dues

  async setDuesSchedule(caller: Identity | undefined, data: { associationId: string; year: number; dueOn: string; amounts: Array<{ grade: MembershipGradeName; amountFen: number }> }): Promise<DuesScheduleEntity[]> {
    const actor = requireRole(caller, data.associationId, STAFF_ROLES);
    return this.dataSource.transaction(async (manager) => {
      for (const { grade, amountFen } of data.amounts) {
        await manager.query(
          `INSERT INTO membership.dues_schedule (association_id, grade, year, amount_fen, due_on) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (association_id, grade, year) DO UPDATE SET amount_fen = EXCLUDED.amount_fen, due_on = EXCLUDED.due_on`,
          [data.associationId, grade, data.year, amountFen, data.dueOn],
        );
      }
      await manager.query(`INSERT INTO membership.audit_entry (association_id, actor_account_id, action, subject_type, subject_id, details) VALUES ($1, $2, 'dues.schedule.set', 'DuesSchedule', $3, $4)`, [
        data.associationId,
        actor.accountId,
        String(data.year),
        JSON.stringify({ amounts: data.amounts, dueOn: data.dueOn }),
      ]);
      return manager.find(DuesScheduleEntity, { where: { associationId: data.associationId, year: data.year } });
    });
  }

  /** Issues the year's invoice for a membership at its grade's scheduled amount (once per year). */
  async issueInvoice(manager: EntityManager, membership: MembershipEntity, year: number): Promise<DuesInvoiceEntity> {
    const existing = await manager.findOne(DuesInvoiceEntity, { where: { membershipId: membership.id, year } });
    if (existing) return existing;
    const schedule = await manager.findOne(DuesScheduleEntity, { where: { associationId: membership.associationId, grade: membership.grade, year } });
    if (!schedule) throw new DuesScheduleMissingError(membership.grade, year);
    const association = await manager.findOneByOrFail(AssociationEntity, { id: membership.associationId });
    const number = invoiceNumber(association.shortCode, year, await allocateNumbers(manager, membership.associationId, `invoice-${year}`));
    return manager.save(manager.create(DuesInvoiceEntity, { associationId: membership.associationId, membershipId: membership.id, number, year, grade: membership.grade, amountFen: schedule.amountFen, dueOn: schedule.dueOn, status: 'OPEN' }));
  }

  async issueInvoiceFor(caller: Identity | undefined, membershipId: string, year: number): Promise<DuesInvoiceEntity> {
    return this.dataSource.transaction(async (manager) => {
      const membership = await this.lock(manager, membershipId);
      requireRole(caller, membership.associationId, STAFF_ROLES);
      return this.issueInvoice(manager, membership, year);
    });
  }

  /**
   * Records a dues payment. Paying the admission invoice activates the membership (numbers, 公示);
   * paying a renewal extends the paid-through date and brings GRACE or LAPSED back to ACTIVE.
   */
  async recordPayment(caller: Identity | undefined, data: { invoiceId: string; amountFen: number; paidOn: string; method: string; reference?: string | null }): Promise<{ invoice: DuesInvoiceEntity; membership: MembershipEntity }> {
    return this.dataSource.transaction(async (manager) => {
      const invoice = await manager.findOne(DuesInvoiceEntity, { where: { id: data.invoiceId }, lock: { mode: 'pessimistic_write' } });
      if (!invoice) throw new NotFoundError('Invoice', data.invoiceId);
      const actor = requireRole(caller, invoice.associationId, STAFF_ROLES);
      if (invoice.status !== 'OPEN') throw new InvoiceAlreadyPaidError(invoice.number);
      if (invoice.amountFen !== data.amountFen) throw new PaymentAmountMismatchError(invoice.amountFen, data.amountFen);
      await manager.query(
        `INSERT INTO membership.dues_payment (association_id, invoice_id, amount_fen, paid_on, method, reference, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [invoice.associationId, invoice.id, data.amountFen, data.paidOn, data.method, data.reference ?? null, actor.accountId],
      );
      invoice.status = 'PAID';
      invoice.paidOn = data.paidOn;
      await manager.query(`UPDATE membership.dues_invoice SET status = 'PAID', paid_on = $2 WHERE id = $1`, [invoice.id, data.paidOn]);
      let membership = await this.lock(manager, invoice.membershipId);
      const paidThrough = `${invoice.year}-12-31`;
      if (!membership.validUntil || membership.validUntil < paidThrough) {
        membership.validUntil = paidThrough;
        await manager.query(`UPDATE membership.membership SET valid_until = $2 WHERE id = $1`, [membership.id, paidThrough]);
      }
      if (membership.status === 'PENDING') {
        membership = await this.activate(manager, membership, { paidOn: data.paidOn, year: invoice.year, decidedBy: actor.accountId, reason: `会费已缴（${invoice.number}），正式入会` });
        await this.openPublicNotice(manager, membership, data.paidOn);
      } else if (membership.status === 'GRACE' || membership.status === 'LAPSED') {
        membership = await this.applyStatusChange(manager, membership, 'ACTIVE', { reason: `会费已缴（${invoice.number}），会籍恢复`, decidedBy: actor.accountId, effectiveOn: data.paidOn });
      }
      return { invoice, membership };
    });
  }

  /** 公示: the admission is published with a window for objections. */
  private async openPublicNotice(manager: EntityManager, membership: MembershipEntity, publishedOn: string): Promise<void> {
    await manager.query(
      `INSERT INTO membership.public_notice (association_id, membership_id, application_id, published_on, objections_until) VALUES ($1, $2, $3, $4, $5)`,
      [membership.associationId, membership.id, membership.applicationId, publishedOn, addDays(publishedOn, this.config.PUBLIC_NOTICE_OBJECTION_DAYS)],
    );
    if (membership.applicationId) await manager.query(`UPDATE membership.membership_application SET status = 'ADMITTED', updated_at = now() WHERE id = $1`, [membership.applicationId]);
  }

  /**
   * The dues sweep: ACTIVE memberships paid only up to a date before `asOf` go to GRACE; GRACE ones
   * past the grace period LAPSE. One transaction per membership; returns every change it made.
   */
  async sweepDues(associationId: string | null, asOf: string): Promise<SweepItem[]> {
    const candidates: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM membership.membership
        WHERE ($1::uuid IS NULL OR association_id = $1)
          AND ((status = 'ACTIVE' AND valid_until < $2::date) OR (status = 'GRACE' AND valid_until + $3::int < $2::date))
        ORDER BY association_id, member_number`,
      [associationId, asOf, this.config.DUES_GRACE_DAYS],
    );
    const changed: SweepItem[] = [];
    for (const { id } of candidates) {
      const item = await this.dataSource.transaction(async (manager) => {
        const membership = await this.lock(manager, id);
        const graceEnds = membership.validUntil ? addDays(membership.validUntil, this.config.DUES_GRACE_DAYS) : null;
        let target: MembershipStatusName | null = null;
        if (membership.status === 'ACTIVE' && membership.validUntil && membership.validUntil < asOf) target = 'GRACE';
        else if (membership.status === 'GRACE' && graceEnds && graceEnds < asOf) target = 'LAPSED';
        if (!target) return null;
        const previousStatus = membership.status;
        const reason = target === 'GRACE' ? `会费逾期未缴（有效期至 ${membership.validUntil}），进入宽限期` : `宽限期满（${graceEnds}）仍未缴纳会费，会籍失效`;
        await this.applyStatusChange(manager, membership, target, { reason, decidedBy: null, effectiveOn: asOf, decisionReference: 'dues-sweep' });
        return { membershipId: id, memberNumber: membership.memberNumber, name: await this.nameOf(manager, membership), previousStatus, status: target, validUntil: membership.validUntil };
      });
      if (item) changed.push(item);
    }
    return changed;
  }

  async runSweep(caller: Identity | undefined, associationId: string, asOf: string | null | undefined): Promise<SweepItem[]> {
    requireRole(caller, associationId, [Role.ADMIN]);
    if (asOf != null && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new InvalidDateError('asOf');
    return this.sweepDues(associationId, asOf ?? todayInChina());
  }

  // ---------------------------------------------------------------- helpers

  async lock(manager: EntityManager, id: string): Promise<MembershipEntity> {
    const membership = await manager.findOne(MembershipEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!membership) throw new NotFoundError('Membership', id);
    return membership;
  }

  async nameOf(manager: EntityManager, membership: MembershipEntity): Promise<string> {
    if (membership.organizationId) return (await manager.findOneByOrFail(OrganizationEntity, { id: membership.organizationId })).name;
    return (await manager.findOneByOrFail(PersonEntity, { id: membership.personId! })).name;
  }

  private async assertNoLiveMembership(manager: EntityManager, organizationId: string | null, personId: string | null): Promise<void> {
    const [row] = await manager.query(
      `SELECT 1 FROM membership.membership WHERE (organization_id = $1 OR person_id = $2) AND status = ANY($3) LIMIT 1`,
      [organizationId, personId, LIVE_STATUSES],
    );
    if (row) throw new LiveMembershipExistsError();
  }
}

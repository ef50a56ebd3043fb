import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Identity, Role, STAFF_ROLES, requireIdentity, requireRole, rolesIn } from '@app/auth';
import { ForbiddenError, NotFoundError, currentRequestContext, addDays, daysBetween, isIsoDate, todayInChina } from '@app/common';
import { OutboxService } from '@app/messaging';
import { updateReturning } from '@app/database';
import { isStaff, representsOrganization } from '../common/acting-for';
import { ConventionEntity } from '../conventions/entities/convention.entity';
import { ConventionArticleEntity } from '../conventions/entities/convention-text.entity';
import { ConventionVersionEntity } from '../conventions/entities/convention-version.entity';
import { OrganizationDirectoryEntryEntity } from '../organization-directory/entities/organization-directory-entry.entity';
import { SignatoriesService } from '../signatories/signatories.service';
import { SanctionsService, type ImposeSanctionData } from '../sanctions/sanctions.service';
import { SanctionEntity } from '../sanctions/entities/sanction.entity';
import { ComplainantCipher, hashSecret, newSecret, newTrackingCode, secretMatches, type ComplainantIdentity } from './complainant-cipher';
import {
  DEFAULT_STAGE_DEADLINES,
  allowedDecisions,
  isFinalStage,
  nextStage,
  replyWindowOpen,
  stageDueOn,
  StageTransitionError,
  type ComplaintActionName,
  type ComplaintSourceName,
  type ComplaintStageName,
  type DecisionName,
  type FindingName,
} from './complaint-stage';
import {
  AlreadyAssignedError,
  ComplainantNotSignatoryError,
  ComplaintInputError,
  ComplaintNotFoundError,
  DecisionNotAllowedError,
  IdempotencyKeyReusedError,
  IdentityPurgedError,
  InvestigatorConflictError,
  NoEffectiveVersionError,
  NoInvestigatorError,
  ReplyClosedError,
  ReplyWindowOpenError,
  RespondentNotSignatoryError,
  UnknownArticlesError,
  WrongStageError,
} from './complaints.exception';
import { ComplaintEntity } from './entities/complaint.entity';
import { ComplainantIdentityReadEntity, ComplaintActivityEntity, ComplaintInvestigatorEntity, InvestigatorConflictEntity } from './entities/complaint-records.entity';

export const COMPLAINANT_CIPHER = Symbol('COMPLAINANT_CIPHER');

export interface SubmitComplaintData {
  associationId: string;
  source: ComplaintSourceName;
  conventionId: string;
  respondentOrganizationId: string;
  articleNumbers: number[];
  facts: string;
  evidence: string[];
  /** Public complaints may stay anonymous; others are never anonymous to the executing body. */
  anonymous: boolean;
  complainantName?: string | null;
  complainantContact?: string | null;
  /** For SIGNATORY: the unit complaining (the caller represents it). */
  complainantOrganizationId?: string | null;
  /** For REGULATOR: the referring authority's case reference. */
  referralReference?: string | null;
}

export interface ComplaintReceipt {
  complaint: ComplaintEntity;
  /** Handed out once; null when an idempotent replay returns an earlier referral. */
  secret: string | null;
}

/** What a caller may see of a case. */
export interface ComplaintView {
  /** Executing-body staff and assigned investigators: the whole case (identity only via the audited read). */
  caseHandler: boolean;
  respondent: boolean;
}

export interface ComplaintStatistics {
  total: number;
  byStage: Array<{ key: string; count: number }>;
  bySource: Array<{ key: string; count: number }>;
  byArticle: Array<{ key: string; count: number }>;
  byMonth: Array<{ key: string; count: number }>;
}

const MAX_STATISTICS_DAYS = 3660;

@Injectable()
export class ComplaintsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly signatories: SignatoriesService,
    private readonly sanctions: SanctionsService,
    @Inject(COMPLAINANT_CIPHER) private readonly cipher: ComplainantCipher,
  ) {}

  // ---- intake -------------------------------------------------------------------------------

  /**
   * Receives a complaint. Who the caller is decides which sources are open: anyone (signed in or
   * not) may report as the public; a unit's MEMBER_REP as a signatory; a regulator by referral;
   * secretariat/admin open a case of the executing body's own motion.
   */
  async submit(caller: Identity | undefined, data: SubmitComplaintData, today = todayInChina()): Promise<ComplaintReceipt> {
    this.assertSourceAllowed(caller, data);
    this.validateText(data);
    return this.dataSource.transaction((manager) => this.insert(manager, caller, data, today, null));
  }

  /** A regulator refers a case; the same Idempotency-Key returns the same complaint. */
  async refer(caller: Identity | undefined, data: SubmitComplaintData, idempotencyKey: string, today = todayInChina()): Promise<ComplaintReceipt> {
    if (!/^[A-Za-z0-9_.:-]{8,100}$/.test(idempotencyKey)) throw new ComplaintInputError('INVALID_IDEMPOTENCY_KEY', 'The Idempotency-Key is 8 to 100 letters, digits or _.:- characters.', 'idempotencyKey');
    const referral = { ...data, source: 'REGULATOR' as const, anonymous: false };
    this.assertSourceAllowed(caller, referral);
    this.validateText(referral);
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([referral.conventionId, referral.respondentOrganizationId, [...referral.articleNumbers].sort((a, b) => a - b), referral.facts.trim(), referral.evidence, referral.referralReference ?? null, referral.complainantName ?? null, referral.complainantContact ?? null]))
      .digest('hex');
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`referral:${referral.associationId}:${idempotencyKey}`]);
      const earlier = await manager.findOneBy(ComplaintEntity, { associationId: referral.associationId, idempotencyKey });
      if (earlier) {
        if (earlier.requestFingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
        return { complaint: earlier, secret: null };
      }
      return this.insert(manager, caller, referral, today, { key: idempotencyKey, fingerprint });
    });
  }

  /** Inside a transaction: a complaint from a failed dispute (the requesting party complains). */
  async insertFromDispute(manager: EntityManager, caller: Identity, data: SubmitComplaintData, today: string): Promise<ComplaintEntity> {
    this.validateText(data);
    return (await this.insert(manager, caller, data, today, null)).complaint;
  }

  private async insert(
    manager: EntityManager,
    caller: Identity | undefined,
    data: SubmitComplaintData,
    today: string,
    idempotency: { key: string; fingerprint: string } | null,
  ): Promise<ComplaintReceipt> {
    const convention = await manager.findOneBy(ConventionEntity, { id: data.conventionId });
    if (!convention || convention.associationId !== data.associationId) throw new NotFoundError('Convention', data.conventionId);
    const version = await manager.findOneBy(ConventionVersionEntity, { conventionId: convention.id, status: 'EFFECTIVE' });
    if (!version) throw new NoEffectiveVersionError();
    if (!(await this.signatories.signatureInForce(manager, convention.id, data.respondentOrganizationId, today))) throw new RespondentNotSignatoryError();
    if (data.source === 'SIGNATORY') {
      if (data.complainantOrganizationId === data.respondentOrganizationId) throw new ComplaintInputError('SELF_COMPLAINT', 'A unit cannot complain about itself.', 'respondentOrganizationId');
      if (!(await this.signatories.signatureInForce(manager, convention.id, data.complainantOrganizationId!, today))) throw new ComplainantNotSignatoryError();
    }
    const numbers = [...new Set(data.articleNumbers)].sort((a, b) => a - b);
    const found = await manager
      .createQueryBuilder(ConventionArticleEntity, 'a')
      .select('a.number', 'number')
      .where('a.version_id = :versionId AND a.number IN (:...numbers)', { versionId: version.id, numbers })
      .getRawMany<{ number: number }>();
    const missing = numbers.filter((n) => !found.some((f) => Number(f.number) === n));
    if (missing.length) throw new UnknownArticlesError(missing);

    const id = randomUUID();
    const secret = newSecret();
    const identity: ComplainantIdentity | null =
      data.anonymous && data.source === 'PUBLIC'
        ? null
        : data.source === 'EXECUTING_BODY'
          ? null
          : { name: data.complainantName?.trim() || null, contact: data.complainantContact?.trim() || null, organizationId: data.complainantOrganizationId ?? null };
    const complaint = manager.create(ComplaintEntity, {
      id,
      associationId: data.associationId,
      conventionId: convention.id,
      conventionVersionId: version.id,
      respondentOrganizationId: data.respondentOrganizationId,
      source: data.source,
      trackingCode: newTrackingCode(),
      secretHash: hashSecret(secret),
      anonymous: identity === null && data.source === 'PUBLIC',
      complainantIdentity: identity ? this.cipher.encrypt(id, identity) : null,
      complainantOrganizationIndex: data.complainantOrganizationId ? this.cipher.organizationIndex(data.complainantOrganizationId) : null,
      referralReference: data.referralReference?.trim() || null,
      idempotencyKey: idempotency?.key ?? null,
      requestFingerprint: idempotency?.fingerprint ?? null,
      articleNumbers: numbers,
      facts: data.facts.trim(),
      evidence: data.evidence.map((e) => e.trim()).filter(Boolean),
      stage: 'RECEIVED',
      stageEnteredOn: today,
      stageDueOn: stageDueOn('RECEIVED', today),
      receivedAt: new Date(),
      createdBy: caller?.accountId ?? null,
    });
    // insert, not save: the id is ours, so save would first look for an existing row.
    await manager.insert(ComplaintEntity, complaint);
    const saved = complaint;
    await this.log(manager, saved, caller, 'RECEIVED', `Source ${data.source}.`);
    await this.outbox.record(manager, {
      type: 'enforcement.complaint.received',
      associationId: saved.associationId,
      payload: { complaintId: saved.id, source: saved.source, respondentOrganizationId: saved.respondentOrganizationId, conventionId: saved.conventionId, receivedAt: saved.receivedAt.toISOString() },
    });
    return { complaint: saved, secret };
  }

  private assertSourceAllowed(caller: Identity | undefined, data: SubmitComplaintData): void {
    const roles = rolesIn(caller, data.associationId);
    switch (data.source) {
      case 'PUBLIC':
        if (!data.anonymous && !data.complainantName?.trim()) throw new ComplaintInputError('COMPLAINANT_REQUIRED', 'Give your name, or choose to stay anonymous.', 'complainantName');
        if (data.complainantOrganizationId) throw new ComplaintInputError('ORGANIZATION_NOT_ALLOWED', 'A public report does not name a complaining unit.', 'complainantOrganizationId');
        return;
      case 'SIGNATORY':
        requireIdentity(caller);
        if (!data.complainantOrganizationId) throw new ComplaintInputError('COMPLAINANT_ORGANIZATION_REQUIRED', 'Name the unit you complain for.', 'complainantOrganizationId');
        if (!representsOrganization(caller, data.associationId, data.complainantOrganizationId)) throw new ForbiddenError('NOT_REPRESENTATIVE', 'You may complain only for the unit you represent.');
        if (data.anonymous) throw new ComplaintInputError('ANONYMOUS_NOT_ALLOWED', 'A signatory complains under its name (never shown to the respondent).', 'anonymous');
        return;
      case 'REGULATOR':
        requireIdentity(caller);
        if (!caller!.platformAdmin && !roles.includes(Role.REGULATOR)) throw new ForbiddenError('ROLE_REQUIRED', 'Only a supervising authority refers cases.');
        if (!data.referralReference?.trim()) throw new ComplaintInputError('REFERRAL_REFERENCE_REQUIRED', "Give the authority's case reference.", 'referralReference');
        if (data.anonymous) throw new ComplaintInputError('ANONYMOUS_NOT_ALLOWED', 'A referral is never anonymous.', 'anonymous');
        return;
      case 'EXECUTING_BODY':
        requireRole(caller, data.associationId, STAFF_ROLES);
        return;
    }
  }

  private validateText(data: SubmitComplaintData): void {
    if (!data.articleNumbers.length) throw new ComplaintInputError('ARTICLES_REQUIRED', 'Name at least one article allegedly breached.', 'articleNumbers');
    if (data.facts.trim().length < 10) throw new ComplaintInputError('FACTS_TOO_SHORT', 'Describe the facts in at least 10 characters.', 'facts');
  }

  // ---- public status ------------------------------------------------------------------------

  /** The stage of a complaint by tracking code and secret; a wrong secret is the same NOT_FOUND as an unknown code. */
  async status(trackingCode: string, secret: string): Promise<ComplaintEntity> {
    const complaint = await this.dataSource.getRepository(ComplaintEntity).findOneBy({ trackingCode: trackingCode.trim().toUpperCase() });
    const ok = secretMatches(secret, complaint?.secretHash ?? null);
    if (!complaint || !ok) throw new ComplaintNotFoundError();
    return complaint;
  }

  // ---- reads --------------------------------------------------------------------------------

  async get(caller: Identity | undefined, id: string): Promise<{ complaint: ComplaintEntity; view: ComplaintView }> {
    const complaint = await this.dataSource.getRepository(ComplaintEntity).findOneBy({ id });
    if (!complaint) throw new ComplaintNotFoundError();
    const view = await this.viewOf(this.dataSource.manager, caller, complaint);
    if (!view.caseHandler && !view.respondent) throw new ComplaintNotFoundError();
    return { complaint, view };
  }

  async viewOf(manager: EntityManager, caller: Identity | undefined, complaint: ComplaintEntity): Promise<ComplaintView> {
    if (!caller) return { caseHandler: false, respondent: false };
    const caseHandler = isStaff(caller, complaint.associationId) || (await this.isAssignedInvestigator(manager, caller, complaint));
    // The respondent learns of a case once it is admitted.
    const respondent = representsOrganization(caller, complaint.associationId, complaint.respondentOrganizationId) && complaint.stage !== 'RECEIVED' && complaint.stage !== 'NOT_ADMITTED';
    return { caseHandler, respondent };
  }

  private async isAssignedInvestigator(manager: EntityManager, caller: Identity, complaint: ComplaintEntity): Promise<boolean> {
    if (!rolesIn(caller, complaint.associationId).includes(Role.INVESTIGATOR)) return false;
    return manager
      .createQueryBuilder(ComplaintInvestigatorEntity, 'i')
      .where('i.complaint_id = :id AND i.account_id = :accountId AND i.recused_at IS NULL', { id: complaint.id, accountId: caller.accountId })
      .getExists();
  }

  async list(caller: Identity | undefined, associationId: string, stage: ComplaintStageName | null): Promise<ComplaintEntity[]> {
    requireRole(caller, associationId, [...STAFF_ROLES, Role.INVESTIGATOR]);
    const qb = this.dataSource.getRepository(ComplaintEntity).createQueryBuilder('c').where('c.association_id = :associationId', { associationId });
    if (!isStaff(caller, associationId)) {
      qb.andWhere('EXISTS (SELECT 1 FROM enforcement.complaint_investigator i WHERE i.complaint_id = c.id AND i.account_id = :me AND i.recused_at IS NULL)', { me: caller!.accountId });
    }
    if (stage) qb.andWhere('c.stage = :stage', { stage });
    return qb.orderBy('c.received_at', 'DESC').addOrderBy('c.id', 'DESC').take(200).getMany();
  }

  async investigatorsOf(complaintId: string): Promise<ComplaintInvestigatorEntity[]> {
    return this.dataSource.getRepository(ComplaintInvestigatorEntity).find({ where: { complaintId }, order: { assignedAt: 'ASC' } });
  }

  async activityOf(complaintId: string): Promise<ComplaintActivityEntity[]> {
    return this.dataSource.getRepository(ComplaintActivityEntity).find({ where: { complaintId }, order: { at: 'ASC' } });
  }

  /** Open cases whose stage deadline has passed, for the secretariat. */
  async overdue(caller: Identity | undefined, associationId: string, today = todayInChina()): Promise<ComplaintEntity[]> {
    requireRole(caller, associationId, STAFF_ROLES);
    return this.dataSource
      .getRepository(ComplaintEntity)
      .createQueryBuilder('c')
      .where('c.association_id = :associationId AND c.closed_at IS NULL AND c.stage_due_on < :today', { associationId, today })
      .orderBy('c.stage_due_on', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(500)
      .getMany();
  }

  /**
   * The complainant's identity, to staff and assigned investigators only — never to the respondent
   * — and every read leaves an audit row in the same transaction.
   */
  async complainantIdentity(caller: Identity | undefined, complaintId: string, purpose: string): Promise<{ complaint: ComplaintEntity; identity: ComplainantIdentity | null }> {
    const actor = requireIdentity(caller);
    if (purpose.trim().length < 4) throw new ComplaintInputError('PURPOSE_REQUIRED', 'Say why you read the complainant’s identity.', 'purpose');
    return this.dataSource.transaction(async (manager) => {
      const complaint = await manager.findOneBy(ComplaintEntity, { id: complaintId });
      if (!complaint) throw new ComplaintNotFoundError();
      const view = await this.viewOf(manager, actor, complaint);
      if (!view.caseHandler) {
        if (view.respondent) throw new ForbiddenError('COMPLAINANT_CONFIDENTIAL', "The complainant's identity is never shown to the respondent.");
        throw new ComplaintNotFoundError();
      }
      if (complaint.identityPurgedAt) throw new IdentityPurgedError();
      await manager.save(
        manager.create(ComplainantIdentityReadEntity, {
          associationId: complaint.associationId,
          complaintId: complaint.id,
          readerAccountId: actor.accountId,
          purpose: purpose.trim(),
          requestId: currentRequestContext()?.requestId ?? null,
        }),
      );
      return { complaint, identity: complaint.complainantIdentity ? this.cipher.decrypt(complaint.id, complaint.complainantIdentity) : null };
    });
  }

  async identityReads(caller: Identity | undefined, associationId: string, complaintId: string | null): Promise<ComplainantIdentityReadEntity[]> {
    requireRole(caller, associationId, [Role.ADMIN]);
    const where = complaintId ? { associationId, complaintId } : { associationId };
    return this.dataSource.getRepository(ComplainantIdentityReadEntity).find({ where, order: { readAt: 'DESC' }, take: 500 });
  }

  /**
   * Results of investigations under a convention (Jiangxi convention art. 21: published to all
   * signatories), without the complainant: signatories in force, staff and regulators.
   */
  async publishedResults(caller: Identity | undefined, conventionId: string, today = todayInChina()): Promise<Array<{ complaint: ComplaintEntity; sanction: SanctionEntity | null }>> {
    const actor = requireIdentity(caller);
    const convention = await this.dataSource.getRepository(ConventionEntity).findOneBy({ id: conventionId });
    if (!convention) throw new NotFoundError('Convention', conventionId);
    const roles = rolesIn(actor, convention.associationId);
    const reader = actor.platformAdmin || roles.some((r) => r === Role.ADMIN || r === Role.SECRETARIAT || r === Role.INVESTIGATOR || r === Role.REGULATOR);
    if (!reader) {
      const reps = actor.grants.filter((g) => g.associationId === convention.associationId && g.role === Role.MEMBER_REP && g.organizationId);
      let signatory = false;
      for (const grant of reps) if (await this.signatories.signatureInForce(this.dataSource.manager, conventionId, grant.organizationId!, today)) signatory = true;
      if (!signatory) throw new ForbiddenError('SIGNATORIES_ONLY', 'Investigation results are published to the signatories of the convention.');
    }
    const complaints = await this.dataSource
      .getRepository(ComplaintEntity)
      .createQueryBuilder('c')
      .where('c.convention_id = :conventionId AND c.result_published_at IS NOT NULL', { conventionId })
      .orderBy('c.decided_on', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .take(200)
      .getMany();
    const sanctions = await this.sanctions.byComplaints(complaints.map((c) => c.id));
    return complaints.map((complaint) => ({ complaint, sanction: sanctions.get(complaint.id) ?? null }));
  }

  async statistics(caller: Identity | undefined, associationId: string, from: string, to: string): Promise<ComplaintStatistics> {
    requireRole(caller, associationId, [...STAFF_ROLES, Role.REGULATOR]);
    if (!isIsoDate(from) || !isIsoDate(to)) throw new ComplaintInputError('INVALID_PERIOD', 'from and to must be calendar dates (YYYY-MM-DD).');
    if (to < from) throw new ComplaintInputError('INVALID_PERIOD', 'The period ends before it starts.');
    if (daysBetween(from, to) > MAX_STATISTICS_DAYS) throw new ComplaintInputError('INVALID_PERIOD', `A period covers at most ${MAX_STATISTICS_DAYS} days.`);
    const base = `FROM enforcement.complaint c WHERE c.association_id = $1 AND (c.received_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2 AND $3`;
    const params = [associationId, from, to];
    const group = async (expression: string): Promise<Array<{ key: string; count: number }>> => {
      const rows: Array<{ key: string; count: string }> = await this.dataSource.query(`SELECT ${expression} AS key, count(*) AS count ${base} GROUP BY 1 ORDER BY 1`, params);
      return rows.map((r) => ({ key: String(r.key), count: Number(r.count) }));
    };
    const [byStage, bySource, byMonth, articles] = await Promise.all([
      group('c.stage'),
      group('c.source'),
      group(`to_char(c.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`),
      this.dataSource.query(`SELECT a AS key, count(*) AS count FROM enforcement.complaint c, unnest(c.article_numbers) a WHERE c.association_id = $1 AND (c.received_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2 AND $3 GROUP BY 1 ORDER BY 1`, params) as Promise<Array<{ key: number; count: string }>>,
    ]);
    return {
      total: byStage.reduce((sum, row) => sum + row.count, 0),
      byStage,
      bySource,
      byArticle: articles.map((r) => ({ key: String(r.key), count: Number(r.count) })),
      byMonth,
    };
  }

  // ---- handling -----------------------------------------------------------------------------

  /** Admissibility: admitted opens the investigation and the respondent's reply period. */
  async admit(caller: Identity | undefined, complaintId: string, replyDays: number, note: string, today = todayInChina()): Promise<ComplaintEntity> {
    if (!Number.isInteger(replyDays) || replyDays < 7 || replyDays > 60) throw new ComplaintInputError('INVALID_REPLY_PERIOD', 'The respondent gets 7 to 60 days to reply.', 'replyDays');
    return this.change(caller, complaintId, 'staff', async (manager, complaint, actor) => {
      this.move(complaint, 'ADMIT', today);
      complaint.replyDueOn = addDays(today, replyDays);
      await this.log(manager, complaint, actor, 'ADMITTED', note.trim() || `Reply due by ${complaint.replyDueOn}.`);
    });
  }

  async notAdmit(caller: Identity | undefined, complaintId: string, reason: string, today = todayInChina()): Promise<ComplaintEntity> {
    if (reason.trim().length < 4) throw new ComplaintInputError('REASON_REQUIRED', 'Give the complainant a reason of at least 4 characters.', 'reason');
    return this.change(caller, complaintId, 'staff', async (manager, complaint, actor) => {
      this.move(complaint, 'NOT_ADMIT', today);
      complaint.admissibilityReason = reason.trim();
      complaint.closedAt = new Date();
      await this.log(manager, complaint, actor, 'NOT_ADMITTED', reason.trim());
    });
  }

  /** An investigator declares a conflict of interest with an organization (for all future cases). */
  async declareConflict(caller: Identity | undefined, associationId: string, organizationId: string, note: string): Promise<InvestigatorConflictEntity> {
    const actor = requireRole(caller, associationId, [Role.INVESTIGATOR, ...STAFF_ROLES]);
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOneBy(InvestigatorConflictEntity, { associationId, accountId: actor.accountId, organizationId });
      if (existing) return existing;
      const saved = await manager.save(manager.create(InvestigatorConflictEntity, { associationId, accountId: actor.accountId, organizationId, note: note.trim() }));
      // An active assignment on a case involving that organization ends by recusal.
      const cases = await manager
        .createQueryBuilder(ComplaintInvestigatorEntity, 'i')
        .innerJoin(ComplaintEntity, 'c', 'c.id = i.complaint_id')
        .where('i.account_id = :accountId AND i.recused_at IS NULL AND c.association_id = :associationId', { accountId: actor.accountId, associationId })
        .andWhere('(c.respondent_organization_id = :organizationId OR c.complainant_organization_index = :index)', { organizationId, index: this.cipher.organizationIndex(organizationId) })
        .getMany();
      for (const assignment of cases) {
        assignment.recusedAt = new Date();
        assignment.recusalReason = 'Declared conflict of interest.';
        await manager.save(assignment);
        await manager.save(manager.create(ComplaintActivityEntity, { associationId, complaintId: assignment.complaintId, kind: 'INVESTIGATOR_RECUSED', note: `${assignment.name}: declared conflict of interest.`, actorAccountId: actor.accountId }));
      }
      return saved;
    });
  }

  /**
   * Assigns an investigator after the conflict check: nobody from the respondent's or the
   * complainant's organization, nobody who declared a conflict with either.
   */
  async assignInvestigator(caller: Identity | undefined, data: { complaintId: string; accountId: string; name: string; organizationId: string | null }): Promise<ComplaintInvestigatorEntity> {
    let assignment!: ComplaintInvestigatorEntity;
    await this.change(caller, data.complaintId, 'staff', async (manager, complaint, actor) => {
      if (complaint.stage !== 'INVESTIGATION' && complaint.stage !== 'FINDING') throw new WrongStageError(complaint.stage, 'Investigators are assigned to admitted cases under investigation.');
      if (data.organizationId === complaint.respondentOrganizationId) throw new InvestigatorConflictError('RESPONDENT_ORGANIZATION');
      if (data.organizationId && complaint.complainantOrganizationIndex && this.cipher.organizationIndex(data.organizationId) === complaint.complainantOrganizationIndex) {
        throw new InvestigatorConflictError('COMPLAINANT_ORGANIZATION');
      }
      const declared = await manager.find(InvestigatorConflictEntity, { where: { associationId: complaint.associationId, accountId: data.accountId } });
      for (const conflict of declared) {
        if (conflict.organizationId === complaint.respondentOrganizationId) throw new InvestigatorConflictError('DECLARED_CONFLICT');
        if (complaint.complainantOrganizationIndex && this.cipher.organizationIndex(conflict.organizationId) === complaint.complainantOrganizationIndex) throw new InvestigatorConflictError('DECLARED_CONFLICT');
      }
      const active = await manager
        .createQueryBuilder(ComplaintInvestigatorEntity, 'i')
        .where('i.complaint_id = :id AND i.account_id = :accountId AND i.recused_at IS NULL', { id: complaint.id, accountId: data.accountId })
        .getExists();
      if (active) throw new AlreadyAssignedError();
      assignment = await manager.save(
        manager.create(ComplaintInvestigatorEntity, {
          associationId: complaint.associationId,
          complaintId: complaint.id,
          accountId: data.accountId,
          name: data.name.trim(),
          organizationId: data.organizationId,
          assignedBy: actor.accountId,
        }),
      );
      await this.log(manager, complaint, actor, 'INVESTIGATOR_ASSIGNED', data.name.trim());
    });
    return assignment;
  }

  /** An investigator steps down (or staff remove one), with a reason. */
  async recuse(caller: Identity | undefined, complaintId: string, accountId: string, reason: string): Promise<ComplaintInvestigatorEntity> {
    if (reason.trim().length < 4) throw new ComplaintInputError('REASON_REQUIRED', 'Give a reason for the recusal.', 'reason');
    let assignment!: ComplaintInvestigatorEntity;
    await this.change(caller, complaintId, 'handler', async (manager, complaint, actor) => {
      if (actor.accountId !== accountId && !isStaff(actor, complaint.associationId)) throw new ForbiddenError('NOT_YOUR_ASSIGNMENT', 'Investigators recuse themselves; staff may remove any.');
      const found = await manager
        .createQueryBuilder(ComplaintInvestigatorEntity, 'i')
        .where('i.complaint_id = :id AND i.account_id = :accountId AND i.recused_at IS NULL', { id: complaint.id, accountId })
        .getOne();
      if (!found) throw new NotFoundError('InvestigatorAssignment', accountId);
      found.recusedAt = new Date();
      found.recusalReason = reason.trim();
      assignment = await manager.save(found);
      await this.log(manager, complaint, actor, 'INVESTIGATOR_RECUSED', `${found.name}: ${reason.trim()}`);
    });
    return assignment;
  }

  /** The respondent's reply (陈述申辩), once, before the deadline. */
  async reply(caller: Identity | undefined, complaintId: string, text: string, today = todayInChina()): Promise<ComplaintEntity> {
    if (text.trim().length < 4) throw new ComplaintInputError('REPLY_TOO_SHORT', 'A reply has at least 4 characters.', 'text');
    return this.change(caller, complaintId, 'respondent', async (manager, complaint, actor) => {
      if (complaint.stage !== 'INVESTIGATION' || !complaint.replyDueOn) throw new ReplyClosedError('NOT_INVITED');
      if (complaint.repliedAt) throw new ReplyClosedError('ALREADY_REPLIED');
      if (today > complaint.replyDueOn) throw new ReplyClosedError('DEADLINE_PASSED');
      complaint.replyText = text.trim();
      complaint.repliedAt = new Date();
      await this.log(manager, complaint, actor, 'RESPONDENT_REPLIED', '');
    });
  }

  async addActivity(caller: Identity | undefined, complaintId: string, note: string): Promise<ComplaintActivityEntity> {
    if (note.trim().length < 2) throw new ComplaintInputError('NOTE_REQUIRED', 'Write the note.', 'note');
    let entry!: ComplaintActivityEntity;
    await this.change(caller, complaintId, 'handler', async (manager, complaint, actor) => {
      if (isFinalStage(complaint.stage)) throw new WrongStageError(complaint.stage, 'The case is closed.');
      entry = await this.log(manager, complaint, actor, 'NOTE', note.trim());
    });
    return entry;
  }

  async recordFinding(
    caller: Identity | undefined,
    data: { complaintId: string; finding: FindingName; breachedArticles: number[]; adverseImpact: boolean; summary: string },
    today = todayInChina(),
  ): Promise<ComplaintEntity> {
    if (data.summary.trim().length < 4) throw new ComplaintInputError('SUMMARY_REQUIRED', 'Summarise the finding in at least 4 characters.', 'summary');
    if (data.finding === 'BREACH' && data.breachedArticles.length === 0) throw new ComplaintInputError('ARTICLES_REQUIRED', 'A breach names the articles breached.', 'breachedArticles');
    if (data.finding === 'NO_BREACH' && (data.breachedArticles.length || data.adverseImpact)) throw new ComplaintInputError('INCONSISTENT_FINDING', 'A finding of no breach names no articles and no adverse effects.', 'breachedArticles');
    return this.change(caller, data.complaintId, 'handler', async (manager, complaint, actor) => {
      if (complaint.stage !== 'INVESTIGATION') throw new WrongStageError(complaint.stage, 'A finding is recorded during the investigation.');
      const outside = data.breachedArticles.filter((n) => !complaint.articleNumbers.includes(n));
      if (outside.length) throw new ComplaintInputError('ARTICLE_NOT_ALLEGED', `Article ${outside.join(', ')} was not alleged in this complaint.`, 'breachedArticles');
      const investigators = await manager.createQueryBuilder(ComplaintInvestigatorEntity, 'i').where('i.complaint_id = :id AND i.recused_at IS NULL', { id: complaint.id }).getCount();
      if (investigators === 0) throw new NoInvestigatorError();
      if (replyWindowOpen(complaint.replyDueOn, complaint.repliedAt, today)) throw new ReplyWindowOpenError(complaint.replyDueOn!);
      this.move(complaint, 'RECORD_FINDING', today);
      complaint.finding = data.finding;
      complaint.breachedArticles = [...new Set(data.breachedArticles)].sort((a, b) => a - b);
      complaint.adverseImpact = data.adverseImpact;
      complaint.findingSummary = data.summary.trim();
      complaint.foundOn = today;
      await this.log(manager, complaint, actor, 'FINDING', data.finding);
    });
  }

  /**
   * The executing body decides: a sanction (on a breach) or dismissal. The result is published to
   * the convention's signatories at once; a sanction publishes `enforcement.sanction.imposed` and a
   * revocation ends the signature, all in this transaction.
   */
  async decide(
    caller: Identity | undefined,
    data: { complaintId: string; decision: DecisionName; summary: string; sanction: Omit<ImposeSanctionData, 'decidedOn'> | null },
    today = todayInChina(),
  ): Promise<{ complaint: ComplaintEntity; sanction: SanctionEntity | null }> {
    if (data.summary.trim().length < 4) throw new ComplaintInputError('SUMMARY_REQUIRED', 'Summarise the decision in at least 4 characters.', 'summary');
    if ((data.decision === 'SANCTION') !== (data.sanction !== null)) throw new ComplaintInputError('SANCTION_MISMATCH', 'A sanction decision gives the sanction; a dismissal gives none.', 'sanction');
    let sanction: SanctionEntity | null = null;
    const complaint = await this.change(caller, data.complaintId, 'staff', async (manager, complaint, actor) => {
      if (complaint.stage !== 'FINDING') throw new WrongStageError(complaint.stage, 'A decision follows the finding.');
      if (!allowedDecisions(complaint.finding!).includes(data.decision)) throw new DecisionNotAllowedError('A sanction needs a finding of breach.');
      this.move(complaint, 'DECIDE', today);
      complaint.decision = data.decision;
      complaint.decisionSummary = data.summary.trim();
      complaint.decidedOn = today;
      complaint.resultPublishedAt = new Date();
      if (data.sanction) {
        sanction = await this.sanctions.imposeInTransaction(manager, actor, complaint, { ...data.sanction, decidedOn: today });
        complaint.stageDueOn = sanction.appealDeadline;
      }
      await this.log(manager, complaint, actor, 'DECIDED', data.sanction ? `${data.decision}: ${data.sanction.grade}` : data.decision);
    });
    return { complaint, sanction };
  }

  /** Closes a decided case once no appeal can come or the appeal is decided. */
  async close(caller: Identity | undefined, complaintId: string, today = todayInChina()): Promise<ComplaintEntity> {
    return this.change(caller, complaintId, 'staff', async (manager, complaint, actor) => {
      await this.assertClosable(manager, complaint, today);
      this.move(complaint, 'CLOSE', today);
      complaint.closedAt = new Date();
      await this.log(manager, complaint, actor, 'CLOSED', '');
    });
  }

  private async assertClosable(manager: EntityManager, complaint: ComplaintEntity, today: string): Promise<void> {
    if (complaint.stage !== 'DECIDED') throw new WrongStageError(complaint.stage, 'Only a decided case is closed.');
    const sanction = await manager.findOneBy(SanctionEntity, { complaintId: complaint.id });
    if (sanction?.status === 'UNDER_APPEAL') throw new WrongStageError(complaint.stage, 'An appeal is pending.');
    if (sanction && sanction.status === 'IN_FORCE' && today <= sanction.appealDeadline) throw new WrongStageError(complaint.stage, `The appeal window is open until ${sanction.appealDeadline}.`);
  }

  // ---- scheduled work -----------------------------------------------------------------------

  /**
   * Escalates open cases whose stage deadline has passed: each is flagged once per stage, logged,
   * and a decided case whose appeal window has closed with no appeal pending is closed.
   */
  async escalateOverdue(today = todayInChina()): Promise<{ escalated: string[]; closed: string[] }> {
    const candidates = await this.dataSource
      .getRepository(ComplaintEntity)
      .createQueryBuilder('c')
      .where('c.closed_at IS NULL AND c.stage_due_on < :today', { today })
      .andWhere('(c.escalated_stage IS NULL OR c.escalated_stage <> c.stage OR c.stage = :decided)', { decided: 'DECIDED' })
      .orderBy('c.stage_due_on', 'ASC')
      .take(1000)
      .getMany();
    const escalated: string[] = [];
    const closed: string[] = [];
    for (const candidate of candidates) {
      await this.dataSource.transaction(async (manager) => {
        const complaint = await manager.findOne(ComplaintEntity, { where: { id: candidate.id }, lock: { mode: 'pessimistic_write' } });
        if (!complaint || complaint.closedAt || !complaint.stageDueOn || complaint.stageDueOn >= today) return;
        if (complaint.stage === 'DECIDED') {
          const closable = await this.assertClosable(manager, complaint, today).then(() => true, () => false);
          if (closable) {
            this.move(complaint, 'CLOSE', today);
            complaint.closedAt = new Date();
            await manager.save(complaint);
            await this.log(manager, complaint, undefined, 'CLOSED', 'Closed automatically after the appeal period.');
            closed.push(complaint.id);
            return;
          }
        }
        if (complaint.escalatedStage === complaint.stage) return;
        complaint.escalatedAt = new Date();
        complaint.escalatedStage = complaint.stage;
        await manager.save(complaint);
        await this.log(manager, complaint, undefined, 'ESCALATED', `Stage ${complaint.stage} was due on ${complaint.stageDueOn}.`);
        escalated.push(complaint.id);
      });
    }
    return { escalated, closed };
  }

  /** Erases complainants' identities of cases closed longer than the retention period; the cases stay. */
  async purgePersonalData(retentionDays: number, now = new Date()): Promise<{ purged: string[] }> {
    const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
    const updated = await updateReturning<{ id: string; association_id: string }>(
      this.dataSource,
      `UPDATE enforcement.complaint SET complainant_identity = NULL, complainant_organization_index = NULL, secret_hash = NULL, identity_purged_at = $2, updated_at = now()
        WHERE closed_at IS NOT NULL AND closed_at < $1 AND identity_purged_at IS NULL
        RETURNING id, association_id`,
      [cutoff, now],
    );
    for (const row of updated) {
      await this.dataSource.getRepository(ComplaintActivityEntity).insert({ associationId: row.association_id, complaintId: row.id, kind: 'PERSONAL_DATA_PURGED', note: `Retention of ${retentionDays} days after closure.`, actorAccountId: null });
    }
    return { purged: updated.map((r) => r.id) };
  }

  // ---- internals ----------------------------------------------------------------------------

  private move(complaint: ComplaintEntity, action: ComplaintActionName, today: string): void {
    try {
      complaint.stage = nextStage(complaint.stage, action);
    } catch (error) {
      if (error instanceof StageTransitionError) throw new WrongStageError(complaint.stage, error.message);
      throw error;
    }
    complaint.stageEnteredOn = today;
    complaint.stageDueOn = stageDueOn(complaint.stage, today, DEFAULT_STAGE_DEADLINES);
  }

  private async log(manager: EntityManager, complaint: ComplaintEntity, actor: Identity | undefined, kind: string, note: string): Promise<ComplaintActivityEntity> {
    return manager.save(manager.create(ComplaintActivityEntity, { associationId: complaint.associationId, complaintId: complaint.id, kind, note, actorAccountId: actor?.accountId ?? null }));
  }

  /** Locks the case, checks who may act, runs the change and saves. */
  private async change(
    caller: Identity | undefined,
    complaintId: string,
    who: 'staff' | 'handler' | 'respondent',
    work: (manager: EntityManager, complaint: ComplaintEntity, actor: Identity) => Promise<void>,
  ): Promise<ComplaintEntity> {
    const actor = requireIdentity(caller);
    return this.dataSource.transaction(async (manager) => {
      const complaint = await manager.findOne(ComplaintEntity, { where: { id: complaintId }, lock: { mode: 'pessimistic_write' } });
      if (!complaint) throw new ComplaintNotFoundError();
      const view = await this.viewOf(manager, actor, complaint);
      if (!view.caseHandler && !view.respondent) throw new ComplaintNotFoundError();
      if (who === 'staff' && !isStaff(actor, complaint.associationId)) throw new ForbiddenError('ROLE_REQUIRED', 'The executing body (secretariat or admin) does this.');
      if (who === 'handler' && !view.caseHandler) throw new ForbiddenError('ROLE_REQUIRED', 'Staff or an investigator assigned to the case does this.');
      if (who === 'respondent' && !view.respondent) throw new ForbiddenError('RESPONDENT_ONLY', "Only the respondent's representative replies.");
      await work(manager, complaint, actor);
      return manager.save(complaint);
    });
  }

  async organizationNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(OrganizationDirectoryEntryEntity).createQueryBuilder('o').where('o.organization_id IN (:...ids)', { ids: [...new Set(ids)] }).getMany();
    return new Map(rows.map((o) => [o.organizationId, o.name]));
  }
}

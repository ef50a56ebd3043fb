import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { type Identity, Role, STAFF_ROLES, requireIdentity, requireRole } from '@app/auth';
import { ForbiddenError, NotFoundError, addDays, todayInChina } from '@app/common';
import { OutboxService, type SanctionGradeName } from '@app/messaging';
import { updateReturning } from '@app/database';
import { representsOrganization } from '../common/acting-for';
import { sanctionGradeProblem, type PublicationScopeName } from '../complaints/complaint-stage';
import type { ComplaintEntity } from '../complaints/entities/complaint.entity';
import { ConventionEntity } from '../conventions/entities/convention.entity';
import { ConventionArticleEntity } from '../conventions/entities/convention-text.entity';
import { ConventionVersionEntity } from '../conventions/entities/convention-version.entity';
import { OrganizationDirectoryEntryEntity } from '../organization-directory/entities/organization-directory-entry.entity';
import { SignatoriesService } from '../signatories/signatories.service';
import { CommendationEntity, SanctionEntity } from './entities/sanction.entity';
import { AppealClosedError, NoPendingAppealError, SanctionGradeNotAllowedError, SanctionInputError } from './sanctions.exception';

export interface ImposeSanctionData {
  grade: SanctionGradeName;
  basisArticles: number[];
  publicationScope: PublicationScopeName;
  /** Days the entry stays published, from the decision. */
  publicationDays: number;
  /** Days the respondent has to appeal. */
  appealDays: number;
  decidedOn: string;
}

export interface CommendData {
  conventionId: string;
  organizationId: string | null;
  personName: string | null;
  citation: string;
  basisArticles: number[];
  publicationScope: PublicationScopeName;
  publicationDays: number;
}

const articleLabel = (n: number): string => `第${n}条`;

@Injectable()
export class SanctionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly signatories: SignatoriesService,
  ) {}

  /**
   * Records a sanction inside the decision's transaction: graded as the execution chapter allows,
   * resting on articles found breached, published for its period; a revocation ends the signature.
   * Every sanction publishes `enforcement.sanction.imposed` in the same transaction.
   */
  async imposeInTransaction(manager: EntityManager, actor: Identity, complaint: ComplaintEntity, data: ImposeSanctionData): Promise<SanctionEntity> {
    if (!Number.isInteger(data.publicationDays) || data.publicationDays < 1 || data.publicationDays > 1825) throw new SanctionInputError('INVALID_PUBLICATION_PERIOD', 'A sanction is published for 1 to 1825 days.', 'publicationDays');
    if (!Number.isInteger(data.appealDays) || data.appealDays < 7 || data.appealDays > 60) throw new SanctionInputError('INVALID_APPEAL_WINDOW', 'The appeal window is 7 to 60 days.', 'appealDays');
    if (data.basisArticles.length === 0) throw new SanctionInputError('ARTICLES_REQUIRED', 'A sanction names the articles it rests on.', 'basisArticles');
    const notFound = data.basisArticles.filter((n) => !(complaint.breachedArticles ?? []).includes(n));
    if (notFound.length) throw new SanctionInputError('BASIS_NOT_BREACHED', `Article ${notFound.join(', ')} was not found breached.`, 'basisArticles');
    const problem = sanctionGradeProblem(data.grade, complaint.adverseImpact, data.publicationScope);
    if (problem) throw new SanctionGradeNotAllowedError(problem);

    const basisArticles = [...new Set(data.basisArticles)].sort((a, b) => a - b);
    let sanction = await manager.save(
      manager.create(SanctionEntity, {
        associationId: complaint.associationId,
        complaintId: complaint.id,
        conventionId: complaint.conventionId,
        organizationId: complaint.respondentOrganizationId,
        grade: data.grade,
        basisArticles,
        summary: complaint.findingSummary ?? '',
        publicationScope: data.publicationScope,
        publishedFrom: data.decidedOn,
        publishedUntil: addDays(data.decidedOn, data.publicationDays - 1),
        decidedOn: data.decidedOn,
        appealDeadline: addDays(data.decidedOn, data.appealDays),
        decidedBy: actor.accountId,
      }),
    );
    if (data.grade === 'REVOCATION') {
      const signature = await this.signatories.revokeInTransaction(manager, {
        associationId: complaint.associationId,
        organizationId: complaint.respondentOrganizationId,
        conventionId: complaint.conventionId,
        sanctionId: sanction.id,
        endedOn: data.decidedOn,
      });
      sanction.signatureId = signature.id;
      sanction = await manager.save(sanction);
    }
    await this.outbox.record(manager, {
      type: 'enforcement.sanction.imposed',
      associationId: sanction.associationId,
      payload: {
        sanctionId: sanction.id,
        caseId: complaint.id,
        organizationId: sanction.organizationId,
        grade: sanction.grade,
        basisArticles: basisArticles.map(articleLabel),
        conventionId: sanction.conventionId,
        decidedOn: sanction.decidedOn,
        publicationScope: sanction.publicationScope,
        publishedUntil: sanction.publishedUntil,
      },
    });
    return sanction;
  }

  /** The respondent appeals within the window (申诉/复核). */
  async appeal(caller: Identity | undefined, sanctionId: string, grounds: string, today = todayInChina()): Promise<SanctionEntity> {
    const actor = requireIdentity(caller);
    if (grounds.trim().length < 10) throw new SanctionInputError('GROUNDS_REQUIRED', 'State the grounds of appeal in at least 10 characters.', 'grounds');
    return this.dataSource.transaction(async (manager) => {
      const sanction = await manager.findOne(SanctionEntity, { where: { id: sanctionId }, lock: { mode: 'pessimistic_write' } });
      if (!sanction) throw new NotFoundError('Sanction', sanctionId);
      if (!representsOrganization(actor, sanction.associationId, sanction.organizationId)) throw new ForbiddenError('RESPONDENT_ONLY', "Only the sanctioned unit's representative appeals.");
      if (sanction.status !== 'IN_FORCE' || sanction.appealedAt) throw new AppealClosedError('ALREADY_APPEALED');
      if (today > sanction.appealDeadline) throw new AppealClosedError('DEADLINE_PASSED');
      sanction.status = 'UNDER_APPEAL';
      sanction.appealGrounds = grounds.trim();
      sanction.appealedAt = new Date();
      return manager.save(sanction);
    });
  }

  /**
   * The executing body reviews an appeal: upheld, or overturned (the entry leaves the registers).
   * Overturning a revocation restores the unit as a signatory in the same transaction, from the
   * review date, unless it has signed again meanwhile or the convention has no version in effect;
   * the sanction records which (`signatureRestoration`, `restoredSignatureId`).
   */
  async reviewAppeal(caller: Identity | undefined, sanctionId: string, outcome: 'UPHELD' | 'OVERTURNED', reason: string, today = todayInChina()): Promise<SanctionEntity> {
    const actor = requireIdentity(caller);
    if (reason.trim().length < 10) throw new SanctionInputError('REASON_REQUIRED', 'Give the reason of the review in at least 10 characters.', 'reason');
    return this.dataSource.transaction(async (manager) => {
      const sanction = await manager.findOne(SanctionEntity, { where: { id: sanctionId }, lock: { mode: 'pessimistic_write' } });
      if (!sanction) throw new NotFoundError('Sanction', sanctionId);
      requireRole(actor, sanction.associationId, STAFF_ROLES);
      if (sanction.status !== 'UNDER_APPEAL') throw new NoPendingAppealError();
      sanction.status = outcome;
      sanction.appealOutcome = outcome;
      sanction.appealReason = reason.trim();
      sanction.appealDecidedOn = today;
      if (outcome === 'OVERTURNED') sanction.delistedAt = new Date();
      let saved = await manager.save(sanction);
      if (outcome === 'OVERTURNED') {
        await this.outbox.record(manager, {
          type: 'enforcement.sanction.overturned',
          associationId: saved.associationId,
          payload: { sanctionId: saved.id, caseId: saved.complaintId, organizationId: saved.organizationId, grade: saved.grade, conventionId: saved.conventionId, overturnedOn: today },
        });
        if (saved.grade === 'REVOCATION' && saved.signatureId) {
          const restoration = await this.signatories.restoreInTransaction(manager, { associationId: saved.associationId, signatureId: saved.signatureId, restoredOn: today, recordedBy: actor.accountId });
          saved.signatureRestoration = restoration.outcome;
          saved.restoredSignatureId = restoration.signature?.id ?? null;
          saved = await manager.save(saved);
        }
      }
      return saved;
    });
  }

  async get(caller: Identity | undefined, id: string): Promise<SanctionEntity> {
    const sanction = await this.dataSource.getRepository(SanctionEntity).findOneBy({ id });
    if (!sanction) throw new NotFoundError('Sanction', id);
    const actor = requireIdentity(caller);
    const own = representsOrganization(actor, sanction.associationId, sanction.organizationId);
    if (!own) requireRole(actor, sanction.associationId, [...STAFF_ROLES, Role.INVESTIGATOR, Role.REGULATOR]);
    return sanction;
  }

  /** Every sanction of an association (internal ones included), newest first: staff and regulators. */
  async list(caller: Identity | undefined, associationId: string): Promise<SanctionEntity[]> {
    requireRole(caller, associationId, [...STAFF_ROLES, Role.REGULATOR]);
    return this.dataSource.getRepository(SanctionEntity).find({ where: { associationId }, order: { decidedOn: 'DESC', id: 'ASC' }, take: 500 });
  }

  async byComplaints(complaintIds: string[]): Promise<Map<string, SanctionEntity>> {
    if (complaintIds.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(SanctionEntity).findBy({ complaintId: In(complaintIds) });
    return new Map(rows.map((s) => [s.complaintId, s]));
  }

  /** The public register: public sanctions within their publication period, not overturned. */
  async sanctionRegister(associationId: string, today = todayInChina()): Promise<SanctionEntity[]> {
    return this.dataSource
      .getRepository(SanctionEntity)
      .createQueryBuilder('s')
      .where(`s.association_id = :associationId AND s.publication_scope = 'PUBLIC' AND s.delisted_at IS NULL AND s.status <> 'OVERTURNED'`, { associationId })
      .andWhere('s.published_from <= :today AND s.published_until >= :today', { today })
      .orderBy('s.decided_on', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .take(500)
      .getMany();
  }

  async commend(caller: Identity | undefined, data: CommendData, today = todayInChina()): Promise<CommendationEntity> {
    const actor = requireIdentity(caller);
    if (!data.organizationId && !data.personName?.trim()) throw new SanctionInputError('SUBJECT_REQUIRED', 'Name the unit or the person commended.', 'organizationId');
    if (data.citation.trim().length < 10) throw new SanctionInputError('CITATION_REQUIRED', 'Write the citation in at least 10 characters.', 'citation');
    if (!Number.isInteger(data.publicationDays) || data.publicationDays < 1 || data.publicationDays > 1825) throw new SanctionInputError('INVALID_PUBLICATION_PERIOD', 'A commendation is published for 1 to 1825 days.', 'publicationDays');
    return this.dataSource.transaction(async (manager) => {
      const convention = await manager.findOneBy(ConventionEntity, { id: data.conventionId });
      if (!convention) throw new NotFoundError('Convention', data.conventionId);
      requireRole(actor, convention.associationId, STAFF_ROLES);
      if (data.organizationId && !(await manager.existsBy(OrganizationDirectoryEntryEntity, { organizationId: data.organizationId, associationId: convention.associationId }))) {
        throw new SanctionInputError('UNKNOWN_ORGANIZATION', 'The unit is not registered in this association.', 'organizationId');
      }
      const articles = [...new Set(data.basisArticles)].sort((a, b) => a - b);
      if (articles.length) {
        const version = await manager.findOneBy(ConventionVersionEntity, { conventionId: convention.id, status: 'EFFECTIVE' });
        const found = version ? await manager.countBy(ConventionArticleEntity, { versionId: version.id, number: In(articles) }) : 0;
        if (found !== articles.length) throw new SanctionInputError('UNKNOWN_ARTICLES', 'Some articles do not exist in the convention in effect.', 'basisArticles');
      }
      return manager.save(
        manager.create(CommendationEntity, {
          associationId: convention.associationId,
          conventionId: convention.id,
          organizationId: data.organizationId,
          personName: data.personName?.trim() || null,
          citation: data.citation.trim(),
          basisArticles: articles,
          publicationScope: data.publicationScope,
          publishedFrom: today,
          publishedUntil: addDays(today, data.publicationDays - 1),
          decidedOn: today,
          decidedBy: actor.accountId,
        }),
      );
    });
  }

  async commendationRegister(associationId: string, today = todayInChina()): Promise<CommendationEntity[]> {
    return this.dataSource
      .getRepository(CommendationEntity)
      .createQueryBuilder('c')
      .where(`c.association_id = :associationId AND c.publication_scope = 'PUBLIC' AND c.delisted_at IS NULL`, { associationId })
      .andWhere('c.published_from <= :today AND c.published_until >= :today', { today })
      .orderBy('c.decided_on', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .take(500)
      .getMany();
  }

  /** Scheduled: entries whose publication period has ended leave the registers. */
  async expireRegisters(today = todayInChina()): Promise<{ sanctions: string[]; commendations: string[] }> {
    const expire = async (table: 'sanction' | 'commendation'): Promise<string[]> => {
      const delisted = await updateReturning<{ id: string }>(
        this.dataSource,
        `UPDATE enforcement.${table} SET delisted_at = now() WHERE delisted_at IS NULL AND published_until < $1 RETURNING id`,
        [today],
      );
      return delisted.map((r) => r.id);
    };
    return { sanctions: await expire('sanction'), commendations: await expire('commendation') };
  }

  async conventionTitles(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(ConventionEntity).findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.map((c) => [c.id, c.title]));
  }
}

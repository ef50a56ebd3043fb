import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Identity, STAFF_ROLES, canRead, requireIdentity, requireReadAccess, requireRole } from '@app/auth';
import { NotFoundError, paginate, type ConnectionShape, type PageArgsInput, addDays, daysBetween, isIsoDate, todayInChina } from '@app/common';
import { isStaff } from '../common/acting-for';
import { ConventionEntity, type ConventionKindName } from './entities/convention.entity';
import { ConventionArticleEntity, ConventionChapterEntity } from './entities/convention-text.entity';
import { ConventionVersionEntity, type AdoptionMethodName, type InitiatorRecord } from './entities/convention-version.entity';
import {
  AdoptionMethodNotAllowedError,
  AdoptionRecordIncompleteError,
  AlreadyPublishedError,
  AmendmentBallotRequiredError,
  AuthorityApprovalRequiredError,
  CompetentAuthorityRequiredError,
  ConventionTitleTakenError,
  DraftExistsError,
  InsufficientConsentError,
  InvalidDateError,
  NoArticlesError,
  ParentConventionRequiredError,
  ParentNotInEffectError,
  VersionStatusError,
} from './conventions.exception';
import { importConventionText, type ImportedConventionText } from './text/convention-text-importer';

/** Days after taking effect within which the executing body must publish the text. */
export const PUBLICATION_PERIOD_DAYS = 30;
/** A publication deadline this close (or past) is reported. */
export const PUBLICATION_WARNING_DAYS = 7;

export interface CreateConventionData {
  associationId: string;
  kind: ConventionKindName;
  title: string;
  executingBody: string;
  parentConventionId?: string | null;
  requiresAuthorityApproval?: boolean;
  competentAuthority?: string | null;
  text: string;
}

export interface AdoptVersionData {
  versionId: string;
  method: AdoptionMethodName;
  adoptedOn: string;
  effectiveOn: string;
  /** Resolution of the member congress, record of the initiators' signing, or consent decision. */
  reference?: string | null;
  initiators?: null | Array<Omit<InitiatorRecord, 'organizationId' | 'authorisationReference'> & { organizationId?: string | null; authorisationReference?: string | null }>;
  consentingUnits?: number | null;
  authorityApproval?: { authority: string; reference: string; approvedOn: string } | null;
}

export type PublicationWarningLevel = 'DUE_SOON' | 'OVERDUE';

export interface PublicationWarning {
  version: ConventionVersionEntity;
  conventionTitle: string;
  level: PublicationWarningLevel;
  /** Negative when the deadline has passed. */
  daysLeft: number;
}

/** The warning for one version on a day: unpublished, with a deadline within `warningDays` or past. */
export function publicationWarningOf(
  version: Pick<ConventionVersionEntity, 'publishedOn' | 'publicationDeadline'>,
  today: string,
  warningDays = PUBLICATION_WARNING_DAYS,
): { version: typeof version; level: PublicationWarningLevel; daysLeft: number } | null {
  if (version.publishedOn || !version.publicationDeadline) return null;
  const daysLeft = daysBetween(today, version.publicationDeadline);
  if (daysLeft > warningDays) return null;
  return { version, level: daysLeft < 0 ? 'OVERDUE' : 'DUE_SOON', daysLeft };
}

function assertDate(field: string, value: string): void {
  if (!isIsoDate(value)) throw new InvalidDateError(field);
}

@Injectable()
export class ConventionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Parses a text without storing anything (preview for the secretariat). */
  preview(caller: Identity | undefined, text: string): ImportedConventionText {
    requireIdentity(caller);
    return importConventionText(text);
  }

  async create(caller: Identity | undefined, data: CreateConventionData): Promise<{ convention: ConventionEntity; version: ConventionVersionEntity }> {
    const actor = requireRole(caller, data.associationId, STAFF_ROLES);
    if ((data.kind === 'SUB_INDUSTRY_AGREEMENT') !== !!data.parentConventionId) throw new ParentConventionRequiredError();
    if (data.requiresAuthorityApproval && !data.competentAuthority?.trim()) throw new CompetentAuthorityRequiredError();
    const imported = importConventionText(data.text);
    if (imported.articles.length === 0) throw new NoArticlesError();
    return this.dataSource.transaction(async (manager) => {
      if (data.parentConventionId) {
        const parent = await manager.findOneBy(ConventionEntity, { id: data.parentConventionId, associationId: data.associationId });
        if (!parent || parent.kind === 'SUB_INDUSTRY_AGREEMENT') throw new NotFoundError('Convention', data.parentConventionId);
      }
      const title = data.title.trim();
      if (await manager.existsBy(ConventionEntity, { associationId: data.associationId, title })) throw new ConventionTitleTakenError(title);
      const convention = await manager.save(
        manager.create(ConventionEntity, {
          associationId: data.associationId,
          kind: data.kind,
          title,
          executingBody: data.executingBody.trim(),
          parentConventionId: data.parentConventionId ?? null,
          requiresAuthorityApproval: !!data.requiresAuthorityApproval,
          competentAuthority: data.competentAuthority?.trim() || null,
          createdBy: actor.accountId,
        }),
      );
      const version = await this.insertVersion(manager, convention, 1, data.text, imported, actor.accountId);
      return { convention, version };
    });
  }

  /** Replaces the text of a draft. */
  async reviseDraft(caller: Identity | undefined, versionId: string, text: string): Promise<ConventionVersionEntity> {
    const imported = importConventionText(text);
    return this.dataSource.transaction(async (manager) => {
      const version = await this.lockVersion(manager, caller, versionId);
      if (version.status !== 'DRAFT') throw new VersionStatusError(version.status, 'DRAFT', 'revise');
      if (imported.articles.length === 0) throw new NoArticlesError();
      await manager.delete(ConventionArticleEntity, { versionId });
      await manager.delete(ConventionChapterEntity, { versionId });
      version.sourceText = text;
      version.importWarnings = imported.warnings;
      const saved = await manager.save(version);
      await this.insertStructure(manager, saved, imported);
      return saved;
    });
  }

  /** Opens a new draft version (e.g. a revised code of ethics). Conventions in effect change only by amendment. */
  async startRevision(caller: Identity | undefined, conventionId: string, text: string): Promise<ConventionVersionEntity> {
    const imported = importConventionText(text);
    if (imported.articles.length === 0) throw new NoArticlesError();
    return this.dataSource.transaction(async (manager) => {
      const convention = await this.lockConvention(manager, caller, conventionId);
      if (await manager.existsBy(ConventionVersionEntity, { conventionId, status: 'DRAFT' })) throw new DraftExistsError();
      return this.insertVersion(manager, convention, await this.nextVersionNumber(manager, conventionId), text, imported, requireIdentity(caller).accountId);
    });
  }

  /**
   * DRAFT → ADOPTED, recording how: a member congress vote, the initiators' signatures, or (for an
   * annex) the consent of the parent convention's signatory units. Refused without the competent
   * authority's approval when the convention requires it. A version whose effective date has come
   * takes effect at once (superseding the one in effect); later ones on that date (daily job).
   */
  async adopt(caller: Identity | undefined, data: AdoptVersionData, today = todayInChina()): Promise<ConventionVersionEntity> {
    assertDate('adoptedOn', data.adoptedOn);
    assertDate('effectiveOn', data.effectiveOn);
    if (data.adoptedOn > today) throw new InvalidDateError('adoptedOn', 'A version cannot be adopted in the future.');
    if (data.effectiveOn < data.adoptedOn) throw new InvalidDateError('effectiveOn', 'A version cannot take effect before it is adopted.');
    return this.dataSource.transaction(async (manager) => {
      const version = await this.lockVersion(manager, caller, data.versionId);
      if (version.status !== 'DRAFT') throw new VersionStatusError(version.status, 'DRAFT', 'adopt');
      const convention = await manager.findOneByOrFail(ConventionEntity, { id: version.conventionId });
      await this.assertAdoptionRules(manager, convention, data);
      version.status = 'ADOPTED';
      version.adoptionMethod = data.method;
      version.adoptedOn = data.adoptedOn;
      version.effectiveOn = data.effectiveOn;
      version.adoptionReference = data.reference?.trim() || null;
      version.initiators = (data.initiators ?? []).map((i) => ({
        organizationId: i.organizationId ?? null,
        name: i.name.trim(),
        signerCapacity: i.signerCapacity,
        authorisationReference: i.authorisationReference?.trim() || null,
        signedOn: i.signedOn,
      }));
      if (data.method === 'SIGNATORY_CONSENT') {
        version.consentingUnits = data.consentingUnits ?? null;
        version.consentRollSize = await this.activeSignatoryCount(manager, convention.parentConventionId!, data.adoptedOn);
      }
      if (data.authorityApproval) {
        version.approvingAuthority = data.authorityApproval.authority.trim();
        version.authorityApprovalReference = data.authorityApproval.reference.trim();
        version.authorityApprovedOn = data.authorityApproval.approvedOn;
      }
      const saved = await manager.save(version);
      return data.effectiveOn <= today ? this.bringIntoEffect(manager, saved) : saved;
    });
  }

  private async assertAdoptionRules(manager: EntityManager, convention: ConventionEntity, data: AdoptVersionData): Promise<void> {
    const { method } = data;
    if (method === 'AMENDMENT_BALLOT') throw new AdoptionMethodNotAllowedError(method, 'an amended text is adopted by closing its amendment ballot.');
    const isAnnex = convention.kind === 'SUB_INDUSTRY_AGREEMENT';
    if (isAnnex !== (method === 'SIGNATORY_CONSENT')) {
      throw new AdoptionMethodNotAllowedError(method, isAnnex ? 'an annexed agreement is adopted with the consent of the parent convention’s signatory units.' : 'only annexed agreements are adopted by signatory consent.');
    }
    const everInEffect = await manager
      .createQueryBuilder(ConventionVersionEntity, 'v')
      .where('v.convention_id = :id AND v.status IN (:...statuses)', { id: convention.id, statuses: ['EFFECTIVE', 'SUPERSEDED'] })
      .getExists();
    if (everInEffect && (convention.kind === 'CONVENTION' || isAnnex)) throw new AmendmentBallotRequiredError();

    if (method === 'MEMBER_CONGRESS_VOTE' && !data.reference?.trim()) {
      throw new AdoptionRecordIncompleteError('reference', 'Cite the member congress resolution that adopted the text.');
    }
    if (method === 'INITIATOR_SIGNATURES') {
      const initiators = data.initiators ?? [];
      if (initiators.length === 0) throw new AdoptionRecordIncompleteError('initiators', 'List the initiating units or persons who signed.');
      for (const initiator of initiators) {
        assertDate('initiators.signedOn', initiator.signedOn);
        if (initiator.signedOn > data.effectiveOn) throw new AdoptionRecordIncompleteError('initiators', 'The text takes effect only once every initiator has signed.');
        if (initiator.signerCapacity === 'DELEGATE' && !initiator.authorisationReference?.trim()) {
          throw new AdoptionRecordIncompleteError('initiators', `${initiator.name} signed through a delegate: give the authorisation reference.`);
        }
        if (initiator.organizationId) {
          const known = await manager.query(`SELECT 1 FROM enforcement.organization_directory WHERE organization_id = $1 AND association_id = $2`, [initiator.organizationId, convention.associationId]);
          if (known.length === 0) throw new NotFoundError('Organization', initiator.organizationId);
        }
      }
    }
    if (method === 'SIGNATORY_CONSENT') {
      const parentInEffect = await manager.existsBy(ConventionVersionEntity, { conventionId: convention.parentConventionId!, status: 'EFFECTIVE' });
      if (!parentInEffect) throw new ParentNotInEffectError();
      if (!data.reference?.trim()) throw new AdoptionRecordIncompleteError('reference', 'Cite the record of the signatory units’ consent.');
      const roll = await this.activeSignatoryCount(manager, convention.parentConventionId!, data.adoptedOn);
      // "经公约成员单位同意": read as a majority of the parent's signatory units on the day of adoption.
      const required = Math.floor(roll / 2) + 1;
      const consenting = data.consentingUnits ?? 0;
      if (!Number.isInteger(consenting) || consenting > roll || consenting < required) throw new InsufficientConsentError(consenting, required, roll);
    }
    if (data.authorityApproval) {
      assertDate('authorityApproval.approvedOn', data.authorityApproval.approvedOn);
      if (data.authorityApproval.approvedOn > data.effectiveOn) throw new InvalidDateError('authorityApproval.approvedOn', 'The approval must come before the text takes effect.');
    } else if (convention.requiresAuthorityApproval) {
      throw new AuthorityApprovalRequiredError(convention.competentAuthority);
    }
  }

  /** ADOPTED → EFFECTIVE; the version in effect until then becomes SUPERSEDED on the same date. */
  async bringIntoEffect(manager: EntityManager, version: ConventionVersionEntity): Promise<ConventionVersionEntity> {
    const effectiveOn = version.effectiveOn!;
    const current = await manager.findOne(ConventionVersionEntity, { where: { conventionId: version.conventionId, status: 'EFFECTIVE' }, lock: { mode: 'pessimistic_write' } });
    if (current) {
      current.status = 'SUPERSEDED';
      current.supersededOn = effectiveOn < current.effectiveOn! ? current.effectiveOn : effectiveOn;
      current.supersededByVersionId = version.id;
      await manager.save(current);
    }
    version.status = 'EFFECTIVE';
    version.publicationDeadline = addDays(effectiveOn, PUBLICATION_PERIOD_DAYS);
    return manager.save(version);
  }

  /** Brings every adopted version whose effective date has come into effect. Returns them. */
  async applyDueEffectiveDates(today = todayInChina()): Promise<ConventionVersionEntity[]> {
    const due = await this.dataSource
      .getRepository(ConventionVersionEntity)
      .createQueryBuilder('v')
      .where(`v.status = 'ADOPTED' AND v.effective_on <= :today`, { today })
      .orderBy('v.effective_on', 'ASC')
      .getMany();
    const applied: ConventionVersionEntity[] = [];
    for (const candidate of due) {
      const version = await this.dataSource.transaction(async (manager) => {
        await manager.query(`SELECT 1 FROM enforcement.convention WHERE id = $1 FOR UPDATE`, [candidate.conventionId]);
        const fresh = await manager.findOneBy(ConventionVersionEntity, { id: candidate.id, status: 'ADOPTED' });
        return fresh ? this.bringIntoEffect(manager, fresh) : null;
      });
      if (version) applied.push(version);
    }
    return applied;
  }

  /** Records that the executing body published the text (within 30 days of its taking effect). */
  async recordPublication(caller: Identity | undefined, versionId: string, publishedOn: string, channel: string, today = todayInChina()): Promise<ConventionVersionEntity> {
    assertDate('publishedOn', publishedOn);
    if (publishedOn > today) throw new InvalidDateError('publishedOn', 'A publication cannot be recorded in advance.');
    return this.dataSource.transaction(async (manager) => {
      const version = await this.lockVersion(manager, caller, versionId);
      if (version.status === 'DRAFT') throw new VersionStatusError(version.status, 'ADOPTED or in effect', 'publish');
      if (version.publishedOn) throw new AlreadyPublishedError();
      if (publishedOn < version.adoptedOn!) throw new InvalidDateError('publishedOn', 'A version cannot be published before it is adopted.');
      version.publishedOn = publishedOn;
      version.publicationChannel = channel.trim();
      return manager.save(version);
    });
  }

  /** Versions in effect whose text is not yet published and whose deadline is near or past. */
  async publicationWarnings(associationId: string | null, today = todayInChina(), warningDays = PUBLICATION_WARNING_DAYS): Promise<PublicationWarning[]> {
    const qb = this.dataSource
      .getRepository(ConventionVersionEntity)
      .createQueryBuilder('v')
      .where('v.published_on IS NULL AND v.publication_deadline IS NOT NULL AND v.publication_deadline <= :limit', { limit: addDays(today, warningDays) })
      .orderBy('v.publication_deadline', 'ASC')
      .addOrderBy('v.id', 'ASC');
    if (associationId) qb.andWhere('v.association_id = :associationId', { associationId });
    const versions = await qb.getMany();
    if (versions.length === 0) return [];
    const conventions = await this.dataSource.getRepository(ConventionEntity).createQueryBuilder('c').where('c.id IN (:...ids)', { ids: versions.map((v) => v.conventionId) }).getMany();
    const titles = new Map(conventions.map((c) => [c.id, c.title]));
    return versions.flatMap((version) => {
      const warning = publicationWarningOf(version, today, warningDays);
      return warning ? [{ version, level: warning.level, daysLeft: warning.daysLeft, conventionTitle: titles.get(version.conventionId) ?? '' }] : [];
    });
  }

  async publicationWarningsFor(caller: Identity | undefined, associationId: string, today?: string): Promise<PublicationWarning[]> {
    requireRole(caller, associationId, STAFF_ROLES);
    return this.publicationWarnings(associationId, today);
  }

  // ---- reads ------------------------------------------------------------------------------

  /** Anyone may read a convention that has a version in effect; other conventions need a role in the association. */
  async getConvention(caller: Identity | undefined, id: string): Promise<ConventionEntity> {
    const convention = await this.dataSource.getRepository(ConventionEntity).findOneBy({ id });
    if (!convention) throw new NotFoundError('Convention', id);
    if (!canRead(caller, convention.associationId) && !(await this.hasPublicVersion(convention.id))) throw new NotFoundError('Convention', id);
    return convention;
  }

  async listConventions(caller: Identity | undefined, associationId: string, page: PageArgsInput): Promise<ConnectionShape<ConventionEntity>> {
    const qb = this.dataSource.getRepository(ConventionEntity).createQueryBuilder('c').where('c.association_id = :associationId', { associationId });
    if (!canRead(caller, associationId)) {
      qb.andWhere(`EXISTS (SELECT 1 FROM enforcement.convention_version v WHERE v.convention_id = c.id AND v.status = 'EFFECTIVE')`);
    }
    return paginate(qb, page, { createdAt: 'c.created_at', id: 'c.id' }, (c) => c);
  }

  /** The public reads versions in effect; readers of the association read every version. */
  async getVersion(caller: Identity | undefined, id: string): Promise<ConventionVersionEntity> {
    const version = await this.dataSource.getRepository(ConventionVersionEntity).findOneBy({ id });
    if (!version || !this.mayReadVersion(caller, version)) throw new NotFoundError('ConventionVersion', id);
    return version;
  }

  mayReadVersion(caller: Identity | undefined, version: ConventionVersionEntity): boolean {
    return version.status === 'EFFECTIVE' || canRead(caller, version.associationId);
  }

  async versionsOf(caller: Identity | undefined, convention: ConventionEntity): Promise<ConventionVersionEntity[]> {
    const versions = await this.dataSource.getRepository(ConventionVersionEntity).find({ where: { conventionId: convention.id }, order: { versionNumber: 'ASC' } });
    return versions.filter((v) => this.mayReadVersion(caller, v));
  }

  async conventionOf(conventionId: string): Promise<ConventionEntity> {
    return this.dataSource.getRepository(ConventionEntity).findOneByOrFail({ id: conventionId });
  }

  async currentVersionOf(conventionId: string): Promise<ConventionVersionEntity | null> {
    return this.dataSource.getRepository(ConventionVersionEntity).findOneBy({ conventionId, status: 'EFFECTIVE' });
  }

  async chaptersOf(versionId: string): Promise<ConventionChapterEntity[]> {
    return this.dataSource.getRepository(ConventionChapterEntity).find({ where: { versionId }, order: { number: 'ASC' } });
  }

  async articlesOf(versionId: string): Promise<ConventionArticleEntity[]> {
    return this.dataSource.getRepository(ConventionArticleEntity).find({ where: { versionId }, order: { number: 'ASC' } });
  }

  /** One article by number, e.g. for citing it in a complaint or a sanction. */
  async findArticle(manager: EntityManager, versionId: string, number: number): Promise<ConventionArticleEntity | null> {
    return manager.findOneBy(ConventionArticleEntity, { versionId, number });
  }

  staffOnly(caller: Identity | undefined, associationId: string): void {
    requireRole(caller, associationId, STAFF_ROLES);
  }

  readOnly(caller: Identity | undefined, associationId: string): void {
    requireReadAccess(caller, associationId);
  }

  isStaff(caller: Identity | undefined, associationId: string): boolean {
    return isStaff(caller, associationId);
  }

  // ---- internals --------------------------------------------------------------------------

  /** Creates a version with its structured text (also used when an amendment is adopted). */
  async insertVersion(
    manager: EntityManager,
    convention: ConventionEntity,
    versionNumber: number,
    text: string,
    imported: ImportedConventionText,
    createdBy: string,
    extra: Partial<ConventionVersionEntity> = {},
  ): Promise<ConventionVersionEntity> {
    const version = await manager.save(
      manager.create(ConventionVersionEntity, {
        associationId: convention.associationId,
        conventionId: convention.id,
        versionNumber,
        status: 'DRAFT',
        title: imported.title ?? convention.title,
        sourceText: text,
        importWarnings: imported.warnings,
        createdBy,
        ...extra,
      }),
    );
    await this.insertStructure(manager, version, imported);
    return version;
  }

  async nextVersionNumber(manager: EntityManager, conventionId: string): Promise<number> {
    const [{ next }] = await manager.query(`SELECT COALESCE(max(version_number), 0) + 1 AS next FROM enforcement.convention_version WHERE convention_id = $1`, [conventionId]);
    return Number(next);
  }

  private async insertStructure(manager: EntityManager, version: ConventionVersionEntity, imported: ImportedConventionText): Promise<void> {
    const { associationId, id: versionId } = version;
    if (imported.chapters.length > 0) {
      await manager.insert(ConventionChapterEntity, imported.chapters.map((c) => ({ associationId, versionId, number: c.number, label: c.label, title: c.title })));
    }
    if (imported.articles.length > 0) {
      await manager.insert(
        ConventionArticleEntity,
        imported.articles.map((a) => ({ associationId, versionId, chapterNumber: a.chapterNumber, number: a.number, label: a.label, text: a.text, items: a.items })),
      );
    }
  }

  private async hasPublicVersion(conventionId: string): Promise<boolean> {
    return this.dataSource.getRepository(ConventionVersionEntity).existsBy({ conventionId, status: 'EFFECTIVE' });
  }

  /** Units whose signature is in force on the day (signed on or before it, not ended by it). */
  async activeSignatoryCount(manager: EntityManager, conventionId: string, onDate: string): Promise<number> {
    const [{ n }] = await manager.query(
      `SELECT count(DISTINCT organization_id)::int AS n FROM enforcement.convention_signature
        WHERE convention_id = $1 AND signed_on <= $2 AND (ended_on IS NULL OR ended_on > $2)`,
      [conventionId, onDate],
    );
    return n;
  }

  private async lockConvention(manager: EntityManager, caller: Identity | undefined, conventionId: string): Promise<ConventionEntity> {
    const convention = await manager.findOne(ConventionEntity, { where: { id: conventionId }, lock: { mode: 'pessimistic_write' } });
    if (!convention) throw new NotFoundError('Convention', conventionId);
    requireRole(caller, convention.associationId, STAFF_ROLES);
    return convention;
  }

  /** Locks the version's convention (serialising its lifecycle) and returns the version, for staff only. */
  private async lockVersion(manager: EntityManager, caller: Identity | undefined, versionId: string): Promise<ConventionVersionEntity> {
    const peek = await manager.findOneBy(ConventionVersionEntity, { id: versionId });
    if (!peek) throw new NotFoundError('ConventionVersion', versionId);
    await this.lockConvention(manager, caller, peek.conventionId);
    return manager.findOneByOrFail(ConventionVersionEntity, { id: versionId });
  }
}

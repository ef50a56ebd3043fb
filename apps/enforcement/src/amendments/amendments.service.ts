import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Identity, STAFF_ROLES, requireIdentity, requireReadAccess, requireRole } from '@app/auth';
import { NotFoundError, paginate, type ConnectionShape, type PageArgsInput, isIsoDate, todayInChina } from '@app/common';
import { OutboxService } from '@app/messaging';
import { AMENDMENT_ADOPTION, AMENDMENT_COSIGNATURE, Electorate, countBallots, evaluateBallot, supportersRequired, type BallotOutcome } from '@app/voting';
import { NoticesService } from '../notices/notices.service';
import { representsOrganization } from '../common/acting-for';
import { AuthorityApprovalRequiredError, InvalidDateError, NoArticlesError } from '../conventions/conventions.exception';
import { ConventionsService } from '../conventions/conventions.service';
import { ConventionEntity } from '../conventions/entities/convention.entity';
import { ConventionVersionEntity } from '../conventions/entities/convention-version.entity';
import { importConventionText } from '../conventions/text/convention-text-importer';
import { NotRepresentativeError } from '../signatories/signatories.exception';
import { SignatoriesService } from '../signatories/signatories.service';
import {
  AlreadyCosignedError,
  AlreadyVotedError,
  AmendmentStatusError,
  BaseVersionReplacedError,
  ConventionNotInEffectError,
  EmptyRollError,
  NotOnRollError,
  NotSignatoryError,
} from './amendments.exception';
import {
  AmendmentCosignatureEntity,
  AmendmentRollEntryEntity,
  AmendmentVoteEntity,
  ConventionAmendmentEntity,
  type AmendmentVotePositionName,
} from './entities/convention-amendment.entity';

export interface ProposeAmendmentData {
  conventionId: string;
  title: string;
  /** The full amended text. */
  text: string;
  rationale?: string | null;
  /** Set when a signatory unit proposes (through its MEMBER_REP); absent when the executing body does. */
  proposerOrganizationId?: string | null;
}

export interface AuthorityApprovalData {
  authority: string;
  reference: string;
  approvedOn: string;
}

@Injectable()
export class AmendmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly conventions: ConventionsService,
    private readonly signatories: SignatoriesService,
    private readonly notices: NoticesService,
  ) {}

  /**
   * By the executing body (secretariat/admin): proposed at once. By a signatory unit (its MEMBER_REP):
   * the unit's own support counts, and the proposal stands once at least 1/10 of all signatory
   * units (rounded up) support it.
   */
  async propose(caller: Identity | undefined, data: ProposeAmendmentData, today = todayInChina()): Promise<ConventionAmendmentEntity> {
    const actor = requireIdentity(caller);
    const imported = importConventionText(data.text);
    if (imported.articles.length === 0) throw new NoArticlesError();
    return this.dataSource.transaction(async (manager) => {
      const convention = await this.lockConvention(manager, data.conventionId);
      if (data.proposerOrganizationId) {
        requireReadAccess(actor, convention.associationId);
        if (!representsOrganization(actor, convention.associationId, data.proposerOrganizationId)) throw new NotRepresentativeError();
      } else {
        requireRole(actor, convention.associationId, STAFF_ROLES);
      }
      const base = await manager.findOneBy(ConventionVersionEntity, { conventionId: convention.id, status: 'EFFECTIVE' });
      if (!base) throw new ConventionNotInEffectError();
      const signature = data.proposerOrganizationId ? await this.signatories.signatureInForce(manager, convention.id, data.proposerOrganizationId, today) : null;
      if (data.proposerOrganizationId && !signature) throw new NotSignatoryError();
      const amendment = await manager.save(
        manager.create(ConventionAmendmentEntity, {
          associationId: convention.associationId,
          conventionId: convention.id,
          baseVersionId: base.id,
          title: data.title.trim(),
          proposedText: data.text,
          rationale: data.rationale?.trim() || null,
          proposerKind: data.proposerOrganizationId ? 'SIGNATORIES' : 'EXECUTING_BODY',
          proposerOrganizationId: data.proposerOrganizationId ?? null,
          proposedBy: actor.accountId,
          status: data.proposerOrganizationId ? 'COLLECTING_SUPPORT' : 'PROPOSED',
          proposedAt: data.proposerOrganizationId ? null : new Date(),
        }),
      );
      if (signature) return this.addSupport(manager, amendment, signature.organizationId, signature.id, actor.accountId, today);
      return amendment;
    });
  }

  /** A signatory unit (through its MEMBER_REP) supports a proposal still collecting support. */
  async cosign(caller: Identity | undefined, amendmentId: string, organizationId: string, today = todayInChina()): Promise<ConventionAmendmentEntity> {
    const actor = requireIdentity(caller);
    return this.dataSource.transaction(async (manager) => {
      const amendment = await this.lockAmendment(manager, amendmentId);
      requireReadAccess(actor, amendment.associationId);
      if (!representsOrganization(actor, amendment.associationId, organizationId)) throw new NotRepresentativeError();
      if (amendment.status !== 'COLLECTING_SUPPORT') throw new AmendmentStatusError(amendment.status, 'COLLECTING_SUPPORT');
      const signature = await this.signatories.signatureInForce(manager, amendment.conventionId, organizationId, today);
      if (!signature) throw new NotSignatoryError();
      if (await manager.existsBy(AmendmentCosignatureEntity, { amendmentId, organizationId })) throw new AlreadyCosignedError();
      return this.addSupport(manager, amendment, organizationId, signature.id, actor.accountId, today);
    });
  }

  private async addSupport(manager: EntityManager, amendment: ConventionAmendmentEntity, organizationId: string, signatureId: string, accountId: string, today: string): Promise<ConventionAmendmentEntity> {
    await manager.insert(AmendmentCosignatureEntity, { amendmentId: amendment.id, organizationId, associationId: amendment.associationId, signatureId, accountId });
    const population = (await this.signatories.organizationsInForce(manager, amendment.conventionId, today)).length;
    const required = supportersRequired(AMENDMENT_COSIGNATURE, population);
    const supporters = await this.supportersInForce(manager, amendment, today);
    amendment.supportersRequired = required;
    if (supporters >= required) {
      amendment.status = 'PROPOSED';
      amendment.proposedAt = new Date();
    }
    return manager.save(amendment);
  }

  /** Supporting units whose signature is still in force (a unit that left no longer counts). */
  private async supportersInForce(manager: EntityManager, amendment: ConventionAmendmentEntity, today: string): Promise<number> {
    const [{ n }] = await manager.query(
      `SELECT count(*)::int AS n FROM enforcement.amendment_cosignature c
        WHERE c.amendment_id = $1 AND EXISTS (
          SELECT 1 FROM enforcement.convention_signature s
           WHERE s.convention_id = $2 AND s.organization_id = c.organization_id AND s.signed_on <= $3 AND (s.ended_on IS NULL OR s.ended_on > $3))`,
      [amendment.id, amendment.conventionId, today],
    );
    return n;
  }

  /** Freezes the roll: every unit whose signature is in force now. Later signatories do not vote. */
  async openBallot(caller: Identity | undefined, amendmentId: string, today = todayInChina()): Promise<ConventionAmendmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const amendment = await this.lockAmendment(manager, amendmentId);
      requireRole(caller, amendment.associationId, STAFF_ROLES);
      if (amendment.status !== 'PROPOSED') throw new AmendmentStatusError(amendment.status, 'PROPOSED');
      await this.assertBaseInEffect(manager, amendment);
      const roll = await this.signatories.organizationsInForce(manager, amendment.conventionId, today);
      if (roll.length === 0) throw new EmptyRollError();
      await manager.insert(AmendmentRollEntryEntity, roll.map((organizationId) => ({ amendmentId, organizationId, associationId: amendment.associationId })));
      amendment.status = 'BALLOT_OPEN';
      amendment.ballotOpenedAt = new Date();
      amendment.ballotOpenedOn = today;
      amendment.rollSize = roll.length;
      return manager.save(amendment);
    });
  }

  /** One vote per unit on the frozen roll, cast by its MEMBER_REP. */
  async castVote(caller: Identity | undefined, amendmentId: string, organizationId: string, position: AmendmentVotePositionName): Promise<AmendmentVoteEntity> {
    const actor = requireIdentity(caller);
    return this.dataSource.transaction(async (manager) => {
      const amendment = await manager.findOne(ConventionAmendmentEntity, { where: { id: amendmentId }, lock: { mode: 'pessimistic_read' } });
      if (!amendment) throw new NotFoundError('Amendment', amendmentId);
      requireReadAccess(actor, amendment.associationId);
      if (!representsOrganization(actor, amendment.associationId, organizationId)) throw new NotRepresentativeError();
      if (amendment.status !== 'BALLOT_OPEN') throw new AmendmentStatusError(amendment.status, 'BALLOT_OPEN');
      if (!(await manager.existsBy(AmendmentRollEntryEntity, { amendmentId, organizationId }))) throw new NotOnRollError();
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(AmendmentVoteEntity)
        .values({ amendmentId, organizationId, associationId: amendment.associationId, position, accountId: actor.accountId })
        .orIgnore()
        .returning('*')
        .execute();
      if (inserted.raw.length === 0) throw new AlreadyVotedError();
      return manager.findOneByOrFail(AmendmentVoteEntity, { amendmentId, organizationId });
    });
  }

  /**
   * Counts the votes against the whole frozen roll (AMENDMENT_ADOPTION: YES ≥ 2/3 of the roll, not
   * of votes cast). Adopted: the amended text becomes a new version in effect today, superseding the
   * base, and `enforcement.convention.amended` notifies every unit on the roll. Where the convention
   * requires the competent authority's approval, closing an adopted ballot without it is refused.
   */
  async closeBallot(caller: Identity | undefined, amendmentId: string, approval: AuthorityApprovalData | null, today = todayInChina()): Promise<ConventionAmendmentEntity> {
    const actor = requireIdentity(caller);
    if (approval && !isIsoDate(approval.approvedOn)) throw new InvalidDateError('authorityApproval.approvedOn');
    return this.dataSource.transaction(async (manager) => {
      const amendment = await this.lockAmendment(manager, amendmentId);
      requireRole(actor, amendment.associationId, STAFF_ROLES);
      if (amendment.status !== 'BALLOT_OPEN') throw new AmendmentStatusError(amendment.status, 'BALLOT_OPEN');
      const outcome = await this.tally(manager, amendment);
      amendment.closedAt = new Date();
      amendment.yesCount = outcome.yes;
      amendment.noCount = outcome.no;
      amendment.abstainCount = outcome.abstain;
      amendment.votesRequired = outcome.required;
      amendment.resultExplanation = outcome.explanation;
      if (!outcome.passed) {
        amendment.status = 'REJECTED';
        return manager.save(amendment);
      }
      const convention = await manager.findOneByOrFail(ConventionEntity, { id: amendment.conventionId });
      if (convention.requiresAuthorityApproval && !approval) throw new AuthorityApprovalRequiredError(convention.competentAuthority);
      if (approval && approval.approvedOn > today) throw new InvalidDateError('authorityApproval.approvedOn', 'An approval cannot be dated in the future.');
      const base = await this.assertBaseInEffect(manager, amendment);
      const imported = importConventionText(amendment.proposedText);
      let version = await this.conventions.insertVersion(manager, convention, await this.conventions.nextVersionNumber(manager, convention.id), amendment.proposedText, imported, actor.accountId, {
        status: 'ADOPTED',
        adoptionMethod: 'AMENDMENT_BALLOT',
        adoptedOn: today,
        effectiveOn: today,
        adoptionReference: `${amendment.title}: ${outcome.yes}/${amendment.rollSize}`,
        amendmentId: amendment.id,
        approvingAuthority: approval?.authority.trim() ?? null,
        authorityApprovalReference: approval?.reference.trim() ?? null,
        authorityApprovedOn: approval?.approvedOn ?? null,
      });
      version = await this.conventions.bringIntoEffect(manager, version);
      amendment.status = 'ADOPTED';
      amendment.newVersionId = version.id;
      const saved = await manager.save(amendment);
      const roll = await manager.find(AmendmentRollEntryEntity, { where: { amendmentId }, order: { organizationId: 'ASC' } });
      // Every signatory hears of it: the units on the roll and any that signed while the ballot ran.
      const signatories = await this.signatories.organizationsInForce(manager, amendment.conventionId, today);
      await this.notices.notifyInTransaction(manager, {
        associationId: amendment.associationId,
        conventionId: amendment.conventionId,
        organizationIds: [...roll.map((r) => r.organizationId), ...signatories],
        kind: 'CONVENTION_AMENDED',
        subject: `${convention.title}：修正案「${amendment.title}」已通过，修正后的文本自 ${version.effectiveOn} 起施行`,
        referenceId: amendment.id,
        conventionVersionId: version.id,
      });
      await this.outbox.record(manager, {
        type: 'enforcement.convention.amended',
        associationId: amendment.associationId,
        payload: {
          amendmentId: amendment.id,
          conventionId: amendment.conventionId,
          previousVersionId: base.id,
          newVersionId: version.id,
          effectiveOn: version.effectiveOn!,
          notifiedOrganizationIds: roll.map((r) => r.organizationId),
        },
      });
      return saved;
    });
  }

  /** The count so far (or final) under AMENDMENT_ADOPTION, for the ballot's frozen roll. */
  async tally(manager: EntityManager, amendment: ConventionAmendmentEntity): Promise<BallotOutcome> {
    const roll = await manager.find(AmendmentRollEntryEntity, { where: { amendmentId: amendment.id } });
    const votes = await manager.find(AmendmentVoteEntity, { where: { amendmentId: amendment.id } });
    const electorate = Electorate.snapshot({ roll: roll.map((r) => r.organizationId), takenAt: amendment.ballotOpenedAt ?? new Date() });
    return evaluateBallot(AMENDMENT_ADOPTION, countBallots(electorate, votes.map((v) => ({ voterId: v.organizationId, position: v.position }))));
  }

  async currentTally(amendment: ConventionAmendmentEntity): Promise<BallotOutcome | null> {
    if (!amendment.ballotOpenedAt) return null;
    return this.tally(this.dataSource.manager, amendment);
  }

  // ---- reads ------------------------------------------------------------------------------

  async get(caller: Identity | undefined, id: string): Promise<ConventionAmendmentEntity> {
    const amendment = await this.dataSource.getRepository(ConventionAmendmentEntity).findOneBy({ id });
    if (!amendment) throw new NotFoundError('Amendment', id);
    requireReadAccess(caller, amendment.associationId);
    return amendment;
  }

  async list(caller: Identity | undefined, conventionId: string, page: PageArgsInput): Promise<ConnectionShape<ConventionAmendmentEntity>> {
    const convention = await this.dataSource.getRepository(ConventionEntity).findOneBy({ id: conventionId });
    if (!convention) throw new NotFoundError('Convention', conventionId);
    requireReadAccess(caller, convention.associationId);
    const qb = this.dataSource.getRepository(ConventionAmendmentEntity).createQueryBuilder('a').where('a.convention_id = :conventionId', { conventionId });
    return paginate(qb, page, { createdAt: 'a.created_at', id: 'a.id' }, (a) => a);
  }

  async supporters(amendmentId: string): Promise<AmendmentCosignatureEntity[]> {
    return this.dataSource.getRepository(AmendmentCosignatureEntity).find({ where: { amendmentId }, order: { cosignedAt: 'ASC' } });
  }

  async rollOf(amendmentId: string): Promise<string[]> {
    return (await this.dataSource.getRepository(AmendmentRollEntryEntity).find({ where: { amendmentId }, order: { organizationId: 'ASC' } })).map((r) => r.organizationId);
  }

  private async assertBaseInEffect(manager: EntityManager, amendment: ConventionAmendmentEntity): Promise<ConventionVersionEntity> {
    const base = await manager.findOneByOrFail(ConventionVersionEntity, { id: amendment.baseVersionId });
    if (base.status !== 'EFFECTIVE') throw new BaseVersionReplacedError();
    return base;
  }

  private async lockConvention(manager: EntityManager, conventionId: string): Promise<ConventionEntity> {
    const convention = await manager.findOne(ConventionEntity, { where: { id: conventionId }, lock: { mode: 'pessimistic_write' } });
    if (!convention) throw new NotFoundError('Convention', conventionId);
    return convention;
  }

  /** Locks the convention (serialising with signatures, so rolls and thresholds are consistent), then the amendment. */
  private async lockAmendment(manager: EntityManager, amendmentId: string): Promise<ConventionAmendmentEntity> {
    const peek = await manager.findOneBy(ConventionAmendmentEntity, { id: amendmentId });
    if (!peek) throw new NotFoundError('Amendment', amendmentId);
    await this.lockConvention(manager, peek.conventionId);
    return manager.findOneOrFail(ConventionAmendmentEntity, { where: { id: amendmentId }, lock: { mode: 'pessimistic_write' } });
  }
}

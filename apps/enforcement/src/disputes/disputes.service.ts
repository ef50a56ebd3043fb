import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Identity, STAFF_ROLES, requireIdentity, requireRole } from '@app/auth';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError, isIsoDate, todayInChina } from '@app/common';
import { isStaff, representsOrganization } from '../common/acting-for';
import { ComplaintsService } from '../complaints/complaints.service';
import type { ComplaintEntity } from '../complaints/entities/complaint.entity';
import { ConventionEntity } from '../conventions/entities/convention.entity';
import { SignatoriesService } from '../signatories/signatories.service';
import { DisputeEntity, type DisputeStageName } from './entities/dispute.entity';

export class DisputeStageError extends ConflictError {
  constructor(stage: DisputeStageName, message: string) {
    super('WRONG_DISPUTE_STAGE', message, { stage });
  }
}

/**
 * Disputes between signatories (art. 19 of the model convention): the parties negotiate first; either
 * may ask the executing body to mediate; mediation ends in a settlement or a failure, and a failed
 * mediation may become a complaint.
 */
@Injectable()
export class DisputesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly signatories: SignatoriesService,
    private readonly complaints: ComplaintsService,
  ) {}

  async open(caller: Identity | undefined, data: { conventionId: string; claimantOrganizationId: string; otherOrganizationId: string; subject: string }, today = todayInChina()): Promise<DisputeEntity> {
    const actor = requireIdentity(caller);
    if (data.subject.trim().length < 10) throw new BadInputError('SUBJECT_REQUIRED', 'Describe the dispute in at least 10 characters.', { field: 'subject' });
    if (data.claimantOrganizationId === data.otherOrganizationId) throw new BadInputError('SAME_PARTY', 'A dispute is between two different units.', { field: 'otherOrganizationId' });
    return this.dataSource.transaction(async (manager) => {
      const convention = await manager.findOneBy(ConventionEntity, { id: data.conventionId });
      if (!convention) throw new NotFoundError('Convention', data.conventionId);
      if (!representsOrganization(actor, convention.associationId, data.claimantOrganizationId)) throw new ForbiddenError('NOT_REPRESENTATIVE', 'You may open a dispute only for the unit you represent.');
      for (const organizationId of [data.claimantOrganizationId, data.otherOrganizationId]) {
        if (!(await this.signatories.signatureInForce(manager, convention.id, organizationId, today))) throw new BadInputError('PARTY_NOT_SIGNATORY', 'Both parties must be signatories of the convention in force.', { organizationId });
      }
      return manager.save(
        manager.create(DisputeEntity, {
          associationId: convention.associationId,
          conventionId: convention.id,
          claimantOrganizationId: data.claimantOrganizationId,
          otherOrganizationId: data.otherOrganizationId,
          subject: data.subject.trim(),
          stage: 'NEGOTIATION',
          log: [{ at: new Date().toISOString(), actorAccountId: actor.accountId, kind: 'OPENED', note: '' }],
          openedBy: actor.accountId,
        }),
      );
    });
  }

  async requestMediation(caller: Identity | undefined, disputeId: string): Promise<DisputeEntity> {
    return this.change(caller, disputeId, 'party', (dispute, actor) => {
      if (dispute.stage !== 'NEGOTIATION') throw new DisputeStageError(dispute.stage, 'Mediation is requested during negotiation.');
      dispute.stage = 'MEDIATION';
      dispute.mediationRequestedAt = new Date();
      dispute.mediationRequestedBy = actor.accountId;
      return 'MEDIATION_REQUESTED';
    });
  }

  /** A settlement: agreed by the parties during negotiation, or recorded by the mediator. */
  async recordSettlement(caller: Identity | undefined, disputeId: string, terms: string, settledOn: string, today = todayInChina()): Promise<DisputeEntity> {
    if (terms.trim().length < 10) throw new BadInputError('TERMS_REQUIRED', 'Record the settlement terms in at least 10 characters.', { field: 'terms' });
    if (!isIsoDate(settledOn) || settledOn > today) throw new BadInputError('INVALID_DATE', 'settledOn is a calendar date, not in the future.', { field: 'settledOn' });
    return this.change(caller, disputeId, 'any', (dispute, actor) => {
      if (dispute.stage === 'MEDIATION' && !isStaff(actor, dispute.associationId)) throw new ForbiddenError('MEDIATOR_ONLY', 'The executing body records a mediated settlement.');
      if (dispute.stage !== 'NEGOTIATION' && dispute.stage !== 'MEDIATION') throw new DisputeStageError(dispute.stage, 'The dispute is already over.');
      dispute.stage = 'SETTLED';
      dispute.settlementTerms = terms.trim();
      dispute.settledOn = settledOn;
      return 'SETTLED';
    });
  }

  async recordMediationFailure(caller: Identity | undefined, disputeId: string, reason: string, today = todayInChina()): Promise<DisputeEntity> {
    if (reason.trim().length < 10) throw new BadInputError('REASON_REQUIRED', 'Say why mediation failed in at least 10 characters.', { field: 'reason' });
    return this.change(caller, disputeId, 'staff', (dispute) => {
      if (dispute.stage !== 'MEDIATION') throw new DisputeStageError(dispute.stage, 'Only a mediation can fail.');
      dispute.stage = 'FAILED';
      dispute.failureReason = reason.trim();
      dispute.failedOn = today;
      return 'MEDIATION_FAILED';
    });
  }

  /** A failed mediation becomes a complaint by one party against the other. */
  async escalateToComplaint(
    caller: Identity | undefined,
    data: { disputeId: string; complainantOrganizationId: string; articleNumbers: number[]; facts: string; evidence: string[]; complainantName: string | null; complainantContact: string | null },
    today = todayInChina(),
  ): Promise<{ dispute: DisputeEntity; complaint: ComplaintEntity }> {
    let complaint!: ComplaintEntity;
    const dispute = await this.change(caller, data.disputeId, 'party', async (dispute, actor, manager) => {
      if (dispute.stage !== 'FAILED') throw new DisputeStageError(dispute.stage, 'Only a dispute whose mediation failed becomes a complaint.');
      if (dispute.complaintId) throw new ConflictError('ALREADY_ESCALATED', 'This dispute has already become a complaint.');
      const parties = [dispute.claimantOrganizationId, dispute.otherOrganizationId];
      if (!parties.includes(data.complainantOrganizationId) || !representsOrganization(actor, dispute.associationId, data.complainantOrganizationId)) {
        throw new ForbiddenError('NOT_REPRESENTATIVE', 'A party complains for the unit it represents.');
      }
      const respondent = parties.find((p) => p !== data.complainantOrganizationId)!;
      complaint = await this.complaints.insertFromDispute(
        manager,
        actor,
        {
          associationId: dispute.associationId,
          source: 'SIGNATORY',
          conventionId: dispute.conventionId,
          respondentOrganizationId: respondent,
          complainantOrganizationId: data.complainantOrganizationId,
          articleNumbers: data.articleNumbers,
          facts: data.facts,
          evidence: data.evidence,
          anonymous: false,
          complainantName: data.complainantName,
          complainantContact: data.complainantContact,
        },
        today,
      );
      dispute.complaintId = complaint.id;
      return 'ESCALATED_TO_COMPLAINT';
    });
    return { dispute, complaint };
  }

  async get(caller: Identity | undefined, id: string): Promise<DisputeEntity> {
    const dispute = await this.dataSource.getRepository(DisputeEntity).findOneBy({ id });
    if (!dispute || !this.mayRead(caller, dispute)) throw new NotFoundError('Dispute', id);
    return dispute;
  }

  async list(caller: Identity | undefined, associationId: string): Promise<DisputeEntity[]> {
    requireRole(caller, associationId, STAFF_ROLES);
    return this.dataSource.getRepository(DisputeEntity).find({ where: { associationId }, order: { createdAt: 'DESC' }, take: 500 });
  }

  private mayRead(caller: Identity | undefined, dispute: DisputeEntity): boolean {
    return isStaff(caller, dispute.associationId) || representsOrganization(caller, dispute.associationId, dispute.claimantOrganizationId) || representsOrganization(caller, dispute.associationId, dispute.otherOrganizationId);
  }

  private async change(
    caller: Identity | undefined,
    disputeId: string,
    who: 'party' | 'staff' | 'any',
    work: (dispute: DisputeEntity, actor: Identity, manager: EntityManager) => string | Promise<string>,
  ): Promise<DisputeEntity> {
    const actor = requireIdentity(caller);
    return this.dataSource.transaction(async (manager) => {
      const dispute = await manager.findOne(DisputeEntity, { where: { id: disputeId }, lock: { mode: 'pessimistic_write' } });
      if (!dispute || !this.mayRead(actor, dispute)) throw new NotFoundError('Dispute', disputeId);
      const party = representsOrganization(actor, dispute.associationId, dispute.claimantOrganizationId) || representsOrganization(actor, dispute.associationId, dispute.otherOrganizationId);
      if (who === 'party' && !party) throw new ForbiddenError('PARTY_ONLY', 'A party to the dispute does this.');
      if (who === 'staff' && !isStaff(actor, dispute.associationId)) throw new ForbiddenError('MEDIATOR_ONLY', 'The executing body does this.');
      const kind = await work(dispute, actor, manager);
      dispute.log = [...dispute.log, { at: new Date().toISOString(), actorAccountId: actor.accountId, kind, note: '' }];
      return manager.save(dispute);
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Identity, Role, requireReadAccess, requireRole, rolesIn } from '@app/auth';
import { NotFoundError, paginate, type ConnectionShape, type PageArgsInput, addDays, addYears, daysBetween, isIsoDate, todayInChina } from '@app/common';
import { OutboxService } from '@app/messaging';
import { ActionOwner, DRAFT_LABEL_ON_ENTRY, STANDARD_LIFECYCLE, StandardState, WORKING_DRAFT_LABEL, type TransitionKind } from '../lifecycle/standard-lifecycle';
import { type Actor, SYSTEM_ACTOR, actorOf } from './actor';
import { BallotEntity } from './entities/ballot.entity';
import { ConsultationEntity } from './entities/consultation.entity';
import { DraftVersionEntity } from './entities/draft-version.entity';
import { ProgrammeEntity } from './entities/programme.entity';
import { JointPublisherEntity, PatentDisclosureEntity, type LicenceDeclarationName } from './entities/publication.entity';
import { type Attachment, StandardTransitionEntity } from './entities/standard-transition.entity';
import { StandardEntity } from './entities/standard.entity';
import { WorkingGroupMemberEntity } from './entities/working-group-member.entity';
import { formatStandardCode } from './publication-code';
import {
  GuardFailedError,
  InvalidProgrammeSettingError,
  InvalidTransitionInputError,
  ProgrammeCodeTakenError,
  ProgrammeNotConfiguredError,
  ProposalIncompleteError,
  StaleStandardError,
  TransitionNotAllowedError,
  UnknownOrganizationError,
} from './standards.exception';

/** States of a standard still in development: the stages before publication, and paused ones. */
const IN_DEVELOPMENT_STATES = [...STANDARD_LIFECYCLE.filter((s) => s.beforePublication).map((s) => s.state), StandardState.ON_HOLD];

export const OFFICE_ROLES: readonly Role[] = [Role.STANDARDS_OFFICER, Role.ADMIN];
export const PROPOSER_ROLES: readonly Role[] = [Role.MEMBER_REP, Role.STANDARDS_OFFICER, Role.ADMIN];
/** Working-group roles that write the text; they and experts of their units do not vote in the technical review. */
export const DRAFTING_ROLES = ['CONVENER', 'EDITOR', 'DRAFTER'] as const;

export interface ProgrammeSettings {
  associationId: string;
  code: string;
  minimumWorkingGroupUnits?: number | null;
  commentDays?: number | null;
  reviewIntervalYears?: number | null;
}

export interface ProposalData {
  associationId: string;
  title: string;
  englishTitle?: string | null;
  scope?: string | null;
  necessity?: string | null;
  relatedStandards?: string | null;
  plannedUnits?: string[] | null;
  patentPreDisclosure?: string | null;
  touchesConsumers?: boolean | null;
  replacesStandardId?: string | null;
  actor?: { displayName?: string | null; organizationId?: string | null } | null;
}

export interface TransitionData {
  standardId: string;
  to: StandardState;
  reason?: string | null;
  attachments?: Attachment[] | null;
  expectedRevision?: number | null;
  actor?: { displayName?: string | null; organizationId?: string | null } | null;
  project?: { projectNumber: string; leadUnitOrganizationId: string; plan: string; deadline: string } | null;
  consultation?: { opensOn?: string | null; closesOn: string; isPublic: boolean; channels: string[] } | null;
  publication?: {
    approvalDocumentNumber?: string | null;
    publishedOn: string;
    implementedOn: string;
    patentDisclosures?: Array<{ patentNumber: string; title: string; holder: string; licenceDeclaration: LicenceDeclarationName }> | null;
    jointPublishers?: string[] | null;
  } | null;
}

export interface StageRow {
  state: StandardState;
  isoStageCode: string | null;
  actionOwner: ActionOwner;
  description: string;
  beforePublication: boolean;
  next: StandardState[];
}

export const DEFAULT_PROGRAMME = { minimumWorkingGroupUnits: 3, commentDays: 30, reviewIntervalYears: 3 } as const;

@Injectable()
export class StandardsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  // ── lifecycle data ────────────────────────────────────────────────────────────────────────────

  /** The stored lifecycle: stages in order with their allowed next states. */
  async lifecycle(manager: EntityManager = this.dataSource.manager): Promise<StageRow[]> {
    const rows = await manager.query<Array<{ state: StandardState; iso_stage_code: string | null; action_owner: ActionOwner; description: string; before_publication: boolean; next: StandardState[] | null }>>(
      `SELECT s.state, s.iso_stage_code, s.action_owner, s.description, s.before_publication,
              array_agg(t.to_state ORDER BY CASE t.kind WHEN 'FORWARD' THEN 0 WHEN 'BACK' THEN 1 WHEN 'RESUME' THEN 2 ELSE 3 END, n.position) FILTER (WHERE t.to_state IS NOT NULL) AS next
         FROM standards.stage s
         LEFT JOIN standards.stage_transition t ON t.from_state = s.state
         LEFT JOIN standards.stage n ON n.state = t.to_state
        GROUP BY s.state ORDER BY s.position`,
    );
    return rows.map((r) => ({ state: r.state, isoStageCode: r.iso_stage_code, actionOwner: r.action_owner, description: r.description, beforePublication: r.before_publication, next: r.next ?? [] }));
  }

  private async stage(manager: EntityManager, state: StandardState): Promise<{ isoStageCode: string | null; actionOwner: ActionOwner }> {
    const [row] = await manager.query<Array<{ iso_stage_code: string | null; action_owner: ActionOwner }>>(`SELECT iso_stage_code, action_owner FROM standards.stage WHERE state = $1`, [state]);
    return { isoStageCode: row?.iso_stage_code ?? null, actionOwner: row?.action_owner ?? ActionOwner.NONE };
  }

  private async allowedKind(manager: EntityManager, from: StandardState, to: StandardState): Promise<TransitionKind | null> {
    const [row] = await manager.query<Array<{ kind: TransitionKind }>>(`SELECT kind FROM standards.stage_transition WHERE from_state = $1 AND to_state = $2`, [from, to]);
    return row?.kind ?? null;
  }

  // ── programme ─────────────────────────────────────────────────────────────────────────────────

  async configureProgramme(caller: Identity | undefined, settings: ProgrammeSettings): Promise<ProgrammeEntity> {
    requireRole(caller, settings.associationId, [Role.ADMIN]);
    const code = settings.code.trim().toUpperCase();
    if (!/^[A-Z][A-Z0-9]{1,15}$/.test(code)) throw new InvalidProgrammeSettingError('code', 'The code is 2 to 16 capital letters or digits, starting with a letter (e.g. WHCSA).');
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(ProgrammeEntity, { where: { associationId: settings.associationId }, lock: { mode: 'pessimistic_write' } });
      const units = settings.minimumWorkingGroupUnits ?? existing?.minimumWorkingGroupUnits ?? DEFAULT_PROGRAMME.minimumWorkingGroupUnits;
      const days = settings.commentDays ?? existing?.commentDays ?? DEFAULT_PROGRAMME.commentDays;
      const years = settings.reviewIntervalYears ?? existing?.reviewIntervalYears ?? DEFAULT_PROGRAMME.reviewIntervalYears;
      if (!Number.isInteger(units) || units < 1 || units > 100) throw new InvalidProgrammeSettingError('minimumWorkingGroupUnits', 'A working group needs at least 1 and at most 100 units.');
      if (!Number.isInteger(days) || days < 30 || days > 365) throw new InvalidProgrammeSettingError('commentDays', 'Public comment lasts at least 30 days (and at most 365).');
      if (!Number.isInteger(years) || years < 1 || years > 5) throw new InvalidProgrammeSettingError('reviewIntervalYears', 'Standards are reviewed at least every 5 years (1 to 5).');
      const holder = await manager.findOne(ProgrammeEntity, { where: { code } });
      if (holder && holder.associationId !== settings.associationId) throw new ProgrammeCodeTakenError(code);
      if (existing && existing.code !== code) {
        const [{ n }] = await manager.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM standards.standard WHERE association_id = $1 AND code IS NOT NULL`, [settings.associationId]);
        if (n > 0) throw new InvalidProgrammeSettingError('code', 'Standards were already published under the current code; it can no longer change.');
      }
      return manager.save(manager.create(ProgrammeEntity, { ...(existing ?? {}), associationId: settings.associationId, code, minimumWorkingGroupUnits: units, commentDays: days, reviewIntervalYears: years }));
    });
  }

  async programme(caller: Identity | undefined, associationId: string): Promise<ProgrammeEntity | null> {
    requireReadAccess(caller, associationId);
    return this.dataSource.getRepository(ProgrammeEntity).findOne({ where: { associationId } });
  }

  // ── proposal ──────────────────────────────────────────────────────────────────────────────────

  async propose(caller: Identity | undefined, data: ProposalData): Promise<StandardEntity> {
    const identity = requireRole(caller, data.associationId, PROPOSER_ROLES);
    const actor = actorOf(identity, data.associationId, data.actor);
    const text = (value: string | null | undefined) => (value ?? '').trim();
    const plannedUnits = (data.plannedUnits ?? []).map((u) => u.trim()).filter(Boolean);
    const missing: string[] = [];
    if (!text(data.scope)) missing.push('scope');
    if (!text(data.necessity)) missing.push('necessity');
    if (!text(data.relatedStandards)) missing.push('relatedStandards');
    if (plannedUnits.length === 0) missing.push('plannedUnits');
    if (!text(data.patentPreDisclosure)) missing.push('patentPreDisclosure');
    if (missing.length) throw new ProposalIncompleteError(missing);
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(ProgrammeEntity, { associationId: data.associationId }))) throw new ProgrammeNotConfiguredError();
      if (actor.organizationId) await this.assertKnownOrganization(manager, data.associationId, actor.organizationId);
      if (data.replacesStandardId) {
        const replaced = await manager.findOne(StandardEntity, { where: { id: data.replacesStandardId, associationId: data.associationId }, lock: { mode: 'pessimistic_write' } });
        if (!replaced) throw new NotFoundError('Standard', data.replacesStandardId);
        if (replaced.state !== StandardState.REVISION) throw new InvalidTransitionInputError('REPLACED_STANDARD_NOT_IN_REVISION', 'Only a standard whose review decided on revision can be replaced by a new project.');
        const [taken] = await manager.query(`SELECT 1 FROM standards.standard WHERE replaces_standard_id = $1 AND state NOT IN ('TERMINATED')`, [replaced.id]);
        if (taken) throw new InvalidTransitionInputError('REVISION_PROJECT_EXISTS', 'A revision project for this standard already exists.');
      }
      const standard = await manager.save(
        manager.create(StandardEntity, {
          associationId: data.associationId,
          title: data.title.trim(),
          englishTitle: data.englishTitle?.trim() || null,
          state: StandardState.PROPOSED,
          heldFrom: null,
          scope: text(data.scope),
          necessity: text(data.necessity),
          relatedStandards: text(data.relatedStandards),
          plannedUnits,
          patentPreDisclosure: text(data.patentPreDisclosure),
          touchesConsumers: data.touchesConsumers ?? false,
          proposerAccountId: actor.accountId,
          proposerName: actor.displayName,
          proposerOrganizationId: actor.organizationId,
          replacesStandardId: data.replacesStandardId ?? null,
          stateEnteredAt: new Date(),
        }),
      );
      await this.recordTransition(manager, standard, null, StandardState.PROPOSED, actor, null, []);
      return standard;
    });
  }

  // ── reads ─────────────────────────────────────────────────────────────────────────────────────

  async get(caller: Identity | undefined, id: string): Promise<StandardEntity> {
    const standard = await this.dataSource.getRepository(StandardEntity).findOne({ where: { id } });
    if (!standard) throw new NotFoundError('Standard', id);
    // Published standards are a public catalogue; everything else is for the association.
    if (!this.isPublic(standard)) requireReadAccess(caller, standard.associationId);
    return standard;
  }

  isPublic(standard: StandardEntity): boolean {
    return standard.code !== null;
  }

  async list(caller: Identity | undefined, associationId: string, page: PageArgsInput, state?: StandardState | null, inProgress = false): Promise<ConnectionShape<StandardEntity>> {
    requireReadAccess(caller, associationId);
    const qb = this.dataSource.getRepository(StandardEntity).createQueryBuilder('s').where('s.association_id = :associationId', { associationId });
    if (state) qb.andWhere('s.state = :state', { state });
    if (inProgress) qb.andWhere('s.state IN (:...developing)', { developing: IN_DEVELOPMENT_STATES });
    return paginate(qb, page, { createdAt: 's.created_at', id: 's.id' });
  }

  /** The public catalogue of an association, by its programme code: standards with a code (published, under review, revision, withdrawn). */
  async published(associationCode: string, page: PageArgsInput): Promise<{ programme: ProgrammeEntity; connection: ConnectionShape<StandardEntity> }> {
    const programme = await this.dataSource.getRepository(ProgrammeEntity).findOne({ where: { code: associationCode.trim().toUpperCase() } });
    if (!programme) throw new NotFoundError('StandardsProgramme', associationCode);
    const qb = this.dataSource
      .getRepository(StandardEntity)
      .createQueryBuilder('s')
      .where('s.association_id = :associationId', { associationId: programme.associationId })
      .andWhere('s.code IS NOT NULL');
    return { programme, connection: await paginate(qb, page, { createdAt: 's.created_at', id: 's.id' }) };
  }

  async history(caller: Identity | undefined, id: string): Promise<StandardTransitionEntity[]> {
    const standard = await this.get(caller, id);
    requireReadAccess(caller, standard.associationId);
    return this.dataSource.getRepository(StandardTransitionEntity).find({ where: { standardId: id }, order: { position: 'ASC' } });
  }

  // ── transitions ───────────────────────────────────────────────────────────────────────────────

  async transition(caller: Identity | undefined, data: TransitionData): Promise<StandardEntity> {
    const identity = caller;
    return this.dataSource.transaction(async (manager) => {
      const standard = await this.lock(manager, data.standardId);
      const actor = actorOf(requireRole(identity, standard.associationId, OFFICE_ROLES), standard.associationId, data.actor);
      if (data.expectedRevision != null && data.expectedRevision !== standard.revision) throw new StaleStandardError();
      return this.applyTransition(manager, standard, data, actor);
    });
  }

  /** For scheduled jobs: the same guards and records, with the system as actor. */
  async systemTransition(manager: EntityManager, standard: StandardEntity, to: StandardState, reason: string): Promise<StandardEntity> {
    return this.applyTransition(manager, standard, { standardId: standard.id, to, reason }, SYSTEM_ACTOR);
  }

  async lock(manager: EntityManager, id: string): Promise<StandardEntity> {
    const standard = await manager.findOne(StandardEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!standard) throw new NotFoundError('Standard', id);
    return standard;
  }

  private async applyTransition(manager: EntityManager, standard: StandardEntity, data: TransitionData, actor: Actor): Promise<StandardEntity> {
    const from = standard.state;
    const to = data.to;
    const kind = await this.allowedKind(manager, from, to);
    if (!kind || (kind === 'RESUME' && standard.heldFrom !== to)) throw new TransitionNotAllowedError(from, to);
    const reason = data.reason?.trim() || null;
    if ((kind === 'BACK' || kind === 'EXIT' || to === StandardState.WITHDRAWN) && !reason) {
      throw new InvalidTransitionInputError('REASON_REQUIRED', `Moving back, stopping, pausing or withdrawing needs a reason.`, { field: 'reason' });
    }
    const today = todayInChina();
    const programme = await manager.findOneOrFail(ProgrammeEntity, { where: { associationId: standard.associationId } });

    if (kind === 'FORWARD') await this.checkGuards(manager, standard, data, programme, today);

    // Effects of entering the new state.
    const label = kind === 'FORWARD' ? DRAFT_LABEL_ON_ENTRY[to] : undefined;
    if (label) await this.freezeLatestDraft(manager, standard.id, label);
    if (to === StandardState.APPROVED_PROJECT && data.project) {
      standard.projectNumber = data.project.projectNumber.trim();
      standard.leadUnitOrganizationId = data.project.leadUnitOrganizationId;
      standard.projectPlan = data.project.plan.trim();
      standard.projectDeadline = data.project.deadline;
      standard.projectApprovedOn = today;
    }
    if (to === StandardState.PUBLIC_COMMENT && data.consultation) {
      await this.openConsultation(manager, standard, data.consultation, today);
    }
    if (from === StandardState.PUBLIC_COMMENT && to === StandardState.COMMENT_RESOLUTION) {
      await manager.query(`UPDATE standards.consultation SET status = 'CLOSED', closed_at = now() WHERE standard_id = $1 AND status = 'OPEN'`, [standard.id]);
    }
    const publishing = to === StandardState.PUBLISHED && from === StandardState.APPROVAL_PENDING && data.publication ? data.publication : null;
    if (publishing) await this.recordPublication(manager, standard, publishing, programme);
    if (to === StandardState.PUBLISHED && from === StandardState.UNDER_REVIEW) {
      standard.lastConfirmedOn = today;
      standard.nextReviewDue = addYears(today, programme.reviewIntervalYears);
    }
    standard.heldFrom = to === StandardState.ON_HOLD ? from : null;
    standard.state = to;
    standard.stateEnteredAt = new Date();
    standard.revision += 1;
    // The code is allocated as late as possible: the counter row stays locked only from here to commit.
    if (publishing) await this.assignCode(manager, standard, publishing, programme);
    const saved = await manager.save(standard);
    await this.recordTransition(manager, saved, from, to, actor, reason, data.attachments ?? []);
    if (publishing) await this.announcePublication(manager, saved, publishing);

    if (to === StandardState.PUBLISHED && from === StandardState.APPROVAL_PENDING && saved.replacesStandardId) {
      const replaced = await this.lock(manager, saved.replacesStandardId);
      if (replaced.state === StandardState.REVISION) {
        await this.applyTransition(manager, replaced, { standardId: replaced.id, to: StandardState.WITHDRAWN, reason: `Replaced by ${saved.code}` }, actor);
      }
    }
    return saved;
  }

  private async checkGuards(manager: EntityManager, standard: StandardEntity, data: TransitionData, programme: ProgrammeEntity, today: string): Promise<void> {
    const S = StandardState;
    const key = `${standard.state}>${data.to}`;
    switch (key) {
      case `${S.PROJECT_REVIEW}>${S.APPROVED_PROJECT}`: {
        await this.requirePassedBallot(manager, standard.id, 'PROJECT_REVIEW', 'PROJECT_BALLOT_NOT_PASSED');
        const project = data.project;
        if (!project) throw new InvalidTransitionInputError('PROJECT_DETAILS_REQUIRED', 'Approving a project (立项) needs its project number, lead unit, plan and deadline.', { field: 'project' });
        if (!isIsoDate(project.deadline) || project.deadline <= today) throw new InvalidTransitionInputError('INVALID_DEADLINE', 'The deadline is a date (YYYY-MM-DD) after today.', { field: 'project.deadline' });
        await this.assertKnownOrganization(manager, standard.associationId, project.leadUnitOrganizationId);
        const [clash] = await manager.query(`SELECT 1 FROM standards.standard WHERE association_id = $1 AND project_number = $2`, [standard.associationId, project.projectNumber.trim()]);
        if (clash) throw new GuardFailedError('PROJECT_NUMBER_TAKEN', `Project number ${project.projectNumber} is already used in this association.`);
        return;
      }
      case `${S.APPROVED_PROJECT}>${S.DRAFTING}`: {
        const members = await manager.find(WorkingGroupMemberEntity, { where: { standardId: standard.id } });
        const active = members.filter((m) => m.leftAt === null);
        if (!active.some((m) => m.role === 'CONVENER')) throw new GuardFailedError('WORKING_GROUP_NEEDS_CONVENER', 'The working group has no convener.');
        const units = new Set(active.map((m) => m.organizationId).filter((id): id is string => id !== null));
        if (units.size < programme.minimumWorkingGroupUnits) {
          throw new GuardFailedError('WORKING_GROUP_TOO_FEW_UNITS', `The working group has ${units.size} units; the programme requires at least ${programme.minimumWorkingGroupUnits}.`, { units: units.size, required: programme.minimumWorkingGroupUnits });
        }
        return;
      }
      case `${S.DRAFTING}>${S.PUBLIC_COMMENT}`: {
        const draft = await this.latestDraft(manager, standard.id);
        if (!draft || draft.frozenAt) throw new GuardFailedError('DRAFT_REQUIRED', 'Save the draft for comment (征求意见稿) first.');
        if (!draft.explanatoryNote?.trim()) throw new GuardFailedError('EXPLANATORY_NOTE_REQUIRED', 'The draft for comment needs its explanatory note (编制说明).');
        const consultation = data.consultation;
        if (!consultation) throw new InvalidTransitionInputError('CONSULTATION_DETAILS_REQUIRED', 'Opening public comment needs the consultation: closing date, public or not, channels.', { field: 'consultation' });
        const opensOn = consultation.opensOn ?? today;
        if (!isIsoDate(opensOn) || opensOn < today) throw new InvalidTransitionInputError('INVALID_OPENING_DATE', 'A consultation opens today or later.', { field: 'consultation.opensOn' });
        if (!isIsoDate(consultation.closesOn)) throw new InvalidTransitionInputError('INVALID_CLOSING_DATE', 'The closing date is YYYY-MM-DD.', { field: 'consultation.closesOn' });
        const days = daysBetween(opensOn, consultation.closesOn);
        if (days < programme.commentDays) {
          throw new GuardFailedError('COMMENT_PERIOD_TOO_SHORT', `Public comment lasts at least ${programme.commentDays} days; this one would last ${days}.`, { days, required: programme.commentDays });
        }
        if (standard.touchesConsumers && !consultation.isPublic) throw new GuardFailedError('CONSULTATION_MUST_BE_PUBLIC', 'This standard concerns consumers: its consultation must be open to the public.');
        if (!consultation.channels.some((c) => c.trim())) throw new InvalidTransitionInputError('CHANNELS_REQUIRED', 'Name at least one channel the draft is published through.', { field: 'consultation.channels' });
        return;
      }
      case `${S.PUBLIC_COMMENT}>${S.COMMENT_RESOLUTION}`: {
        const [open] = await manager.query<Array<{ closes_on: string }>>(`SELECT to_char(closes_on, 'YYYY-MM-DD') AS closes_on FROM standards.consultation WHERE standard_id = $1 AND status = 'OPEN' AND closes_on >= $2::date`, [standard.id, today]);
        if (open) throw new GuardFailedError('CONSULTATION_PERIOD_NOT_ENDED', `The comment period runs until ${open.closes_on}.`, { closesOn: open.closes_on });
        return;
      }
      case `${S.COMMENT_RESOLUTION}>${S.TECHNICAL_REVIEW}`: {
        const [{ n }] = await manager.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM standards.comment WHERE standard_id = $1 AND disposition IS NULL`, [standard.id]);
        if (n > 0) throw new GuardFailedError('COMMENTS_NOT_DISPOSITIONED', `${n} comments have no disposition yet.`, { undispositioned: n });
        const draft = await this.latestDraft(manager, standard.id);
        if (!draft || draft.frozenAt) throw new GuardFailedError('DRAFT_REQUIRED', 'Save the draft for review (送审稿) first.');
        return;
      }
      case `${S.TECHNICAL_REVIEW}>${S.APPROVAL_PENDING}`:
        await this.requirePassedBallot(manager, standard.id, 'TECHNICAL_REVIEW', 'TECHNICAL_REVIEW_NOT_PASSED');
        return;
      case `${S.APPROVAL_PENDING}>${S.PUBLISHED}`: {
        const publication = data.publication;
        if (!publication?.approvalDocumentNumber?.trim()) throw new GuardFailedError('APPROVAL_DOCUMENT_REQUIRED', 'Publication needs the number of the approval document.', { field: 'publication.approvalDocumentNumber' });
        if (!isIsoDate(publication.publishedOn)) throw new InvalidTransitionInputError('INVALID_PUBLICATION_DATE', 'The publication date is YYYY-MM-DD.', { field: 'publication.publishedOn' });
        if (!isIsoDate(publication.implementedOn) || publication.implementedOn < publication.publishedOn) {
          throw new InvalidTransitionInputError('IMPLEMENTATION_BEFORE_PUBLICATION', 'The implementation date is on or after the publication date.', { field: 'publication.implementedOn' });
        }
        const numbers = (publication.patentDisclosures ?? []).map((p) => p.patentNumber.trim());
        if (new Set(numbers).size !== numbers.length) throw new InvalidTransitionInputError('DUPLICATE_PATENT', 'A patent is disclosed twice.', { field: 'publication.patentDisclosures' });
        return;
      }
      default:
        return;
    }
  }

  private async requirePassedBallot(manager: EntityManager, standardId: string, kind: 'PROJECT_REVIEW' | 'TECHNICAL_REVIEW', reason: string): Promise<void> {
    const ballot = await manager.findOne(BallotEntity, { where: { standardId, kind }, order: { openedAt: 'DESC' } });
    if (!ballot) throw new GuardFailedError(reason, `No ${kind === 'PROJECT_REVIEW' ? 'project review' : 'technical review'} ballot was held.`);
    if (ballot.status === 'OPEN') throw new GuardFailedError(reason, 'The ballot is still open; close it first.', { ballotId: ballot.id });
    if (!ballot.passed) throw new GuardFailedError(reason, `The ballot did not pass: ${ballot.outcome?.explanation ?? ''}`.trim(), { ballotId: ballot.id });
  }

  private async openConsultation(manager: EntityManager, standard: StandardEntity, data: NonNullable<TransitionData['consultation']>, today: string): Promise<void> {
    const draft = (await this.latestDraft(manager, standard.id))!;
    const consultation = await manager.save(
      manager.create(ConsultationEntity, {
        associationId: standard.associationId,
        standardId: standard.id,
        draftVersionId: draft.id,
        opensOn: data.opensOn ?? today,
        closesOn: data.closesOn,
        isPublic: data.isPublic,
        channels: data.channels.map((c) => c.trim()).filter(Boolean),
        status: 'OPEN',
      }),
    );
    await this.outbox.record(manager, {
      type: 'standards.consultation.opened',
      associationId: standard.associationId,
      payload: { standardId: standard.id, consultationId: consultation.id, title: standard.title, opensOn: consultation.opensOn, closesOn: consultation.closesOn, public: consultation.isPublic },
    });
  }

  /**
   * Allocates the next code of the association for the publication year: one counter row per
   * (association, year), incremented with INSERT … ON CONFLICT DO UPDATE … RETURNING. The row lock
   * is held until commit, so concurrent publications are serialized on it and never share a number;
   * a rolled-back publication gives its number back.
   */
  async allocateCode(manager: EntityManager, associationId: string, code: string, year: number): Promise<{ code: string; sequence: number }> {
    const [{ last_sequence: sequence }] = await manager.query<Array<{ last_sequence: number }>>(
      `INSERT INTO standards.code_counter (association_id, year, last_sequence) VALUES ($1, $2, 1)
       ON CONFLICT (association_id, year) DO UPDATE SET last_sequence = code_counter.last_sequence + 1
       RETURNING last_sequence`,
      [associationId, year],
    );
    return { code: formatStandardCode(code, sequence, year), sequence };
  }

  /** Publication details except the code: dates, approval document, patents, joint publishers. */
  private async recordPublication(manager: EntityManager, standard: StandardEntity, publication: NonNullable<TransitionData['publication']>, programme: ProgrammeEntity): Promise<void> {
    standard.approvalDocumentNumber = publication.approvalDocumentNumber!.trim();
    standard.publishedOn = publication.publishedOn;
    standard.implementedOn = publication.implementedOn;
    standard.nextReviewDue = addYears(publication.publishedOn, programme.reviewIntervalYears);
    for (const patent of publication.patentDisclosures ?? []) {
      await manager.save(manager.create(PatentDisclosureEntity, { associationId: standard.associationId, standardId: standard.id, patentNumber: patent.patentNumber.trim(), title: patent.title.trim(), holder: patent.holder.trim(), licenceDeclaration: patent.licenceDeclaration }));
    }
    const publishers = [...new Set((publication.jointPublishers ?? []).map((p) => p.trim()).filter(Boolean))];
    for (const [position, name] of publishers.entries()) {
      await manager.save(manager.create(JointPublisherEntity, { standardId: standard.id, associationId: standard.associationId, name, position }));
    }
  }

  private async assignCode(manager: EntityManager, standard: StandardEntity, publication: NonNullable<TransitionData['publication']>, programme: ProgrammeEntity): Promise<void> {
    const year = Number(publication.publishedOn.slice(0, 4));
    const { code, sequence } = await this.allocateCode(manager, standard.associationId, programme.code, year);
    standard.code = code;
    standard.codeYear = year;
    standard.codeSequence = sequence;
  }

  private async announcePublication(manager: EntityManager, standard: StandardEntity, publication: NonNullable<TransitionData['publication']>): Promise<void> {
    const code = standard.code!;
    await this.outbox.record(manager, {
      type: 'standards.standard.published',
      associationId: standard.associationId,
      payload: { standardId: standard.id, code, title: standard.title, publishedOn: publication.publishedOn, implementedOn: publication.implementedOn },
    });
  }

  private async recordTransition(manager: EntityManager, standard: StandardEntity, from: StandardState | null, to: StandardState, actor: Actor, reason: string | null, attachments: Attachment[]): Promise<void> {
    const { isoStageCode } = await this.stage(manager, to);
    const row = await manager.save(
      manager.create(StandardTransitionEntity, {
        associationId: standard.associationId,
        standardId: standard.id,
        fromState: from,
        toState: to,
        isoStageCode,
        actorAccountId: actor.accountId,
        actorName: actor.displayName,
        actorOrganizationId: actor.organizationId,
        reason,
        attachments: attachments.map((a) => ({ name: a.name, url: a.url })),
        occurredAt: new Date(),
      }),
    );
    if (from === null) return;
    await this.outbox.record(manager, {
      type: 'standards.standard.transitioned',
      associationId: standard.associationId,
      payload: { standardId: standard.id, from, to, stageCode: isoStageCode ?? '', reason, transitionedAt: row.occurredAt.toISOString() },
    });
  }

  // ── drafts (frozen on forward moves) ──────────────────────────────────────────────────────────

  /** Versions sort as numbers ("100" after "99"). */
  async latestDraft(manager: EntityManager, standardId: string): Promise<DraftVersionEntity | null> {
    return manager
      .getRepository(DraftVersionEntity)
      .createQueryBuilder('d')
      .where('d.standard_id = :standardId', { standardId })
      .orderBy('length(d.version)', 'DESC')
      .addOrderBy('d.version', 'DESC')
      .getOne();
  }

  private async freezeLatestDraft(manager: EntityManager, standardId: string, label: string): Promise<void> {
    const draft = await this.latestDraft(manager, standardId);
    if (!draft || draft.frozenAt) return;
    draft.frozenAt = new Date();
    draft.label = label;
    await manager.save(draft);
  }

  static workingDraftLabel(): string {
    return WORKING_DRAFT_LABEL;
  }

  async assertKnownOrganization(manager: EntityManager, associationId: string, organizationId: string): Promise<void> {
    const [row] = await manager.query(`SELECT 1 FROM standards.organization_directory WHERE organization_id = $1 AND association_id = $2`, [organizationId, associationId]);
    if (!row) throw new UnknownOrganizationError(organizationId);
  }

  // ── pending actions ───────────────────────────────────────────────────────────────────────────

  async pendingActions(caller: Identity | undefined, associationId: string): Promise<PendingAction[]> {
    const identity = requireReadAccess(caller, associationId);
    const isOffice = identity.platformAdmin || rolesIn(identity, associationId).some((r) => OFFICE_ROLES.includes(r));
    const rows = await this.dataSource.query<PendingActionRow[]>(
      `SELECT s.id, s.title, s.state, st.iso_stage_code, st.action_owner, s.state_entered_at,
              b.id AS ballot_id,
              (SELECT count(*)::int FROM standards.ballot_voter v WHERE v.ballot_id = b.id AND v.exclusion_reason IS NULL AND v.position IS NULL) AS ballot_missing,
              (SELECT v.position IS NULL AND v.exclusion_reason IS NULL FROM standards.ballot_voter v WHERE v.ballot_id = b.id AND v.account_id = $2) AS my_vote_due,
              EXISTS (SELECT 1 FROM standards.working_group_member m WHERE m.standard_id = s.id AND m.account_id = $2 AND m.left_at IS NULL AND m.role IN ('CONVENER', 'EDITOR')) AS is_editor,
              (SELECT count(*)::int FROM standards.comment c WHERE c.standard_id = s.id AND c.disposition IS NULL) AS undispositioned
         FROM standards.standard s
         JOIN standards.stage st ON st.state = s.state
         LEFT JOIN standards.ballot b ON b.standard_id = s.id AND b.status = 'OPEN'
        WHERE s.association_id = $1 AND st.action_owner <> 'NONE'
        ORDER BY s.state_entered_at, s.id`,
      [associationId, identity.accountId],
    );
    const actions: PendingAction[] = [];
    for (const row of rows) {
      const base = { standardId: row.id, title: row.title, state: row.state, isoStageCode: row.iso_stage_code, since: row.state_entered_at, ballotId: row.ballot_id };
      if (row.my_vote_due) actions.push({ ...base, action: PendingActionKind.CAST_VOTE });
      if (row.is_editor && row.action_owner === ActionOwner.WORKING_GROUP) {
        actions.push({ ...base, action: row.state === StandardState.COMMENT_RESOLUTION ? PendingActionKind.DISPOSITION_COMMENTS : PendingActionKind.PREPARE_DRAFT });
      }
      if (!isOffice) continue;
      if (row.action_owner === ActionOwner.OFFICE) actions.push({ ...base, action: officeAction(row.state) });
      if (row.action_owner === ActionOwner.BALLOT) {
        if (!row.ballot_id) actions.push({ ...base, action: PendingActionKind.OPEN_BALLOT });
        else if (row.ballot_missing === 0) actions.push({ ...base, action: PendingActionKind.CLOSE_BALLOT });
      }
    }
    return actions;
  }
}

interface PendingActionRow {
  id: string;
  title: string;
  state: StandardState;
  iso_stage_code: string | null;
  action_owner: ActionOwner;
  state_entered_at: Date;
  ballot_id: string | null;
  ballot_missing: number | null;
  my_vote_due: boolean | null;
  is_editor: boolean;
  undispositioned: number;
}

export enum PendingActionKind {
  SUBMIT_FOR_PROJECT_REVIEW = 'SUBMIT_FOR_PROJECT_REVIEW',
  OPEN_BALLOT = 'OPEN_BALLOT',
  CAST_VOTE = 'CAST_VOTE',
  CLOSE_BALLOT = 'CLOSE_BALLOT',
  FORM_WORKING_GROUP = 'FORM_WORKING_GROUP',
  PREPARE_DRAFT = 'PREPARE_DRAFT',
  CLOSE_CONSULTATION = 'CLOSE_CONSULTATION',
  DISPOSITION_COMMENTS = 'DISPOSITION_COMMENTS',
  PUBLISH = 'PUBLISH',
  CONCLUDE_REVIEW = 'CONCLUDE_REVIEW',
  START_REVISION_PROJECT = 'START_REVISION_PROJECT',
  RESUME_OR_TERMINATE = 'RESUME_OR_TERMINATE',
}

function officeAction(state: StandardState): PendingActionKind {
  switch (state) {
    case StandardState.PROPOSED:
      return PendingActionKind.SUBMIT_FOR_PROJECT_REVIEW;
    case StandardState.APPROVED_PROJECT:
      return PendingActionKind.FORM_WORKING_GROUP;
    case StandardState.PUBLIC_COMMENT:
      return PendingActionKind.CLOSE_CONSULTATION;
    case StandardState.APPROVAL_PENDING:
      return PendingActionKind.PUBLISH;
    case StandardState.UNDER_REVIEW:
      return PendingActionKind.CONCLUDE_REVIEW;
    case StandardState.REVISION:
      return PendingActionKind.START_REVISION_PROJECT;
    default:
      return PendingActionKind.RESUME_OR_TERMINATE;
  }
}

export interface PendingAction {
  standardId: string;
  title: string;
  state: StandardState;
  isoStageCode: string | null;
  action: PendingActionKind;
  since: Date;
  ballotId: string | null;
}

export { addDays };

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Identity, requireReadAccess, requireRole } from '@app/auth';
import { BadInputError, NotFoundError, isIsoDate } from '@app/common';
import { StandardState, WORKING_DRAFT_LABEL } from '../lifecycle/standard-lifecycle';
import { actorOf } from './actor';
import { type DraftClause, type DraftDiffResult, diffDrafts } from './draft-diff';
import { DraftVersionEntity } from './entities/draft-version.entity';
import { ActivityEntity, type ActivityKindName, JointPublisherEntity, PatentDisclosureEntity } from './entities/publication.entity';
import { StandardEntity } from './entities/standard.entity';
import { WorkingGroupMemberEntity, type WorkingGroupRoleName } from './entities/working-group-member.entity';
import { DraftFrozenError, DraftVersionNotFoundError } from './standards.exception';
import { OFFICE_ROLES, StandardsService } from './standards.service';

const DRAFTABLE_STATES: readonly StandardState[] = [StandardState.DRAFTING, StandardState.COMMENT_RESOLUTION, StandardState.TECHNICAL_REVIEW, StandardState.APPROVAL_PENDING];
const TERMINAL: readonly StandardState[] = [StandardState.WITHDRAWN, StandardState.TERMINATED];

export interface DraftData {
  standardId: string;
  text?: string | null;
  clauses?: DraftClause[] | null;
  explanatoryNote?: string | null;
  actor?: { displayName?: string | null } | null;
}

/** Working groups, drafts, publication records and activities of a standard. */
@Injectable()
export class ParticipationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly standards: StandardsService,
  ) {}

  async addMember(caller: Identity | undefined, data: { standardId: string; accountId: string; displayName: string; organizationId?: string | null; role: WorkingGroupRoleName }): Promise<WorkingGroupMemberEntity> {
    return this.dataSource.transaction(async (manager) => {
      const standard = await this.standards.lock(manager, data.standardId);
      requireRole(caller, standard.associationId, OFFICE_ROLES);
      if (TERMINAL.includes(standard.state)) throw new BadInputError('STANDARD_CLOSED', 'The standard is withdrawn or terminated.');
      if (data.organizationId) await this.standards.assertKnownOrganization(manager, standard.associationId, data.organizationId);
      const [existing] = await manager.query(`SELECT 1 FROM standards.working_group_member WHERE standard_id = $1 AND account_id = $2 AND role = $3 AND left_at IS NULL`, [standard.id, data.accountId, data.role]);
      if (existing) throw new BadInputError('ALREADY_IN_WORKING_GROUP', 'This person already holds this role in the working group.');
      return manager.save(
        manager.create(WorkingGroupMemberEntity, {
          associationId: standard.associationId,
          standardId: standard.id,
          accountId: data.accountId,
          displayName: data.displayName.trim(),
          organizationId: data.organizationId ?? null,
          role: data.role,
          joinedAt: new Date(),
          leftAt: null,
        }),
      );
    });
  }

  async endMembership(caller: Identity | undefined, memberId: string, reason: string): Promise<WorkingGroupMemberEntity> {
    return this.dataSource.transaction(async (manager) => {
      const member = await manager.findOne(WorkingGroupMemberEntity, { where: { id: memberId }, lock: { mode: 'pessimistic_write' } });
      if (!member) throw new NotFoundError('WorkingGroupMember', memberId);
      requireRole(caller, member.associationId, OFFICE_ROLES);
      if (member.leftAt) throw new BadInputError('ALREADY_LEFT', 'This membership has already ended.');
      member.leftAt = new Date();
      member.leftReason = reason.trim();
      return manager.save(member);
    });
  }

  async members(standardId: string, includeHistory: boolean): Promise<WorkingGroupMemberEntity[]> {
    const all = await this.dataSource.getRepository(WorkingGroupMemberEntity).find({ where: { standardId }, order: { joinedAt: 'ASC' } });
    return includeHistory ? all : all.filter((m) => m.leftAt === null);
  }

  /**
   * Saves the current draft: updates the latest version while it is not frozen, else starts the next
   * version ("00", "01", …). The office or the working group's convener and editors may save.
   */
  async saveDraft(caller: Identity | undefined, data: DraftData): Promise<DraftVersionEntity> {
    if (!data.text?.trim() && !data.clauses?.length) throw new BadInputError('DRAFT_EMPTY', 'A draft has a text or clauses.', { field: 'text' });
    const numbers = (data.clauses ?? []).map((c) => c.number);
    if (new Set(numbers).size !== numbers.length) throw new BadInputError('DUPLICATE_CLAUSE', 'Clause numbers are unique within a draft.', { field: 'clauses' });
    return this.dataSource.transaction(async (manager) => {
      const standard = await this.standards.lock(manager, data.standardId);
      const identity = await this.requireEditor(caller, standard);
      if (!DRAFTABLE_STATES.includes(standard.state)) throw new DraftFrozenError();
      const actor = actorOf(identity, standard.associationId, data.actor);
      const latest = await this.standards.latestDraft(manager, standard.id);
      const content = {
        text: data.text?.trim() ? data.text : null,
        clauses: data.clauses?.length ? data.clauses.map((c) => ({ number: c.number.trim(), title: c.title?.trim() || null, text: c.text })) : null,
        explanatoryNote: data.explanatoryNote?.trim() || (latest?.explanatoryNote ?? null),
        authorAccountId: actor.accountId,
        authorName: actor.displayName,
      };
      if (latest && !latest.frozenAt) return manager.save(Object.assign(latest, content));
      const next = latest ? String(Number(latest.version) + 1).padStart(2, '0') : '00';
      return manager.save(manager.create(DraftVersionEntity, { associationId: standard.associationId, standardId: standard.id, version: next, label: WORKING_DRAFT_LABEL, frozenAt: null, ...content }));
    });
  }

  async drafts(standardId: string): Promise<DraftVersionEntity[]> {
    return this.dataSource
      .getRepository(DraftVersionEntity)
      .createQueryBuilder('d')
      .where('d.standard_id = :standardId', { standardId })
      .orderBy('length(d.version)', 'ASC')
      .addOrderBy('d.version', 'ASC')
      .getMany();
  }

  async draftDiff(caller: Identity | undefined, standardId: string, from: string, to: string): Promise<DraftDiffResult> {
    const standard = await this.standards.get(caller, standardId);
    requireReadAccess(caller, standard.associationId);
    const repository = this.dataSource.getRepository(DraftVersionEntity);
    const [a, b] = await Promise.all([repository.findOne({ where: { standardId, version: from } }), repository.findOne({ where: { standardId, version: to } })]);
    if (!a) throw new DraftVersionNotFoundError(from);
    if (!b) throw new DraftVersionNotFoundError(to);
    return diffDrafts(a, b);
  }

  async recordPlatformSubmission(caller: Identity | undefined, standardId: string, submittedOn: string, platformReference: string): Promise<StandardEntity> {
    return this.dataSource.transaction(async (manager) => {
      const standard = await this.standards.lock(manager, standardId);
      requireRole(caller, standard.associationId, OFFICE_ROLES);
      if (!standard.code) throw new BadInputError('NOT_PUBLISHED', 'Only a published standard is submitted to the national group-standard platform.');
      if (!isIsoDate(submittedOn) || (standard.publishedOn && submittedOn < standard.publishedOn)) {
        throw new BadInputError('INVALID_SUBMISSION_DATE', 'The submission date is YYYY-MM-DD, on or after publication.', { field: 'submittedOn' });
      }
      standard.platformSubmittedOn = submittedOn;
      standard.platformReference = platformReference.trim();
      return manager.save(standard);
    });
  }

  async recordActivity(caller: Identity | undefined, data: { standardId: string; kind: ActivityKindName; title: string; heldOn: string; location?: string | null; participantCount?: number | null; notes?: string | null }): Promise<ActivityEntity> {
    if (!isIsoDate(data.heldOn)) throw new BadInputError('INVALID_DATE', 'heldOn is YYYY-MM-DD.', { field: 'heldOn' });
    const standard = await this.standards.get(caller, data.standardId);
    const identity = requireRole(caller, standard.associationId, OFFICE_ROLES);
    return this.dataSource.getRepository(ActivityEntity).save({
      associationId: standard.associationId,
      standardId: standard.id,
      kind: data.kind,
      title: data.title.trim(),
      heldOn: data.heldOn,
      location: data.location?.trim() || null,
      participantCount: data.participantCount ?? null,
      notes: data.notes?.trim() || null,
      recordedByAccountId: identity.accountId,
    });
  }

  async activities(standardId: string): Promise<ActivityEntity[]> {
    return this.dataSource.getRepository(ActivityEntity).find({ where: { standardId }, order: { heldOn: 'ASC', createdAt: 'ASC' } });
  }

  async patents(standardId: string): Promise<PatentDisclosureEntity[]> {
    return this.dataSource.getRepository(PatentDisclosureEntity).find({ where: { standardId }, order: { createdAt: 'ASC' } });
  }

  async jointPublishers(standardId: string): Promise<string[]> {
    return (await this.dataSource.getRepository(JointPublisherEntity).find({ where: { standardId }, order: { position: 'ASC' } })).map((p) => p.name);
  }

  /** The office, or an active convener/editor of the standard's working group. */
  private async requireEditor(caller: Identity | undefined, standard: StandardEntity): Promise<Identity> {
    const identity = requireReadAccess(caller, standard.associationId);
    const [editor] = await this.dataSource.query(
      `SELECT 1 FROM standards.working_group_member WHERE standard_id = $1 AND account_id = $2 AND left_at IS NULL AND role IN ('CONVENER', 'EDITOR')`,
      [standard.id, identity.accountId],
    );
    if (editor) return identity;
    return requireRole(caller, standard.associationId, OFFICE_ROLES);
  }

  /** Shared with comment dispositions. */
  async isEditor(accountId: string, standardId: string): Promise<boolean> {
    const [editor] = await this.dataSource.query(
      `SELECT 1 FROM standards.working_group_member WHERE standard_id = $1 AND account_id = $2 AND left_at IS NULL AND role IN ('CONVENER', 'EDITOR')`,
      [standardId, accountId],
    );
    return !!editor;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Identity, Role, requireRole } from '@app/auth';
import { BadInputError, ConflictError, NotFoundError } from '@app/common';
import {
  type BallotRule,
  Electorate,
  type Exclusion,
  STANDARD_TECHNICAL_REVIEW,
  countBallots,
  defineBallotRule,
  evaluateBallot,
} from '@app/voting';
import { StandardState } from '../lifecycle/standard-lifecycle';
import { BallotEntity, type BallotKindName, BallotVoterEntity } from './entities/ballot.entity';
import { AlreadyVotedError, BallotClosedError, ExcludedFromBallotError, NotOnBallotError, UnknownExpertError } from './standards.exception';
import { DRAFTING_ROLES, OFFICE_ROLES, StandardsService } from './standards.service';

/**
 * Project review (立项评审) is a written expert ballot: at least 2/3 of the panel return a ballot,
 * and more than half of the returned ballots are YES.
 */
export const STANDARD_PROJECT_REVIEW: BallotRule = defineBallotRule({
  name: 'STANDARD_PROJECT_REVIEW',
  quorum: { fraction: '2/3', of: 'ELECTORATE', basis: 'RETURNED' },
  pass: { fraction: '1/2', of: 'RETURNED', comparison: 'GT' },
});

const RULES: Record<BallotKindName, BallotRule> = { PROJECT_REVIEW: STANDARD_PROJECT_REVIEW, TECHNICAL_REVIEW: STANDARD_TECHNICAL_REVIEW };
const STATE_OF_KIND: Record<BallotKindName, StandardState> = { PROJECT_REVIEW: StandardState.PROJECT_REVIEW, TECHNICAL_REVIEW: StandardState.TECHNICAL_REVIEW };

export interface PanelMember {
  accountId: string;
  displayName: string;
  organizationId?: string | null;
  expertId?: string | null;
}

export type PositionName = 'YES' | 'NO' | 'ABSTAIN' | 'RECUSE';

@Injectable()
export class BallotsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly standards: StandardsService,
  ) {}

  /**
   * Opens a ballot with its panel. For the technical review, drafters (convener, editors, drafters of
   * the working group) and panel members from drafting units are excluded beforehand; an expert who
   * declared a conflict with a drafting unit (or, for project review, with the proposing unit) too.
   */
  async open(caller: Identity | undefined, standardId: string, kind: BallotKindName, panel: PanelMember[]): Promise<BallotEntity> {
    const ids = panel.map((p) => p.accountId);
    if (panel.length === 0) throw new BadInputError('PANEL_REQUIRED', 'A ballot needs its panel.', { field: 'panel' });
    if (new Set(ids).size !== ids.length) throw new BadInputError('DUPLICATE_PANEL_MEMBER', 'Someone is on the panel twice.', { field: 'panel' });
    return this.dataSource.transaction(async (manager) => {
      const standard = await this.standards.lock(manager, standardId);
      requireRole(caller, standard.associationId, OFFICE_ROLES);
      if (standard.state !== STATE_OF_KIND[kind]) throw new ConflictError('BALLOT_NOT_IN_THIS_STATE', `A ${kind} ballot is held while the standard is in ${STATE_OF_KIND[kind]}.`);
      const [open] = await manager.query(`SELECT 1 FROM standards.ballot WHERE standard_id = $1 AND kind = $2 AND status = 'OPEN'`, [standardId, kind]);
      if (open) throw new ConflictError('BALLOT_ALREADY_OPEN', 'A ballot of this kind is already open for the standard.');

      const experts = new Map<string, string[]>();
      for (const member of panel) {
        if (!member.expertId) continue;
        const [row] = await manager.query<Array<{ conflicted_organization_ids: string[] }>>(
          `SELECT conflicted_organization_ids FROM standards.expert_directory WHERE expert_id = $1 AND association_id = $2 AND status = 'APPOINTED'`,
          [member.expertId, standard.associationId],
        );
        if (!row) throw new UnknownExpertError(member.expertId);
        experts.set(member.accountId, row.conflicted_organization_ids);
      }
      const drafters = await manager.query<Array<{ account_id: string; organization_id: string | null }>>(
        `SELECT account_id, organization_id FROM standards.working_group_member WHERE standard_id = $1 AND left_at IS NULL AND role = ANY($2)`,
        [standardId, [...DRAFTING_ROLES]],
      );
      const drafterAccounts = new Set(drafters.map((d) => d.account_id));
      const draftingUnits = new Set(drafters.map((d) => d.organization_id).filter((id): id is string => !!id));
      const conflictUnits = kind === 'TECHNICAL_REVIEW' ? draftingUnits : new Set([standard.proposerOrganizationId].filter((id): id is string => !!id));

      const ballot = await manager.save(manager.create(BallotEntity, { associationId: standard.associationId, standardId, kind, rule: RULES[kind].name, status: 'OPEN', passed: null, outcome: null, openedAt: new Date() }));
      for (const member of panel) {
        let exclusionReason: BallotVoterEntity['exclusionReason'] = null;
        let exclusionNote: string | null = null;
        if (kind === 'TECHNICAL_REVIEW' && drafterAccounts.has(member.accountId)) {
          exclusionReason = 'DRAFTER';
          exclusionNote = 'Member of the drafting group.';
        } else if (kind === 'TECHNICAL_REVIEW' && member.organizationId && draftingUnits.has(member.organizationId)) {
          exclusionReason = 'DRAFTER';
          exclusionNote = 'From a drafting unit.';
        } else if ((experts.get(member.accountId) ?? []).some((id) => conflictUnits.has(id))) {
          exclusionReason = 'CONFLICT_OF_INTEREST';
          exclusionNote = 'Declared a conflict of interest with a unit concerned.';
        }
        await manager.save(
          manager.create(BallotVoterEntity, {
            ballotId: ballot.id,
            accountId: member.accountId,
            displayName: member.displayName.trim(),
            organizationId: member.organizationId ?? null,
            expertId: member.expertId ?? null,
            exclusionReason,
            exclusionNote,
            position: null,
            castAt: null,
            present: false,
          }),
        );
      }
      return ballot;
    });
  }

  /** An expert on the ballot casts their vote (once). */
  async cast(caller: Identity | undefined, ballotId: string, position: PositionName): Promise<BallotVoterEntity> {
    return this.dataSource.transaction(async (manager) => {
      const ballot = await manager.findOne(BallotEntity, { where: { id: ballotId }, lock: { mode: 'pessimistic_read' } });
      if (!ballot) throw new NotFoundError('Ballot', ballotId);
      const identity = requireRole(caller, ballot.associationId, [Role.EXPERT]);
      const voter = await manager.findOne(BallotVoterEntity, { where: { ballotId, accountId: identity.accountId }, lock: { mode: 'pessimistic_write' } });
      if (!voter) throw new NotOnBallotError();
      if (voter.exclusionReason) throw new ExcludedFromBallotError(voter.exclusionReason);
      if (ballot.status !== 'OPEN') throw new BallotClosedError();
      if (voter.position) throw new AlreadyVotedError();
      voter.position = position;
      voter.castAt = new Date();
      voter.present = position !== 'RECUSE';
      return manager.save(voter);
    });
  }

  /**
   * Closes the ballot and applies its rule. For the technical review (a meeting), `present` lists
   * panel members in the room who did not vote; voters count as present.
   */
  async close(caller: Identity | undefined, ballotId: string, present: string[]): Promise<BallotEntity> {
    return this.dataSource.transaction(async (manager) => {
      const ballot = await manager.findOne(BallotEntity, { where: { id: ballotId }, lock: { mode: 'pessimistic_write' } });
      if (!ballot) throw new NotFoundError('Ballot', ballotId);
      requireRole(caller, ballot.associationId, OFFICE_ROLES);
      if (ballot.status !== 'OPEN') throw new BallotClosedError();
      const voters = await manager.find(BallotVoterEntity, { where: { ballotId } });
      const onRoll = new Set(voters.map((v) => v.accountId));
      const unknown = present.filter((id) => !onRoll.has(id));
      if (unknown.length) throw new BadInputError('NOT_ON_PANEL', 'Someone listed as present is not on the panel.', { accountIds: unknown });
      const electorate = Electorate.snapshot({
        roll: voters.map((v) => v.accountId),
        exclusions: voters.filter((v) => v.exclusionReason).map((v): Exclusion => ({ voterId: v.accountId, reason: v.exclusionReason === 'DRAFTER' ? 'DRAFTER' : 'CONFLICT_OF_INTEREST', note: v.exclusionNote ?? undefined })),
        takenAt: ballot.openedAt,
      });
      const ballots = voters.filter((v) => v.position).map((v) => ({ voterId: v.accountId, position: v.position! }));
      const attendance = new Set([...present, ...voters.filter((v) => v.position && v.position !== 'RECUSE').map((v) => v.accountId)]);
      const meeting = ballot.kind === 'TECHNICAL_REVIEW';
      const tally = countBallots(electorate, ballots, meeting ? { present: [...attendance] } : {});
      const { positions: _positions, ...counts } = tally;
      const outcome = evaluateBallot(RULES[ballot.kind], counts);
      if (meeting) await manager.query(`UPDATE standards.ballot_voter SET present = account_id = ANY($2) WHERE ballot_id = $1`, [ballotId, [...attendance]]);
      ballot.status = 'CLOSED';
      ballot.closedAt = new Date();
      ballot.passed = outcome.passed;
      ballot.outcome = { ...outcome };
      return manager.save(ballot);
    });
  }

  async ofStandard(standardId: string): Promise<BallotEntity[]> {
    return this.dataSource.getRepository(BallotEntity).find({ where: { standardId }, order: { openedAt: 'ASC' } });
  }

  async voters(ballotId: string): Promise<BallotVoterEntity[]> {
    return this.dataSource.getRepository(BallotVoterEntity).find({ where: { ballotId }, order: { accountId: 'ASC' } });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { type Identity, Role, STAFF_ROLES, requireReadAccess, requireRole, rolesIn } from '@app/auth';
import { NotFoundError, todayInChina } from '@app/common';
import { COUNCIL_ORDINARY, Electorate, countBallots, evaluateBallot } from '@app/voting';
import { AssociationEntity } from '../associations/entities/association.entity';
import { COUNCIL_VOTING_POSTS, CouncilService } from '../council/council.service';
import { OrganizationEntity } from '../organizations/entities/organization.entity';
import { aggregateScores, recusalReason, shortlist, toHundredths } from './award-scoring';
import {
  AlreadyScoredError,
  AlreadyVotedError,
  AwardRoundExistsError,
  AwardRoundStageError,
  NoCouncilOnDateError,
  NomineeError,
  NoticeDatesError,
  NoticeNotOverError,
  NotOnCouncilRollError,
  NotThisPanelMemberError,
  NothingToScoreError,
  PanelMemberRecusedError,
} from './awards.exception';
import type {
  AddAwardPanelMemberInput,
  AwardCategory,
  AwardResultDTO,
  AwardRoundDTO,
  AwardRoundStatus,
  CreateAwardRoundInput,
  NominateForAwardInput,
  RecordAwardScoreInput,
} from './dtos/award.dto';
import {
  AwardApprovalBallotEntity,
  AwardApprovalVoteEntity,
  AwardNominationEntity,
  AwardPanelMemberEntity,
  AwardRoundEntity,
  AwardScoreEntity,
  type ApprovalPositionName,
  type ApprovalRollEntry,
  type AwardRoundStatusName,
} from './entities/award.entities';

@Injectable()
export class AwardsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly council: CouncilService,
  ) {}

  async createRound(caller: Identity | undefined, input: CreateAwardRoundInput): Promise<AwardRoundDTO> {
    requireRole(caller, input.associationId, STAFF_ROLES);
    const round = await this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(AssociationEntity, { id: input.associationId }))) throw new NotFoundError('Association', input.associationId);
      if (await manager.existsBy(AwardRoundEntity, { associationId: input.associationId, year: input.year, category: input.category })) throw new AwardRoundExistsError(input.year, input.category);
      return manager.save(manager.create(AwardRoundEntity, { ...input, title: input.title.trim() }));
    });
    return this.toDTO(round);
  }

  async nominate(caller: Identity | undefined, input: NominateForAwardInput): Promise<AwardRoundDTO> {
    const round = await this.dataSource.transaction(async (manager) => {
      const found = await this.lockRound(manager, caller, input.roundId, ['NOMINATING']);
      const organizationId = input.organizationId ?? null;
      let name = input.name?.trim() || null;
      if (organizationId) {
        const organization = await manager.findOne(OrganizationEntity, { where: { id: organizationId, associationId: found.associationId } });
        if (!organization) throw new NomineeError('NOMINEE_ORGANIZATION_UNKNOWN', 'The nominee organization is not registered in this association.');
        if (found.category === 'EXCELLENT_MEMBER_UNIT') name = organization.name;
      }
      if (found.category === 'EXCELLENT_MEMBER_UNIT') {
        if (!organizationId || input.personId) throw new NomineeError('NOMINEE_ORGANIZATION_REQUIRED', '优秀会员单位 nominees are member units: name the organization, not a person.');
        if (await manager.existsBy(AwardNominationEntity, { roundId: found.id, nomineeOrganizationId: organizationId })) throw new NomineeError('ALREADY_NOMINATED', 'This unit is already nominated in this round.');
      } else if (!name) {
        throw new NomineeError('NOMINEE_NAME_REQUIRED', "优秀工作者 nominees are people: give the person's name.");
      }
      await manager.save(
        manager.create(AwardNominationEntity, {
          associationId: found.associationId,
          roundId: found.id,
          nomineeOrganizationId: organizationId,
          nomineePersonId: input.personId ?? null,
          nomineeName: name!,
          citation: input.citation,
        }),
      );
      return found;
    });
    return this.toDTO(round);
  }

  async addPanelMember(caller: Identity | undefined, input: AddAwardPanelMemberInput): Promise<AwardRoundDTO> {
    const round = await this.dataSource.transaction(async (manager) => {
      const found = await this.lockRound(manager, caller, input.roundId, ['NOMINATING', 'SCORING']);
      const organizationIds = [...new Set([...(input.organizationId ? [input.organizationId] : []), ...(input.conflictedOrganizationIds ?? [])])];
      if (organizationIds.length && (await manager.countBy(OrganizationEntity, { associationId: found.associationId, id: In(organizationIds) })) !== organizationIds.length) {
        throw new NomineeError('NOMINEE_ORGANIZATION_UNKNOWN', 'An organization named is not registered in this association.');
      }
      await manager.save(
        manager.create(AwardPanelMemberEntity, {
          associationId: found.associationId,
          roundId: found.id,
          name: input.name.trim(),
          personId: input.personId ?? null,
          accountId: input.accountId ?? null,
          organizationId: input.organizationId ?? null,
          conflictedOrganizationIds: [...new Set(input.conflictedOrganizationIds ?? [])],
        }),
      );
      return found;
    });
    return this.toDTO(round);
  }

  async openScoring(caller: Identity | undefined, roundId: string): Promise<AwardRoundDTO> {
    const round = await this.dataSource.transaction(async (manager) => {
      const found = await this.lockRound(manager, caller, roundId, ['NOMINATING']);
      if (!(await manager.existsBy(AwardNominationEntity, { roundId }))) throw new NothingToScoreError('NOMINATIONS');
      if (!(await manager.existsBy(AwardPanelMemberEntity, { roundId }))) throw new NothingToScoreError('PANEL');
      found.status = 'SCORING';
      return manager.save(found);
    });
    return this.toDTO(round);
  }

  /** A score from the secretariat (paper sheet) or the panel member's own account; recused members are refused. */
  async recordScore(caller: Identity | undefined, input: RecordAwardScoreInput): Promise<AwardRoundDTO> {
    const round = await this.dataSource.transaction(async (manager) => {
      const nomination = await manager.findOne(AwardNominationEntity, { where: { id: input.nominationId } });
      if (!nomination) throw new NotFoundError('AwardNomination', input.nominationId);
      const found = await this.lockRound(manager, caller, nomination.roundId, ['SCORING'], [...STAFF_ROLES, Role.COUNCIL_MEMBER, Role.EXPERT, Role.MEMBER_REP, Role.INDIVIDUAL_MEMBER]);
      const member = await manager.findOne(AwardPanelMemberEntity, { where: { id: input.panelMemberId, roundId: found.id } });
      if (!member) throw new NotFoundError('AwardPanelMember', input.panelMemberId);
      const staff = caller!.platformAdmin || rolesIn(caller, found.associationId).some((r) => STAFF_ROLES.includes(r));
      if (!staff && member.accountId !== caller!.accountId) throw new NotThisPanelMemberError();
      const recusal = recusalReason(member, { organizationId: nomination.nomineeOrganizationId });
      if (recusal) throw new PanelMemberRecusedError(recusal);
      if (await manager.existsBy(AwardScoreEntity, { nominationId: nomination.id, panelMemberId: member.id })) throw new AlreadyScoredError();
      await manager.save(
        manager.create(AwardScoreEntity, { associationId: found.associationId, nominationId: nomination.id, panelMemberId: member.id, score: (toHundredths(input.score) / 100).toFixed(2), recordedBy: caller!.accountId }),
      );
      return found;
    });
    return this.toDTO(round);
  }

  /** Averages the non-recused scores, ranks the nominations and marks the shortlist. */
  async closeScoring(caller: Identity | undefined, roundId: string): Promise<AwardRoundDTO> {
    const round = await this.dataSource.transaction(async (manager) => {
      const found = await this.lockRound(manager, caller, roundId, ['SCORING']);
      const nominations = await manager.find(AwardNominationEntity, { where: { roundId }, order: { createdAt: 'ASC', id: 'ASC' } });
      const scores = await manager.find(AwardScoreEntity, { where: { nominationId: In(nominations.map((n) => n.id)) } });
      const aggregated = aggregateScores(
        nominations.map((n) => n.id),
        scores.map((s) => ({ nominationId: s.nominationId, hundredths: toHundredths(s.score) })),
      );
      const listed = new Set(shortlist(aggregated, found.shortlistSize));
      for (const entry of aggregated) {
        await manager.update(AwardNominationEntity, { id: entry.nominationId }, {
          averageScore: entry.averageHundredths === null ? null : (entry.averageHundredths / 100).toFixed(2),
          rank: entry.rank,
          shortlisted: listed.has(entry.nominationId),
        });
      }
      found.status = 'APPROVAL';
      return manager.save(found);
    });
    return this.toDTO(round);
  }

  /** Opens the council ballot; the roll is the council seats held on `electorateOn`, one per holder. */
  async openApproval(caller: Identity | undefined, roundId: string, electorateOn: string): Promise<AwardRoundDTO> {
    const round = await this.dataSource.transaction(async (manager) => {
      const found = await this.lockRound(manager, caller, roundId, ['APPROVAL', 'APPROVAL_FAILED']);
      if (await manager.existsBy(AwardApprovalBallotEntity, { roundId, closedAt: IsNull() })) throw new AwardRoundStageError('APPROVAL (ballot open)', ['APPROVAL without an open ballot']);
      const term = await this.council.termOn(manager, found.associationId, electorateOn);
      const offices = term ? (await this.council.officesOn(manager, term, electorateOn)).filter((o) => COUNCIL_VOTING_POSTS.includes(o.post)) : [];
      const roll: ApprovalRollEntry[] = [];
      const holders = new Set<string>();
      for (const office of offices) {
        const key = office.holderPersonId ?? (office.holderOrganizationId ? `org:${office.holderOrganizationId}` : `name:${office.holderName}`);
        if (holders.has(key)) continue;
        holders.add(key);
        roll.push({ officeId: office.id, post: office.post, holderName: office.holderName, voterAccountId: office.voterAccountId });
      }
      if (roll.length === 0) throw new NoCouncilOnDateError(electorateOn);
      await manager.save(manager.create(AwardApprovalBallotEntity, { associationId: found.associationId, roundId, electorateOn, roll, openedBy: caller!.accountId }));
      found.status = 'APPROVAL';
      return manager.save(found);
    });
    return this.toDTO(round);
  }

  /** A council member votes for their own seat; the secretariat may record a paper ballot for any seat on the roll. */
  async castVote(caller: Identity | undefined, roundId: string, officeId: string | null | undefined, position: ApprovalPositionName): Promise<AwardRoundDTO> {
    const round = await this.dataSource.transaction(async (manager) => {
      const found = await this.lockRound(manager, caller, roundId, ['APPROVAL'], [...STAFF_ROLES, Role.COUNCIL_MEMBER]);
      const ballot = await manager.findOne(AwardApprovalBallotEntity, { where: { roundId, closedAt: IsNull() } });
      if (!ballot) throw new AwardRoundStageError('APPROVAL (no open ballot)', ['APPROVAL with an open ballot']);
      const staff = caller!.platformAdmin || rolesIn(caller, found.associationId).some((r) => STAFF_ROLES.includes(r));
      const seat = ballot.roll.find((entry) => (officeId ? entry.officeId === officeId : entry.voterAccountId === caller!.accountId));
      if (!seat || (!staff && seat.voterAccountId !== caller!.accountId)) throw new NotOnCouncilRollError();
      if (await manager.existsBy(AwardApprovalVoteEntity, { ballotId: ballot.id, officeId: seat.officeId })) throw new AlreadyVotedError();
      await manager.save(manager.create(AwardApprovalVoteEntity, { associationId: found.associationId, ballotId: ballot.id, officeId: seat.officeId, position, castBy: caller!.accountId }));
      return found;
    });
    return this.toDTO(round);
  }

  /** Counts the ballot under COUNCIL_ORDINARY (those returning a ballot are present); passed → public notice. */
  async closeApproval(caller: Identity | undefined, roundId: string, noticeStartsOn: string, noticeEndsOn: string): Promise<AwardRoundDTO> {
    if (noticeEndsOn < noticeStartsOn) throw new NoticeDatesError('The notice cannot end before it starts.');
    const round = await this.dataSource.transaction(async (manager) => {
      const found = await this.lockRound(manager, caller, roundId, ['APPROVAL']);
      const ballot = await manager.findOne(AwardApprovalBallotEntity, { where: { roundId, closedAt: IsNull() } });
      if (!ballot) throw new AwardRoundStageError('APPROVAL (no open ballot)', ['APPROVAL with an open ballot']);
      const votes = await manager.find(AwardApprovalVoteEntity, { where: { ballotId: ballot.id } });
      const electorate = Electorate.snapshot({ roll: ballot.roll.map((entry) => entry.officeId), takenAt: ballot.openedAt });
      const tally = countBallots(
        electorate,
        votes.map((v) => ({ voterId: v.officeId, position: v.position })),
        { present: votes.filter((v) => v.position !== 'RECUSE').map((v) => v.officeId) },
      );
      const outcome = evaluateBallot(COUNCIL_ORDINARY, tally);
      ballot.closedAt = new Date();
      ballot.passed = outcome.passed;
      ballot.outcome = { yes: outcome.yes, no: outcome.no, abstain: outcome.abstain, recuse: outcome.recuse, electorate: outcome.electorate, present: outcome.present, explanation: outcome.explanation };
      await manager.save(ballot);
      if (outcome.passed) {
        found.status = 'NOTICE';
        found.noticeStartsOn = noticeStartsOn;
        found.noticeEndsOn = noticeEndsOn;
      } else {
        found.status = 'APPROVAL_FAILED';
      }
      return manager.save(found);
    });
    return this.toDTO(round);
  }

  async finalize(caller: Identity | undefined, roundId: string): Promise<AwardRoundDTO> {
    const round = await this.dataSource.transaction(async (manager) => {
      const found = await this.lockRound(manager, caller, roundId, ['NOTICE']);
      if (found.noticeEndsOn! >= todayInChina()) throw new NoticeNotOverError(found.noticeEndsOn!);
      found.status = 'FINAL';
      return manager.save(found);
    });
    return this.toDTO(round);
  }

  async getRound(caller: Identity | undefined, id: string): Promise<AwardRoundDTO> {
    const round = await this.dataSource.getRepository(AwardRoundEntity).findOne({ where: { id } });
    if (!round) throw new NotFoundError('AwardRound', id);
    requireReadAccess(caller, round.associationId);
    return this.toDTO(round);
  }

  async listRounds(caller: Identity | undefined, associationId: string): Promise<AwardRoundDTO[]> {
    requireReadAccess(caller, associationId);
    const rounds = await this.dataSource.getRepository(AwardRoundEntity).find({ where: { associationId }, order: { year: 'DESC', category: 'ASC' } });
    return Promise.all(rounds.map((round) => this.toDTO(round)));
  }

  /** Public: the lists under notice or final for a year; nothing of the scoring or the ballot. */
  async results(associationId: string, year: number): Promise<AwardResultDTO[]> {
    const rounds = await this.dataSource.getRepository(AwardRoundEntity).find({ where: { associationId, year, status: In(['NOTICE', 'FINAL']) }, order: { category: 'ASC' } });
    if (rounds.length === 0) return [];
    const winners = await this.dataSource.getRepository(AwardNominationEntity).find({ where: { roundId: In(rounds.map((r) => r.id)), shortlisted: true }, order: { rank: 'ASC', nomineeName: 'ASC' } });
    return rounds.map((round) => ({
      roundId: round.id,
      year: round.year,
      category: round.category as AwardCategory,
      title: round.title,
      stage: round.status === 'FINAL' ? 'AWARDED' : 'PUBLIC_NOTICE',
      noticeStartsOn: round.noticeStartsOn,
      noticeEndsOn: round.noticeEndsOn,
      winners: winners.filter((w) => w.roundId === round.id).map((w) => ({ nomineeName: w.nomineeName, nomineeOrganizationId: w.nomineeOrganizationId, rank: w.rank! })),
    }));
  }

  private async lockRound(manager: EntityManager, caller: Identity | undefined, id: string, stages: AwardRoundStatusName[], roles: readonly Role[] = STAFF_ROLES): Promise<AwardRoundEntity> {
    const round = await manager.findOne(AwardRoundEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!round) throw new NotFoundError('AwardRound', id);
    requireRole(caller, round.associationId, roles);
    if (!stages.includes(round.status)) throw new AwardRoundStageError(round.status, stages);
    return round;
  }

  private async toDTO(round: AwardRoundEntity): Promise<AwardRoundDTO> {
    const manager = this.dataSource.manager;
    const nominations = await manager.find(AwardNominationEntity, { where: { roundId: round.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    const counts: Array<{ nomination_id: string; n: number }> = nominations.length
      ? await manager.query(`SELECT nomination_id, count(*)::int AS n FROM membership.award_score WHERE nomination_id = ANY($1::uuid[]) GROUP BY nomination_id`, [nominations.map((n) => n.id)])
      : [];
    const countOf = new Map(counts.map((c) => [c.nomination_id, c.n]));
    const panel = await manager.find(AwardPanelMemberEntity, { where: { roundId: round.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    const ballots = await manager.find(AwardApprovalBallotEntity, { where: { roundId: round.id }, order: { openedAt: 'ASC' } });
    const voteCounts: Array<{ ballot_id: string; n: number }> = ballots.length
      ? await manager.query(`SELECT ballot_id, count(*)::int AS n FROM membership.award_approval_vote WHERE ballot_id = ANY($1::uuid[]) GROUP BY ballot_id`, [ballots.map((b) => b.id)])
      : [];
    const sorted = [...nominations].sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER));
    return {
      id: round.id,
      associationId: round.associationId,
      year: round.year,
      category: round.category as AwardCategory,
      title: round.title,
      shortlistSize: round.shortlistSize,
      status: round.status as AwardRoundStatus,
      noticeStartsOn: round.noticeStartsOn,
      noticeEndsOn: round.noticeEndsOn,
      nominations: sorted.map((n) => ({
        id: n.id,
        nomineeOrganizationId: n.nomineeOrganizationId,
        nomineePersonId: n.nomineePersonId,
        nomineeName: n.nomineeName,
        citation: n.citation,
        scoreCount: countOf.get(n.id) ?? 0,
        averageScore: n.averageScore === null ? null : Number(n.averageScore),
        rank: n.rank,
        shortlisted: n.shortlisted,
      })),
      panel: panel.map((m) => ({ id: m.id, name: m.name, organizationId: m.organizationId, conflictedOrganizationIds: m.conflictedOrganizationIds })),
      ballots: ballots.map((b) => ({
        id: b.id,
        electorateOn: b.electorateOn,
        rollSize: b.roll.length,
        votesCast: voteCounts.find((v) => v.ballot_id === b.id)?.n ?? 0,
        openedAt: b.openedAt,
        closedAt: b.closedAt,
        passed: b.passed,
        explanation: b.outcome?.explanation ?? null,
      })),
    };
  }
}

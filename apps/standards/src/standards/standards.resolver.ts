import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CurrentIdentity, type Identity, Public, canRead, requireReadAccess } from '@app/auth';
import type { ConnectionShape } from '@app/common';
import { STANDARD_LIFECYCLE, StandardState } from '../lifecycle/standard-lifecycle';
import { BallotsService } from './ballots.service';
import { ConsultationsService } from './consultations.service';
import { BallotDTO } from './dtos/ballot.dto';
import { ConsultationDTO } from './dtos/consultation.dto';
import { DraftDiffDTO, DraftVersionDTO } from './dtos/draft.dto';
import { type WorkingGroupRole, type ActivityKind, type LicenceDeclaration } from './dtos/enums';
import {
  AddWorkingGroupMemberInput,
  ConfigureStandardsProgrammeInput,
  DraftDiffArgs,
  ProposeStandardInput,
  PublishedStandardsArgs,
  RecordPlatformSubmissionInput,
  RecordStandardActivityInput,
  SaveStandardDraftInput,
  StandardsArgs,
  TransitionStandardInput,
} from './dtos/inputs';
import {
  PatentDisclosureDTO,
  PendingStandardActionDTO,
  PublishedStandardConnection,
  PublishedStandardDTO,
  StandardActivityDTO,
  StandardConnection,
  StandardDTO,
  StandardProjectDTO,
  StandardTransitionDTO,
  StandardsProgrammeDTO,
  WorkingGroupMemberDTO,
} from './dtos/standard.dto';
import type { StandardEntity } from './entities/standard.entity';
import type { StandardTransitionEntity } from './entities/standard-transition.entity';
import type { WorkingGroupMemberEntity } from './entities/working-group-member.entity';
import { ParticipationService } from './participation.service';
import { StandardsService } from './standards.service';

const STAGES = new Map(STANDARD_LIFECYCLE.map((s) => [s.state, s]));

export function toStandardDTO(s: StandardEntity): StandardDTO {
  const stage = STAGES.get(s.state)!;
  return {
    id: s.id,
    associationId: s.associationId,
    title: s.title,
    englishTitle: s.englishTitle,
    state: s.state,
    isoStageCode: stage.isoStageCode,
    actionOwner: stage.actionOwner,
    heldFrom: s.heldFrom,
    stateEnteredAt: s.stateEnteredAt,
    scope: s.scope,
    necessity: s.necessity,
    relatedStandards: s.relatedStandards,
    plannedUnits: s.plannedUnits,
    patentPreDisclosure: s.patentPreDisclosure,
    touchesConsumers: s.touchesConsumers,
    proposer: { accountId: s.proposerAccountId, displayName: s.proposerName, organizationId: s.proposerOrganizationId },
    project: s.projectNumber
      ? { projectNumber: s.projectNumber, leadUnitOrganizationId: s.leadUnitOrganizationId!, plan: s.projectPlan ?? '', deadline: s.projectDeadline ?? '', approvedOn: s.projectApprovedOn ?? '' }
      : null,
    code: s.code,
    approvalDocumentNumber: s.approvalDocumentNumber,
    publishedOn: s.publishedOn,
    implementedOn: s.implementedOn,
    nextReviewDue: s.nextReviewDue,
    lastConfirmedOn: s.lastConfirmedOn,
    platformReference: s.platformReference,
    platformSubmittedOn: s.platformSubmittedOn,
    replacesStandardId: s.replacesStandardId,
    revision: s.revision,
    createdAt: s.createdAt,
  };
}

function toTransitionDTO(t: StandardTransitionEntity): StandardTransitionDTO {
  return {
    id: t.id,
    fromState: t.fromState as StandardState | null,
    toState: t.toState as StandardState,
    isoStageCode: t.isoStageCode,
    actor: { accountId: t.actorAccountId, displayName: t.actorName, organizationId: t.actorOrganizationId },
    reason: t.reason,
    attachments: t.attachments,
    occurredAt: t.occurredAt,
  };
}

function toMemberDTO(m: WorkingGroupMemberEntity): WorkingGroupMemberDTO {
  return { ...m, role: m.role as WorkingGroupRole };
}

@Resolver(() => StandardDTO)
export class StandardsResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly standardsService: StandardsService,
    private readonly participation: ParticipationService,
    private readonly consultationsService: ConsultationsService,
    private readonly ballotsService: BallotsService,
  ) {}

  @Mutation(() => StandardsProgrammeDTO, { description: "Sets the association's standards programme: its code in standard numbers (T/<code> 001—2024), the minimum working-group units, comment days (≥ 30) and review interval (≤ 5 years). Admin. Required before the first proposal." })
  async configureStandardsProgramme(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The settings.' }) input: ConfigureStandardsProgrammeInput): Promise<StandardsProgrammeDTO> {
    return this.standardsService.configureProgramme(caller, input);
  }

  @Query(() => StandardsProgrammeDTO, { nullable: true, description: "The association's standards programme, or null before it is configured." })
  async standardsProgramme(@CurrentIdentity() caller: Identity | undefined, @Args('associationId', { type: () => ID, description: 'The association.' }) associationId: string): Promise<StandardsProgrammeDTO | null> {
    return this.standardsService.programme(caller, associationId);
  }

  @Mutation(() => StandardDTO, { description: 'Proposes a group standard. Member representatives, standards officers and admins.' })
  async proposeStandard(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The proposal.' }) input: ProposeStandardInput): Promise<StandardDTO> {
    return toStandardDTO(await this.standardsService.propose(caller, input));
  }

  @Mutation(() => StandardDTO, { description: 'Moves a standard to another state when the lifecycle allows it and its guards pass; records the move in its history. Standards officers and admins.' })
  async transitionStandard(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The move.' }) input: TransitionStandardInput): Promise<StandardDTO> {
    return toStandardDTO(await this.standardsService.transition(caller, input));
  }

  @Query(() => StandardDTO, { description: 'One standard. Published standards are public; others need a role in the association.' })
  @Public()
  async standard(@CurrentIdentity() caller: Identity | undefined, @Args('id', { type: () => ID, description: 'The standard.' }) id: string): Promise<StandardDTO> {
    const standard = await this.standardsService.get(caller, id);
    return toStandardDTO(standard);
  }

  @Query(() => StandardConnection, { description: "An association's standards, oldest first, optionally in one state." })
  async standards(@CurrentIdentity() caller: Identity | undefined, @Args() args: StandardsArgs): Promise<ConnectionShape<StandardDTO>> {
    const page = await this.standardsService.list(caller, args.associationId, args, args.state, args.inProgress ?? false);
    return { ...page, nodes: page.nodes.map(toStandardDTO), edges: page.edges.map((e) => ({ cursor: e.cursor, node: toStandardDTO(e.node) })) };
  }

  @Query(() => [StandardTransitionDTO], { description: 'The history of a standard: every transition with actor, time, reason and attachments, oldest first.' })
  async standardHistory(@CurrentIdentity() caller: Identity | undefined, @Args('id', { type: () => ID, description: 'The standard.' }) id: string): Promise<StandardTransitionDTO[]> {
    return (await this.standardsService.history(caller, id)).map(toTransitionDTO);
  }

  @Public()
  @Query(() => PublishedStandardConnection, { description: "The public catalogue of an association's published standards (with codes and dates), by its standards code. Public." })
  async publishedStandards(@Args() args: PublishedStandardsArgs): Promise<ConnectionShape<PublishedStandardDTO>> {
    const { connection } = await this.standardsService.published(args.associationCode, args);
    const map = async (s: StandardEntity): Promise<PublishedStandardDTO> => ({
      id: s.id,
      code: s.code!,
      title: s.title,
      englishTitle: s.englishTitle,
      state: s.state,
      publishedOn: s.publishedOn!,
      implementedOn: s.implementedOn!,
      inForce: s.state !== StandardState.WITHDRAWN,
      jointPublishers: await this.participation.jointPublishers(s.id),
      patentDisclosures: (await this.participation.patents(s.id)).map((p) => ({ ...p, licenceDeclaration: p.licenceDeclaration as LicenceDeclaration })),
      platformReference: s.platformReference,
      createdAt: s.createdAt,
    });
    const nodes = await Promise.all(connection.nodes.map(map));
    return { ...connection, nodes, edges: connection.edges.map((e, i) => ({ cursor: e.cursor, node: nodes[i] })) };
  }

  @Query(() => [PendingStandardActionDTO], { description: "What the caller owes on the association's standards: votes, drafts, dispositions, and for the office every action it owes." })
  async myPendingStandardActions(@CurrentIdentity() caller: Identity | undefined, @Args('associationId', { type: () => ID, description: 'The association.' }) associationId: string): Promise<PendingStandardActionDTO[]> {
    return this.standardsService.pendingActions(caller, associationId);
  }

  @Query(() => DraftDiffDTO, { description: 'Differences between two draft versions of a standard: clause by clause when both are structured, else line by line.' })
  async draftDiff(@CurrentIdentity() caller: Identity | undefined, @Args() args: DraftDiffArgs): Promise<DraftDiffDTO> {
    const diff = await this.participation.draftDiff(caller, args.standardId, args.from, args.to);
    return { from: args.from, to: args.to, ...diff } as DraftDiffDTO;
  }

  @Mutation(() => WorkingGroupMemberDTO, { description: 'Adds someone to the working group in a role. Standards officers and admins.' })
  async addWorkingGroupMember(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The member.' }) input: AddWorkingGroupMemberInput): Promise<WorkingGroupMemberDTO> {
    return toMemberDTO(await this.participation.addMember(caller, input));
  }

  @Mutation(() => WorkingGroupMemberDTO, { description: 'Ends a working-group membership; it stays in the history. Standards officers and admins.' })
  async endWorkingGroupMembership(
    @CurrentIdentity() caller: Identity | undefined,
    @Args('memberId', { type: () => ID, description: 'The membership.' }) memberId: string,
    @Args('reason', { description: 'Why it ends.' }) reason: string,
  ): Promise<WorkingGroupMemberDTO> {
    return toMemberDTO(await this.participation.endMembership(caller, memberId, reason));
  }

  @Mutation(() => DraftVersionDTO, { description: 'Saves the current draft (a new version once the previous one is frozen). The office or the working group’s convener and editors.' })
  async saveStandardDraft(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The draft.' }) input: SaveStandardDraftInput): Promise<DraftVersionDTO> {
    return this.participation.saveDraft(caller, input);
  }

  @Mutation(() => StandardDTO, { description: 'Records the submission of a published standard to the national group-standard platform. Standards officers and admins.' })
  async recordPlatformSubmission(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The submission.' }) input: RecordPlatformSubmissionInput): Promise<StandardDTO> {
    return toStandardDTO(await this.participation.recordPlatformSubmission(caller, input.standardId, input.submittedOn, input.platformReference));
  }

  @Mutation(() => StandardActivityDTO, { description: 'Records promotion (宣贯) or a seminar held on a standard. Standards officers and admins.' })
  async recordStandardActivity(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The activity.' }) input: RecordStandardActivityInput): Promise<StandardActivityDTO> {
    const activity = await this.participation.recordActivity(caller, input);
    return { ...activity, kind: activity.kind as ActivityKind };
  }

  // ── fields: the association's working data is not public even when the standard is ─────────────

  @ResolveField(() => StandardProjectDTO, { nullable: true, description: 'The approved project, with the lead unit’s name.' })
  async project(@Parent() standard: StandardDTO): Promise<StandardProjectDTO | null> {
    if (!standard.project) return null;
    const [row] = await this.dataSource.query<Array<{ name: string }>>(`SELECT name FROM standards.organization_directory WHERE organization_id = $1`, [standard.project.leadUnitOrganizationId]);
    return { ...standard.project, leadUnitName: row?.name ?? null };
  }

  @ResolveField(() => [WorkingGroupMemberDTO], { description: 'The working group; with history, also those who left.' })
  async workingGroup(
    @CurrentIdentity() caller: Identity | undefined,
    @Parent() standard: StandardDTO,
    @Args('includeHistory', { type: () => Boolean, defaultValue: false, description: 'Include ended memberships.' }) includeHistory: boolean,
  ): Promise<WorkingGroupMemberDTO[]> {
    requireReadAccess(caller, standard.associationId);
    return (await this.participation.members(standard.id, includeHistory)).map(toMemberDTO);
  }

  @ResolveField(() => [DraftVersionDTO], { description: 'Draft versions, oldest first.' })
  async drafts(@CurrentIdentity() caller: Identity | undefined, @Parent() standard: StandardDTO): Promise<DraftVersionDTO[]> {
    requireReadAccess(caller, standard.associationId);
    return this.participation.drafts(standard.id);
  }

  @ResolveField(() => [ConsultationDTO], { description: 'Consultations held on its drafts.' })
  async consultations(@CurrentIdentity() caller: Identity | undefined, @Parent() standard: StandardDTO): Promise<ConsultationDTO[]> {
    const all = await this.consultationsService.ofStandard(standard.id);
    return canRead(caller, standard.associationId) ? all : all.filter((c) => c.isPublic);
  }

  @ResolveField(() => [BallotDTO], { description: 'Ballots held on it.' })
  async ballots(@CurrentIdentity() caller: Identity | undefined, @Parent() standard: StandardDTO): Promise<BallotDTO[]> {
    requireReadAccess(caller, standard.associationId);
    return (await this.ballotsService.ofStandard(standard.id)) as BallotDTO[];
  }

  @ResolveField(() => [PatentDisclosureDTO], { description: 'Patents disclosed at publication.' })
  async patentDisclosures(@Parent() standard: StandardDTO): Promise<PatentDisclosureDTO[]> {
    return (await this.participation.patents(standard.id)).map((p) => ({ ...p, licenceDeclaration: p.licenceDeclaration as LicenceDeclaration }));
  }

  @ResolveField(() => [String], { description: 'Associations publishing it jointly.' })
  async jointPublishers(@Parent() standard: StandardDTO): Promise<string[]> {
    return this.participation.jointPublishers(standard.id);
  }

  @ResolveField(() => [StandardActivityDTO], { description: 'Promotion (宣贯) and seminars held on it.' })
  async activities(@Parent() standard: StandardDTO): Promise<StandardActivityDTO[]> {
    return (await this.participation.activities(standard.id)).map((a) => ({ ...a, kind: a.kind as ActivityKind }));
  }
}

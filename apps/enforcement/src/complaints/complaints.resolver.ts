import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, Public } from '@app/auth';
import { SanctionsService } from '../sanctions/sanctions.service';
import type { SanctionEntity } from '../sanctions/entities/sanction.entity';
import { ComplaintsService, type ComplaintView } from './complaints.service';
import {
  AdmitComplaintInput,
  AssignInvestigatorInput,
  AssociationArgs,
  ComplainantIdentityArgs,
  ComplainantIdentityDTO,
  ComplainantIdentityReadDTO,
  ComplaintActivityDTO,
  ComplaintDecision,
  ComplaintDTO,
  ComplaintInvestigatorDTO,
  ComplaintReceiptDTO,
  ComplaintsArgs,
  ComplaintSource,
  ComplaintStage,
  ComplaintStatisticsArgs,
  ComplaintStatisticsDTO,
  ComplaintStatusArgs,
  ComplaintStatusDTO,
  DeclareConflictInput,
  DecideComplaintInput,
  Finding,
  IdentityReadsArgs,
  InvestigationResultDTO,
  InvestigatorConflictDTO,
  LogComplaintActivityInput,
  NotAdmitComplaintInput,
  RecordFindingInput,
  RecuseInvestigatorInput,
  ReferComplaintInput,
  ReplyToComplaintInput,
  SubmitComplaintInput,
} from './dtos/complaint.dto';
import type { ComplaintEntity } from './entities/complaint.entity';
import type { SanctionGrade, SanctionStatus } from '../sanctions/dtos/sanction.dto';

@Resolver(() => ComplaintDTO)
export class ComplaintsResolver {
  constructor(
    private readonly service: ComplaintsService,
    private readonly sanctions: SanctionsService,
  ) {}

  @Public()
  @Mutation(() => ComplaintReceiptDTO, {
    description: 'Files a complaint against a signatory. PUBLIC: anyone, signed in or not, anonymous allowed; SIGNATORY: a MEMBER_REP for its unit; EXECUTING_BODY: secretariat/admin. Returns a tracking code and a secret (shown once).',
  })
  async submitComplaint(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The complaint.' }) input: SubmitComplaintInput): Promise<ComplaintReceiptDTO> {
    const receipt = await this.service.submit(caller, { ...input, evidence: input.evidence ?? [] });
    return toReceipt(receipt.complaint, receipt.secret);
  }

  @Mutation(() => ComplaintReceiptDTO, { description: 'A supervising authority (REGULATOR) refers a case. Idempotent: the same key returns the same complaint; the key with a different request is a CONFLICT.' })
  async referComplaint(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The referral.' }) input: ReferComplaintInput): Promise<ComplaintReceiptDTO> {
    const { idempotencyKey, ...rest } = input;
    const receipt = await this.service.refer(caller, { ...rest, source: 'REGULATOR', anonymous: false, evidence: rest.evidence ?? [] }, idempotencyKey);
    return toReceipt(receipt.complaint, receipt.secret);
  }

  @Public()
  @Query(() => ComplaintStatusDTO, { description: 'The stage of a complaint by tracking code and secret. Public; an unknown code and a wrong secret are the same NOT_FOUND.' })
  async complaintStatus(@Args() args: ComplaintStatusArgs): Promise<ComplaintStatusDTO> {
    const complaint = await this.service.status(args.trackingCode, args.secret);
    return { trackingCode: complaint.trackingCode, stage: complaint.stage as ComplaintStage, notAdmittedReason: complaint.admissibilityReason, receivedAt: complaint.receivedAt };
  }

  @Query(() => ComplaintDTO, { description: "One complaint: staff, assigned investigators, and the respondent's MEMBER_REP once it is admitted (without the complainant)." })
  async complaint(@CurrentIdentity() caller: Identity | undefined, @Args('id', { type: () => ID, description: 'The complaint.' }) id: string): Promise<ComplaintDTO> {
    const { complaint, view } = await this.service.get(caller, id);
    return (await this.toDTOs([complaint], () => view))[0];
  }

  @Query(() => [ComplaintDTO], { description: 'Complaints of an association, newest first (at most 200): staff all, investigators those assigned to them.' })
  async complaints(@CurrentIdentity() caller: Identity | undefined, @Args() args: ComplaintsArgs): Promise<ComplaintDTO[]> {
    const list = await this.service.list(caller, args.associationId, (args.stage as ComplaintEntity['stage']) ?? null);
    return this.toDTOs(list, () => ({ caseHandler: true, respondent: false }));
  }

  @Query(() => [ComplaintDTO], { description: 'Open complaints whose stage deadline has passed, most overdue first. Secretariat/admin.' })
  async overdueComplaints(@CurrentIdentity() caller: Identity | undefined, @Args() args: AssociationArgs): Promise<ComplaintDTO[]> {
    return this.toDTOs(await this.service.overdue(caller, args.associationId), () => ({ caseHandler: true, respondent: false }));
  }

  @Query(() => ComplainantIdentityDTO, { description: "The complainant's identity: staff and assigned investigators only, never the respondent; every read is audited." })
  async complainantIdentity(@CurrentIdentity() caller: Identity | undefined, @Args() args: ComplainantIdentityArgs): Promise<ComplainantIdentityDTO> {
    const { complaint, identity } = await this.service.complainantIdentity(caller, args.complaintId, args.purpose);
    return { complaintId: complaint.id, anonymous: complaint.anonymous, name: identity?.name ?? null, contact: identity?.contact ?? null, organizationId: identity?.organizationId ?? null };
  }

  @Query(() => [ComplainantIdentityReadDTO], { description: "Audit of reads of complainants' identities, newest first. ADMIN." })
  async complainantIdentityReads(@CurrentIdentity() caller: Identity | undefined, @Args() args: IdentityReadsArgs): Promise<ComplainantIdentityReadDTO[]> {
    return this.service.identityReads(caller, args.associationId, args.complaintId ?? null);
  }

  @Query(() => [InvestigationResultDTO], { description: "Results of investigations under a convention, published to all its signatories (any MEMBER_REP of a unit in force), staff and regulators; never the complainant." })
  async publishedInvestigationResults(@CurrentIdentity() caller: Identity | undefined, @Args('conventionId', { type: () => ID, description: 'The convention.' }) conventionId: string): Promise<InvestigationResultDTO[]> {
    const results = await this.service.publishedResults(caller, conventionId);
    const names = await this.service.organizationNames(results.map((r) => r.complaint.respondentOrganizationId));
    return results.map(({ complaint: c, sanction }) => ({
      complaintId: c.id,
      respondentOrganizationId: c.respondentOrganizationId,
      respondentName: names.get(c.respondentOrganizationId) ?? '',
      articleNumbers: c.articleNumbers,
      finding: c.finding as Finding,
      breachedArticles: c.breachedArticles ?? [],
      findingSummary: c.findingSummary ?? '',
      decision: c.decision as ComplaintDecision,
      decisionSummary: c.decisionSummary ?? '',
      decidedOn: c.decidedOn!,
      sanctionGrade: (sanction?.grade as SanctionGrade) ?? null,
      sanctionStatus: (sanction?.status as SanctionStatus) ?? null,
    }));
  }

  @Query(() => ComplaintStatisticsDTO, { description: 'Complaints received in a period counted by stage, source, article and month. Staff and regulators.' })
  async complaintStatistics(@CurrentIdentity() caller: Identity | undefined, @Args() args: ComplaintStatisticsArgs): Promise<ComplaintStatisticsDTO> {
    return { from: args.from, to: args.to, ...(await this.service.statistics(caller, args.associationId, args.from, args.to)) };
  }

  @Mutation(() => ComplaintDTO, { description: "Admits a complaint: the investigation opens and the respondent's reply period starts. Secretariat/admin." })
  async admitComplaint(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'Admission.' }) input: AdmitComplaintInput): Promise<ComplaintDTO> {
    return this.one(caller, await this.service.admit(caller, input.complaintId, input.replyDays, input.note ?? ''));
  }

  @Mutation(() => ComplaintDTO, { description: 'Does not admit a complaint, with a reason the complainant reads. Secretariat/admin.' })
  async notAdmitComplaint(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The refusal.' }) input: NotAdmitComplaintInput): Promise<ComplaintDTO> {
    return this.one(caller, await this.service.notAdmit(caller, input.complaintId, input.reason));
  }

  @Mutation(() => ComplaintInvestigatorDTO, { description: "Assigns an investigator after the conflict check (not from the respondent's or complainant's unit, no declared conflict). Secretariat/admin." })
  async assignInvestigator(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'Assignment.' }) input: AssignInvestigatorInput): Promise<ComplaintInvestigatorDTO> {
    return this.service.assignInvestigator(caller, { ...input, organizationId: input.organizationId ?? null });
  }

  @Mutation(() => ComplaintInvestigatorDTO, { description: 'An investigator recuses themselves (or staff remove one), with a reason.' })
  async recuseInvestigator(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'Recusal.' }) input: RecuseInvestigatorInput): Promise<ComplaintInvestigatorDTO> {
    return this.service.recuse(caller, input.complaintId, input.accountId, input.reason);
  }

  @Mutation(() => InvestigatorConflictDTO, { description: 'An investigator declares a conflict of interest with an organization; active assignments on its cases end by recusal.' })
  async declareConflictOfInterest(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'Declaration.' }) input: DeclareConflictInput): Promise<InvestigatorConflictDTO> {
    return this.service.declareConflict(caller, input.associationId, input.organizationId, input.note ?? '');
  }

  @Mutation(() => ComplaintDTO, { description: "The respondent's reply, once, before the deadline. The respondent's MEMBER_REP." })
  async replyToComplaint(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'Reply.' }) input: ReplyToComplaintInput): Promise<ComplaintDTO> {
    return this.one(caller, await this.service.reply(caller, input.complaintId, input.text));
  }

  @Mutation(() => ComplaintActivityDTO, { description: 'Adds a note to the activity log. Staff or an assigned investigator.' })
  async logComplaintActivity(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'Note.' }) input: LogComplaintActivityInput): Promise<ComplaintActivityDTO> {
    return this.service.addActivity(caller, input.complaintId, input.note);
  }

  @Mutation(() => ComplaintDTO, { description: 'Records the finding (after the reply or its deadline). Staff or an assigned investigator.' })
  async recordFinding(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'Finding.' }) input: RecordFindingInput): Promise<ComplaintDTO> {
    return this.one(caller, await this.service.recordFinding(caller, { ...input, breachedArticles: input.breachedArticles ?? [], adverseImpact: input.adverseImpact ?? false }));
  }

  @Mutation(() => ComplaintDTO, { description: 'Decides: a graded sanction (on a breach) or dismissal; the result is published to the signatories. Secretariat/admin.' })
  async decideComplaint(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'Decision.' }) input: DecideComplaintInput): Promise<ComplaintDTO> {
    const { complaint } = await this.service.decide(caller, {
      complaintId: input.complaintId,
      decision: input.decision,
      summary: input.summary,
      sanction: input.sanction ? { ...input.sanction, appealDays: input.sanction.appealDays ?? 15 } : null,
    });
    return this.one(caller, complaint);
  }

  @Mutation(() => ComplaintDTO, { description: 'Closes a decided case once the appeal window has passed or the appeal is decided. Secretariat/admin.' })
  async closeComplaint(@CurrentIdentity() caller: Identity | undefined, @Args('id', { type: () => ID, description: 'The complaint.' }) id: string): Promise<ComplaintDTO> {
    return this.one(caller, await this.service.close(caller, id));
  }

  private async one(caller: Identity | undefined, complaint: ComplaintEntity): Promise<ComplaintDTO> {
    const { view } = await this.service.get(caller, complaint.id);
    return (await this.toDTOs([complaint], () => view))[0];
  }

  private async toDTOs(complaints: ComplaintEntity[], viewOf: (c: ComplaintEntity) => ComplaintView): Promise<ComplaintDTO[]> {
    if (complaints.length === 0) return [];
    const names = await this.service.organizationNames(complaints.map((c) => c.respondentOrganizationId));
    const sanctions: Map<string, SanctionEntity> = await this.sanctions.byComplaints(complaints.map((c) => c.id));
    const out: ComplaintDTO[] = [];
    for (const c of complaints) {
      const handler = viewOf(c).caseHandler;
      const [investigators, activity] = complaints.length === 1 ? await Promise.all([this.service.investigatorsOf(c.id), handler ? this.service.activityOf(c.id) : []]) : [[], []];
      out.push({
        id: c.id,
        associationId: c.associationId,
        conventionId: c.conventionId,
        respondentOrganizationId: c.respondentOrganizationId,
        respondentName: names.get(c.respondentOrganizationId) ?? '',
        source: handler ? (c.source as ComplaintSource) : null,
        trackingCode: handler ? c.trackingCode : null,
        anonymous: handler ? c.anonymous : null,
        referralReference: handler ? c.referralReference : null,
        articleNumbers: c.articleNumbers,
        facts: c.facts,
        evidence: c.evidence,
        stage: c.stage as ComplaintStage,
        stageDueOn: c.stageDueOn,
        escalatedAt: handler ? c.escalatedAt : null,
        notAdmittedReason: c.admissibilityReason,
        replyDueOn: c.replyDueOn,
        replyText: c.replyText,
        repliedAt: c.repliedAt,
        finding: c.finding as Finding | null,
        breachedArticles: c.breachedArticles,
        adverseImpact: c.adverseImpact,
        findingSummary: c.findingSummary,
        decision: c.decision as ComplaintDecision | null,
        decisionSummary: c.decisionSummary,
        decidedOn: c.decidedOn,
        sanctionId: sanctions.get(c.id)?.id ?? null,
        investigators: investigators.map((i) => ({ accountId: i.accountId, name: i.name, assignedAt: i.assignedAt, recusedAt: i.recusedAt, recusalReason: i.recusalReason })),
        activity,
        identityPurgedAt: handler ? c.identityPurgedAt : null,
        receivedAt: c.receivedAt,
        closedAt: c.closedAt,
      });
    }
    return out;
  }
}

function toReceipt(complaint: ComplaintEntity, secret: string | null): ComplaintReceiptDTO {
  return {
    complaintId: complaint.source === 'PUBLIC' ? null : complaint.id,
    trackingCode: complaint.trackingCode,
    secret,
    stage: complaint.stage as ComplaintStage,
    receivedAt: complaint.receivedAt,
  };
}

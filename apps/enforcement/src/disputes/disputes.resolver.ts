import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity } from '@app/auth';
import { DisputeDTO, DisputesArgs, DisputeStage, EscalateDisputeInput, OpenDisputeInput, RecordMediationFailureInput, RecordSettlementInput } from './dtos/dispute.dto';
import type { DisputeEntity } from './entities/dispute.entity';
import { DisputesService } from './disputes.service';

const toDTO = (d: DisputeEntity): DisputeDTO => ({
  id: d.id,
  associationId: d.associationId,
  conventionId: d.conventionId,
  claimantOrganizationId: d.claimantOrganizationId,
  otherOrganizationId: d.otherOrganizationId,
  subject: d.subject,
  stage: d.stage as DisputeStage,
  settlementTerms: d.settlementTerms,
  settledOn: d.settledOn,
  failureReason: d.failureReason,
  failedOn: d.failedOn,
  complaintId: d.complaintId,
  log: d.log.map((e) => ({ at: e.at, actorAccountId: e.actorAccountId, kind: e.kind })),
  createdAt: d.createdAt,
});

@Resolver(() => DisputeDTO)
export class DisputesResolver {
  constructor(private readonly service: DisputesService) {}

  @Mutation(() => DisputeDTO, { description: "A signatory's MEMBER_REP opens a dispute with another signatory; negotiation comes first." })
  async openDispute(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The dispute.' }) input: OpenDisputeInput): Promise<DisputeDTO> {
    return toDTO(await this.service.open(caller, input));
  }

  @Mutation(() => DisputeDTO, { description: 'Either party asks the executing body to mediate.' })
  async requestMediation(@CurrentIdentity() caller: Identity | undefined, @Args('disputeId', { type: () => ID, description: 'The dispute.' }) disputeId: string): Promise<DisputeDTO> {
    return toDTO(await this.service.requestMediation(caller, disputeId));
  }

  @Mutation(() => DisputeDTO, { description: 'Records a settlement agreement: a party during negotiation, the executing body after mediation.' })
  async recordSettlement(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The settlement.' }) input: RecordSettlementInput): Promise<DisputeDTO> {
    return toDTO(await this.service.recordSettlement(caller, input.disputeId, input.terms, input.settledOn));
  }

  @Mutation(() => DisputeDTO, { description: 'Records that mediation failed. Secretariat/admin.' })
  async recordMediationFailure(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The failure.' }) input: RecordMediationFailureInput): Promise<DisputeDTO> {
    return toDTO(await this.service.recordMediationFailure(caller, input.disputeId, input.reason));
  }

  @Mutation(() => DisputeDTO, { description: 'A party turns a failed mediation into a complaint against the other party.' })
  async escalateDisputeToComplaint(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The complaint.' }) input: EscalateDisputeInput): Promise<DisputeDTO> {
    const { dispute } = await this.service.escalateToComplaint(caller, { ...input, evidence: input.evidence ?? [], complainantName: input.complainantName ?? null, complainantContact: input.complainantContact ?? null });
    return toDTO(dispute);
  }

  @Query(() => DisputeDTO, { description: 'One dispute: its parties and staff.' })
  async dispute(@CurrentIdentity() caller: Identity | undefined, @Args('id', { type: () => ID, description: 'The dispute.' }) id: string): Promise<DisputeDTO> {
    return toDTO(await this.service.get(caller, id));
  }

  @Query(() => [DisputeDTO], { description: 'Disputes of an association, newest first. Secretariat/admin.' })
  async disputes(@CurrentIdentity() caller: Identity | undefined, @Args() args: DisputesArgs): Promise<DisputeDTO[]> {
    return (await this.service.list(caller, args.associationId)).map(toDTO);
  }
}

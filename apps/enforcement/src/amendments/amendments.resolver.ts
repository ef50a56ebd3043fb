import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Field, ArgsType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { CurrentIdentity, type Identity } from '@app/auth';
import { PageArgs, type ConnectionShape } from '@app/common';
import { AmendmentsService } from './amendments.service';
import {
  AmendmentConnection,
  AmendmentDTO,
  AmendmentProposerKind,
  AmendmentStatus,
  AmendmentSupporterDTO,
  AmendmentTallyDTO,
  AmendmentVoteDTO,
  AmendmentVotePosition,
  CastAmendmentVoteInput,
  CloseAmendmentBallotInput,
  CosignAmendmentInput,
  ProposeAmendmentInput,
} from './dtos/amendment.dto';
import type { ConventionAmendmentEntity } from './entities/convention-amendment.entity';

@ArgsType()
export class ConventionAmendmentsArgs extends PageArgs {
  @Field(() => ID, { description: 'The convention.' })
  @IsUUID()
  conventionId: string;
}

function toDTO(a: ConventionAmendmentEntity): AmendmentDTO {
  return {
    id: a.id,
    associationId: a.associationId,
    conventionId: a.conventionId,
    baseVersionId: a.baseVersionId,
    title: a.title,
    proposedText: a.proposedText,
    rationale: a.rationale,
    proposerKind: a.proposerKind as AmendmentProposerKind,
    proposerOrganizationId: a.proposerOrganizationId,
    status: a.status as AmendmentStatus,
    supportersRequired: a.supportersRequired,
    proposedAt: a.proposedAt,
    ballotOpenedAt: a.ballotOpenedAt,
    rollSize: a.rollSize,
    closedAt: a.closedAt,
    newVersionId: a.newVersionId,
    createdAt: a.createdAt,
  };
}

@Resolver(() => AmendmentDTO)
export class AmendmentsResolver {
  constructor(private readonly amendments: AmendmentsService) {}

  @Query(() => AmendmentConnection, { description: "A convention's amendments, oldest first. Any role in the association." })
  async conventionAmendments(@CurrentIdentity() caller: Identity | undefined, @Args() args: ConventionAmendmentsArgs): Promise<ConnectionShape<AmendmentDTO>> {
    const page = await this.amendments.list(caller, args.conventionId, args);
    return { ...page, nodes: page.nodes.map(toDTO), edges: page.edges.map((e) => ({ cursor: e.cursor, node: toDTO(e.node) })) };
  }

  @Query(() => AmendmentDTO, { description: 'One amendment. Any role in the association.' })
  async conventionAmendment(@CurrentIdentity() caller: Identity | undefined, @Args('id', { type: () => ID, description: 'The amendment.' }) id: string): Promise<AmendmentDTO> {
    return toDTO(await this.amendments.get(caller, id));
  }

  @Mutation(() => AmendmentDTO, {
    description: 'Proposes an amendment: by the executing body (secretariat/admin), or by a signatory unit through its MEMBER_REP, which then needs co-signatures from at least 1/10 of signatory units.',
  })
  async proposeAmendment(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The proposal.' }) input: ProposeAmendmentInput): Promise<AmendmentDTO> {
    return toDTO(await this.amendments.propose(caller, input));
  }

  @Mutation(() => AmendmentDTO, { description: "A signatory unit supports a proposal (its MEMBER_REP). Once 1/10 of signatory units (rounded up) support it, it stands proposed." })
  async cosignAmendment(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The support.' }) input: CosignAmendmentInput): Promise<AmendmentDTO> {
    return toDTO(await this.amendments.cosign(caller, input.amendmentId, input.organizationId));
  }

  @Mutation(() => AmendmentDTO, { description: 'Opens the ballot and freezes the roll of signatory units in force. Secretariat or admin.' })
  async openAmendmentBallot(@CurrentIdentity() caller: Identity | undefined, @Args('amendmentId', { type: () => ID, description: 'The amendment.' }) amendmentId: string): Promise<AmendmentDTO> {
    return toDTO(await this.amendments.openBallot(caller, amendmentId));
  }

  @Mutation(() => AmendmentVoteDTO, { description: "A unit on the frozen roll votes, once, through its MEMBER_REP." })
  async castAmendmentVote(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The vote.' }) input: CastAmendmentVoteInput): Promise<AmendmentVoteDTO> {
    const vote = await this.amendments.castVote(caller, input.amendmentId, input.organizationId, input.position);
    return { amendmentId: vote.amendmentId, organizationId: vote.organizationId, position: vote.position as AmendmentVotePosition, castAt: vote.castAt };
  }

  @Mutation(() => AmendmentDTO, {
    description: 'Closes the ballot: adopted when at least 2/3 of the units on the frozen roll voted YES; the amended text then becomes the version in effect and signatories are notified (event enforcement.convention.amended). Secretariat or admin.',
  })
  async closeAmendmentBallot(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The closing.' }) input: CloseAmendmentBallotInput): Promise<AmendmentDTO> {
    return toDTO(await this.amendments.closeBallot(caller, input.amendmentId, input.authorityApproval ?? null));
  }

  @ResolveField(() => AmendmentTallyDTO, { nullable: true, description: 'The count against the frozen roll, once the ballot has opened.' })
  async tally(@Parent() amendment: AmendmentDTO): Promise<AmendmentTallyDTO | null> {
    const outcome = await this.amendments.currentTally(amendment as unknown as ConventionAmendmentEntity);
    if (!outcome) return null;
    return { roll: outcome.electorate, yes: outcome.yes, no: outcome.no, abstain: outcome.abstain, noRecord: outcome.noRecord, required: outcome.required, passed: outcome.passed, explanation: outcome.explanation };
  }

  @ResolveField(() => [AmendmentSupporterDTO], { description: 'Units that co-signed the proposal.' })
  async supporters(@Parent() amendment: AmendmentDTO): Promise<AmendmentSupporterDTO[]> {
    return (await this.amendments.supporters(amendment.id)).map(({ organizationId, cosignedAt }) => ({ organizationId, cosignedAt }));
  }

  @ResolveField(() => [ID], { description: 'The units on the frozen roll.' })
  async roll(@Parent() amendment: AmendmentDTO): Promise<string[]> {
    return this.amendments.rollOf(amendment.id);
  }
}

import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, requireReadAccess } from '@app/auth';
import { BallotsService } from './ballots.service';
import { BallotDTO, BallotReceiptDTO, BallotVoterDTO } from './dtos/ballot.dto';
import { CastStandardBallotInput, CloseStandardBallotInput, OpenStandardBallotInput } from './dtos/inputs';
import type { ExclusionKind, VotePosition } from './dtos/enums';
import type { BallotEntity } from './entities/ballot.entity';

@Resolver(() => BallotDTO)
export class BallotsResolver {
  constructor(private readonly ballots: BallotsService) {}

  @Mutation(() => BallotDTO, { description: 'Opens a project-review or technical-review ballot with its panel; drafters and experts from drafting units are excluded from the technical review. Standards officers and admins.' })
  async openStandardBallot(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The ballot.' }) input: OpenStandardBallotInput): Promise<BallotDTO> {
    return (await this.ballots.open(caller, input.standardId, input.kind, input.panel)) as BallotDTO;
  }

  @Mutation(() => BallotReceiptDTO, { description: 'Casts the caller’s vote on a ballot they are on. Experts.' })
  async castStandardBallot(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The vote.' }) input: CastStandardBallotInput): Promise<BallotReceiptDTO> {
    const voter = await this.ballots.cast(caller, input.ballotId, input.position);
    return { ballotId: voter.ballotId, position: voter.position as VotePosition, castAt: voter.castAt! };
  }

  @Mutation(() => BallotDTO, { description: 'Closes a ballot and counts it under its rule (libs/voting). Standards officers and admins.' })
  async closeStandardBallot(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The closing.' }) input: CloseStandardBallotInput): Promise<BallotDTO> {
    return (await this.ballots.close(caller, input.ballotId, input.presentAccountIds ?? [])) as BallotDTO;
  }

  @ResolveField(() => [BallotVoterDTO], { description: 'The panel; positions only once the ballot is closed.' })
  async voters(@CurrentIdentity() caller: Identity | undefined, @Parent() ballot: BallotEntity): Promise<BallotVoterDTO[]> {
    requireReadAccess(caller, ballot.associationId);
    return (await this.ballots.voters(ballot.id)).map((v) => ({
      accountId: v.accountId,
      displayName: v.displayName,
      organizationId: v.organizationId,
      exclusionReason: v.exclusionReason as ExclusionKind | null,
      voted: v.position !== null,
      position: ballot.status === 'CLOSED' ? (v.position as VotePosition | null) : null,
    }));
  }
}

import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, Public } from '@app/auth';
import { AssociationArgs } from '../council/dtos/council.dto';
import { AwardsService } from './awards.service';
import {
  AddAwardPanelMemberInput,
  AwardResultDTO,
  AwardResultsArgs,
  AwardRoundDTO,
  CastAwardApprovalVoteInput,
  CloseAwardApprovalInput,
  CreateAwardRoundInput,
  NominateForAwardInput,
  OpenAwardApprovalInput,
  RecordAwardScoreInput,
} from './dtos/award.dto';

const ROUND_ID = { type: () => ID, description: 'The round.' } as const;

@Resolver(() => AwardRoundDTO)
export class AwardsResolver {
  constructor(private readonly awardsService: AwardsService) {}

  @Public()
  @Query(() => [AwardResultDTO], { description: "A year's published award lists: under public notice (公示) or final. Public." })
  async awardResults(@Args() args: AwardResultsArgs): Promise<AwardResultDTO[]> {
    return this.awardsService.results(args.associationId, args.year);
  }

  @Query(() => AwardRoundDTO, { description: 'One award round with nominations, scores, panel and ballots. Anyone with a role in the association.' })
  async awardRound(@CurrentIdentity() caller: Identity | undefined, @Args('id', ROUND_ID) id: string): Promise<AwardRoundDTO> {
    return this.awardsService.getRound(caller, id);
  }

  @Query(() => [AwardRoundDTO], { description: "The association's award rounds, newest year first. Anyone with a role in the association." })
  async awardRounds(@CurrentIdentity() caller: Identity | undefined, @Args() args: AssociationArgs): Promise<AwardRoundDTO[]> {
    return this.awardsService.listRounds(caller, args.associationId);
  }

  @Mutation(() => AwardRoundDTO, { description: 'Opens an award round for a year and category. Secretariat or admin.' })
  async createAwardRound(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The round.' }) input: CreateAwardRoundInput): Promise<AwardRoundDTO> {
    return this.awardsService.createRound(caller, input);
  }

  @Mutation(() => AwardRoundDTO, { description: 'Records a nomination while the round takes them. Secretariat or admin.' })
  async nominateForAward(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The nomination.' }) input: NominateForAwardInput): Promise<AwardRoundDTO> {
    return this.awardsService.nominate(caller, input);
  }

  @Mutation(() => AwardRoundDTO, { description: 'Adds a member to the scoring panel, with their organization and declared conflicts. Secretariat or admin.' })
  async addAwardPanelMember(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The panel member.' }) input: AddAwardPanelMemberInput): Promise<AwardRoundDTO> {
    return this.awardsService.addPanelMember(caller, input);
  }

  @Mutation(() => AwardRoundDTO, { description: 'Closes nominations and opens scoring. Secretariat or admin.' })
  async openAwardScoring(@CurrentIdentity() caller: Identity | undefined, @Args('roundId', ROUND_ID) roundId: string): Promise<AwardRoundDTO> {
    return this.awardsService.openScoring(caller, roundId);
  }

  @Mutation(() => AwardRoundDTO, { description: "Records a panel member's score; refused when the member is recused from the nominee. Secretariat, or the panel member's own account." })
  async recordAwardScore(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The score.' }) input: RecordAwardScoreInput): Promise<AwardRoundDTO> {
    return this.awardsService.recordScore(caller, input);
  }

  @Mutation(() => AwardRoundDTO, { description: 'Closes scoring: averages the non-recused scores, ranks the nominations and marks the shortlist. Secretariat or admin.' })
  async closeAwardScoring(@CurrentIdentity() caller: Identity | undefined, @Args('roundId', ROUND_ID) roundId: string): Promise<AwardRoundDTO> {
    return this.awardsService.closeScoring(caller, roundId);
  }

  @Mutation(() => AwardRoundDTO, { description: 'Opens the council ballot on the shortlist; the roll is the council seats held on the given date. Secretariat or admin.' })
  async openAwardApproval(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The ballot.' }) input: OpenAwardApprovalInput): Promise<AwardRoundDTO> {
    return this.awardsService.openApproval(caller, input.roundId, input.electorateOn);
  }

  @Mutation(() => AwardRoundDTO, { description: 'Casts a council seat’s vote on the shortlist. A council member for their own seat; the secretariat to record a paper ballot.' })
  async castAwardApprovalVote(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The vote.' }) input: CastAwardApprovalVoteInput): Promise<AwardRoundDTO> {
    return this.awardsService.castVote(caller, input.roundId, input.officeId, input.position);
  }

  @Mutation(() => AwardRoundDTO, { description: 'Closes the council ballot (COUNCIL_ORDINARY); when it passes, the public notice starts. Secretariat or admin.' })
  async closeAwardApproval(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The closing and notice dates.' }) input: CloseAwardApprovalInput): Promise<AwardRoundDTO> {
    return this.awardsService.closeApproval(caller, input.roundId, input.noticeStartsOn, input.noticeEndsOn);
  }

  @Mutation(() => AwardRoundDTO, { description: 'Confirms the awards once the public notice is over. Secretariat or admin.' })
  async finalizeAwardRound(@CurrentIdentity() caller: Identity | undefined, @Args('roundId', ROUND_ID) roundId: string): Promise<AwardRoundDTO> {
    return this.awardsService.finalize(caller, roundId);
  }
}

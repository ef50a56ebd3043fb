import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, Public } from '@app/auth';
import { AssociationArgs } from '../council/dtos/council.dto';
import { CommitteesService } from './committees.service';
import { AppointCommitteePositionInput, CommitteeDTO, CommitteeMemberUnitInput, CreateCommitteeInput } from './dtos/committee.dto';

@Resolver(() => CommitteeDTO)
export class CommitteesResolver {
  constructor(private readonly committeesService: CommitteesService) {}

  @Public()
  @Query(() => [CommitteeDTO], { description: "The association's committees with positions and member units. Public." })
  async committees(@Args() args: AssociationArgs): Promise<CommitteeDTO[]> {
    return this.committeesService.list(args.associationId);
  }

  @Public()
  @Query(() => CommitteeDTO, { description: 'One committee. Public.' })
  async committee(@Args('id', { type: () => ID, description: 'The committee.' }) id: string): Promise<CommitteeDTO> {
    return this.committeesService.get(id);
  }

  @Mutation(() => CommitteeDTO, { description: 'Establishes a committee with its charter. Secretariat or admin.' })
  async createCommittee(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The committee.' }) input: CreateCommitteeInput): Promise<CommitteeDTO> {
    return this.committeesService.create(caller, input);
  }

  @Mutation(() => CommitteeDTO, { description: 'Appoints a holder to a committee position (one 主任 and one 秘书长 at a time). Secretariat or admin.' })
  async appointCommitteePosition(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The appointment.' }) input: AppointCommitteePositionInput): Promise<CommitteeDTO> {
    return this.committeesService.appointPosition(caller, input.committeeId, input.position, input.holder, input.startsOn, input.endsOn ?? null);
  }

  @Mutation(() => CommitteeDTO, { description: 'Adds a member unit to a committee from a date. Secretariat or admin.' })
  async addCommitteeMemberUnit(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The unit and date.' }) input: CommitteeMemberUnitInput): Promise<CommitteeDTO> {
    return this.committeesService.addMemberUnit(caller, input.committeeId, input.organizationId, input.on);
  }

  @Mutation(() => CommitteeDTO, { description: 'Records that a member unit left a committee on a date. Secretariat or admin.' })
  async removeCommitteeMemberUnit(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The unit and date.' }) input: CommitteeMemberUnitInput): Promise<CommitteeDTO> {
    return this.committeesService.removeMemberUnit(caller, input.committeeId, input.organizationId, input.on);
  }
}

import { Args, ID, Mutation, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import { AccessTokenVerifier, CurrentIdentity, type Identity, type RequestWithIdentity, identify } from '@app/auth';
import { AssociationPageArgs, type ConnectionShape } from '@app/common';
import { BatchRunsService } from '@app/messaging';
import { BatchRunDTO } from '../operations/dtos/operations.dto';
import {
  ChangeMembershipStatusInput,
  OrganizationConnection,
  OrganizationDTO,
  RegisterOrganizationInput,
  UpdateOrganizationInput,
  toOrganizationDTO,
} from './dtos/organization.dto';
import { OrganizationsService } from './organizations.service';

@Resolver(() => OrganizationDTO)
export class OrganizationsResolver {
  constructor(
    private readonly organizationsService: OrganizationsService,
    private readonly batchRuns: BatchRunsService,
    private readonly verifier: AccessTokenVerifier,
  ) {}

  @Query(() => OrganizationConnection, { description: "An association's organizations, oldest first." })
  async organizations(
    @CurrentIdentity() caller: Identity | undefined,
    @Args() args: AssociationPageArgs,
  ): Promise<ConnectionShape<OrganizationDTO>> {
    return this.organizationsService.list(caller, args.associationId, args);
  }

  @Query(() => OrganizationDTO, { description: 'One organization.' })
  async organization(@CurrentIdentity() caller: Identity | undefined, @Args('id', { type: () => ID, description: 'The organization.' }) id: string): Promise<OrganizationDTO> {
    return toOrganizationDTO(await this.organizationsService.get(caller, id));
  }

  @Mutation(() => OrganizationDTO, { description: 'Registers an organization in an association. Secretariat or admin.' })
  async registerOrganization(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The organization.' }) input: RegisterOrganizationInput): Promise<OrganizationDTO> {
    return toOrganizationDTO(await this.organizationsService.register(caller, input));
  }

  @Mutation(() => OrganizationDTO, { description: "Changes an organization's name or credit code. Secretariat or admin." })
  async updateOrganization(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The changes.' }) input: UpdateOrganizationInput): Promise<OrganizationDTO> {
    const { id, ...changes } = input;
    return toOrganizationDTO(await this.organizationsService.update(caller, id, changes));
  }

  @Mutation(() => OrganizationDTO, { description: "Moves an organization's membership to another status, recording the decision. Secretariat or admin." })
  async changeMembershipStatus(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The decision.' }) input: ChangeMembershipStatusInput): Promise<OrganizationDTO> {
    return toOrganizationDTO(await this.organizationsService.changeMembershipStatus(caller, input.organizationId, input.status, input.reason));
  }

  @Mutation(() => BatchRunDTO, { description: "Re-emits every organization of the association so other services can rebuild their copies. Admin. Returns the batch run to follow." })
  async republishOrganizations(
    @CurrentIdentity() caller: Identity | undefined,
    @Args('associationId', { type: () => ID, description: 'The association.' }) associationId: string,
  ): Promise<BatchRunDTO> {
    const id = await this.organizationsService.submitRepublish(caller, associationId);
    const run = await this.batchRuns.find(id);
    if (!run) throw new Error(`Batch run ${id} vanished right after submission`);
    return run;
  }

  /** References from other subgraphs resolve only within the caller's associations; otherwise null. */
  @ResolveReference()
  async resolveReference(reference: { id: string }, context: { req: RequestWithIdentity }): Promise<OrganizationDTO | null> {
    const organization = await this.organizationsService.findReadable(identify(context.req, this.verifier), reference.id);
    return organization ? toOrganizationDTO(organization) : null;
  }
}

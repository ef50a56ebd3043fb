import { Args, Field, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { AccessTokenVerifier, CurrentIdentity, type Identity, type RequestWithIdentity, STAFF_ROLES, identify, requireReadAccess, requireRole } from '@app/auth';
import { AssociationPageArgs, currentRequestContext, type ConnectionShape } from '@app/common';
import { BatchRunsService } from '@app/messaging';
import { BatchRunDTO } from '../operations/dtos/operations.dto';
import {
  OrganizationConnection,
  OrganizationDTO,
  RegisterOrganizationInput,
  UpdateOrganizationInput,
  toOrganizationDTO,
} from './dtos/organization.dto';
import { OrganizationsService } from './organizations.service';

@ObjectType('SanctionRecord', { description: "A sanction on the organization's record, as decided by enforcement." })
export class SanctionRecordDTO {
  @Field(() => ID, { description: 'The sanction in enforcement.' })
  sanctionId: string;

  @Field(() => ID, { description: 'The case it was decided in.' })
  caseId: string;

  @Field({ description: 'Grade: CRITICISM, CONDEMNATION, INTERNAL_CIRCULAR, MEDIA_EXPOSURE or REVOCATION (the latter ends the convention signature, not the membership).' })
  grade: string;

  @Field(() => [String], { description: 'Articles it rests on.' })
  basisArticles: string[];

  @Field({ description: 'Date decided.' })
  decidedOn: string;

  @Field({ description: 'INTERNAL or PUBLIC.' })
  publicationScope: string;

  @Field(() => String, { nullable: true, description: 'Published until.' })
  publishedUntil: string | null;

  @Field(() => String, { nullable: true, description: 'Date (YYYY-MM-DD) the sanction was overturned on appeal; null while it stands. An overturned sanction stays listed but no longer counts against the organization.' })
  overturnedOn: string | null;
}

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

  @ResolveField(() => [String], { description: "Fields of work, from the association's taxonomy." })
  async fieldsOfWork(@Parent() organization: OrganizationDTO): Promise<string[]> {
    return (await this.organizationsService.fieldsOfWork([organization.id])).get(organization.id) ?? [];
  }

  @ResolveField(() => [SanctionRecordDTO], { description: "Sanctions imposed by the association's enforcement, newest first (as recorded from enforcement). Sanctions overturned on appeal are listed too, marked by overturnedOn." })
  async sanctions(@CurrentIdentity() caller: Identity | undefined, @Parent() organization: OrganizationDTO): Promise<SanctionRecordDTO[]> {
    requireReadAccess(caller, organization.associationId);
    return this.organizationsService.sanctions(organization.id);
  }

  @Mutation(() => BatchRunDTO, { description: 'Imports member units from CSV text (see the job membership.members.import for the columns). Secretariat or admin. Returns the batch run to follow.' })
  async importMembers(
    @CurrentIdentity() caller: Identity | undefined,
    @Args('associationId', { type: () => ID, description: 'The association.' }) associationId: string,
    @Args('csv', { description: 'The CSV file as UTF-8 text (a BOM is allowed).' }) csv: string,
  ): Promise<BatchRunDTO> {
    const actor = requireRole(caller, associationId, STAFF_ROLES);
    const id = await this.batchRuns.submit('membership.members.import', { associationId, csv }, { associationId, requestedBy: actor.accountId, requestId: currentRequestContext()?.requestId });
    const run = await this.batchRuns.find(id);
    if (!run) throw new Error(`Batch run ${id} vanished right after submission`);
    return run;
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

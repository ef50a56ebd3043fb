import { Args, ID, Mutation, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import { AccessTokenVerifier, CurrentIdentity, type Identity, type RequestWithIdentity, canRead, identify } from '@app/auth';
import { type ConnectionShape, PageArgs } from '@app/common';
import { AssociationConnection, AssociationDTO, CreateAssociationInput, toAssociationDTO } from './dtos/association.dto';
import { AssociationsService } from './associations.service';

@Resolver(() => AssociationDTO)
export class AssociationsResolver {
  constructor(
    private readonly associationsService: AssociationsService,
    private readonly verifier: AccessTokenVerifier,
  ) {}

  @Query(() => AssociationConnection, { description: 'Associations the caller may read: where it holds a role, or those a regulator supervises.' })
  async associations(@CurrentIdentity() caller: Identity | undefined, @Args() page: PageArgs): Promise<ConnectionShape<AssociationDTO>> {
    return this.associationsService.listReadable(caller, page);
  }

  @Query(() => AssociationDTO, { description: 'One association the caller may read.' })
  async association(@CurrentIdentity() caller: Identity | undefined, @Args('id', { type: () => ID, description: 'The association.' }) id: string): Promise<AssociationDTO> {
    return toAssociationDTO(await this.associationsService.get(caller, id));
  }

  @Mutation(() => AssociationDTO, { description: 'Sets up a new association (tenant). Operators of the deployment only.' })
  async createAssociation(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The association.' }) input: CreateAssociationInput): Promise<AssociationDTO> {
    return toAssociationDTO(await this.associationsService.create(caller, input));
  }

  /** Other subgraphs' references resolve only for callers who may read the association. */
  @ResolveReference()
  async resolveReference(reference: { id: string }, context: { req: RequestWithIdentity }): Promise<AssociationDTO | null> {
    if (!canRead(identify(context.req, this.verifier), reference.id)) return null;
    const [association] = await this.associationsService.findMany([reference.id]);
    return association ? toAssociationDTO(association) : null;
  }
}

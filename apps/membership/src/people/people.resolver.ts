import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity } from '@app/auth';
import { AssociationPageArgs, type ConnectionShape } from '@app/common';
import { PersonConnection, PersonContactDTO, PersonDTO, RegisterPersonInput, UpdatePersonInput, toPersonDTO } from './dtos/person.dto';
import { PeopleService } from './people.service';

@Resolver(() => PersonDTO)
export class PeopleResolver {
  constructor(private readonly peopleService: PeopleService) {}

  @Query(() => PersonConnection, { name: 'people', description: "An association's people, contacts masked." })
  async people(@CurrentIdentity() caller: Identity | undefined, @Args() args: AssociationPageArgs): Promise<ConnectionShape<PersonDTO>> {
    const page = await this.peopleService.list(caller, args.associationId, args);
    const nodes = page.nodes.map(toPersonDTO);
    return { ...page, nodes, edges: page.edges.map((e, i) => ({ cursor: e.cursor, node: nodes[i] })) };
  }

  @Query(() => PersonDTO, { description: 'One person, contacts masked.' })
  async person(@CurrentIdentity() caller: Identity | undefined, @Args('id', { type: () => ID, description: 'The person.' }) id: string): Promise<PersonDTO> {
    return toPersonDTO(await this.peopleService.get(caller, id));
  }

  @Query(() => PersonContactDTO, { description: "A person's full contact details. Admin or secretariat; the read and its purpose are audited." })
  async personContact(
    @CurrentIdentity() caller: Identity | undefined,
    @Args('id', { type: () => ID, description: 'The person.' }) id: string,
    @Args('purpose', { description: 'Why the full contact is needed (recorded in the audit trail).' }) purpose: string,
  ): Promise<PersonContactDTO> {
    const person = await this.peopleService.contact(caller, id, purpose.slice(0, 200));
    return { personId: person.id, phone: person.phone, email: person.email };
  }

  @Mutation(() => PersonDTO, { description: 'Registers a person. Secretariat or admin; audited.' })
  async registerPerson(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The person.' }) input: RegisterPersonInput): Promise<PersonDTO> {
    const { associationId, ...data } = input;
    return toPersonDTO(await this.peopleService.register(caller, associationId, data));
  }

  @Mutation(() => PersonDTO, { description: 'Changes a person. Secretariat or admin; the changed fields are audited.' })
  async updatePerson(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The changes.' }) input: UpdatePersonInput): Promise<PersonDTO> {
    const { id, ...data } = input;
    return toPersonDTO(await this.peopleService.update(caller, id, data));
  }
}

import { Args, Field, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, Public } from '@app/auth';
import { FieldsOfWorkService } from './fields-of-work.service';

@ObjectType('FieldOfWork', { description: "An entry of the association's own taxonomy of fields of work (业务领域)." })
export class FieldOfWorkDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field({ description: 'Name, e.g. 数据安全.' })
  name: string;
}

@Resolver(() => FieldOfWorkDTO)
export class FieldsOfWorkResolver {
  constructor(private readonly fields: FieldsOfWorkService) {}

  @Public()
  @Query(() => [FieldOfWorkDTO], { description: "The association's fields of work, in order. Public (applicants need them)." })
  async fieldsOfWork(@Args('associationId', { type: () => ID, description: 'The association.' }) associationId: string): Promise<FieldOfWorkDTO[]> {
    return this.fields.list(associationId);
  }

  @Mutation(() => [FieldOfWorkDTO], { description: 'Adds fields of work to the taxonomy (existing names are kept). Secretariat or admin.' })
  async defineFieldsOfWork(
    @CurrentIdentity() caller: Identity | undefined,
    @Args('associationId', { type: () => ID, description: 'The association.' }) associationId: string,
    @Args('names', { type: () => [String], description: 'Names to add.' }) names: string[],
  ): Promise<FieldOfWorkDTO[]> {
    return this.fields.define(caller, associationId, names.slice(0, 100).map((n) => n.slice(0, 100)));
  }
}

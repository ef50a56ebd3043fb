import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, Public } from '@app/auth';
import { type ConnectionShape, PageArgs } from '@app/common';
import { AccessTokenResultDTO } from '../identity/dtos/identity.dto';
import { ApiClientConnection, ApiClientDTO, IssueApiClientKeyInput, IssuedApiKeyDTO, toApiClientDTO } from './dtos/api-client.dto';
import { ApiClientsService } from './api-clients.service';

@Resolver(() => ApiClientDTO)
export class ApiClientsResolver {
  constructor(private readonly clients: ApiClientsService) {}

  @Query(() => ApiClientConnection, { description: 'API clients covering associations the caller administers, oldest first.' })
  async apiClients(@CurrentIdentity() caller: Identity | undefined, @Args() page: PageArgs): Promise<ConnectionShape<ApiClientDTO>> {
    return this.clients.list(caller, page);
  }

  @Mutation(() => IssuedApiKeyDTO, { description: 'Issues a regulator API key; the key is returned once. Needs ADMIN in every association of its scope.' })
  async issueApiClientKey(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'Who and what for.' }) input: IssueApiClientKeyInput): Promise<IssuedApiKeyDTO> {
    const { client, key } = await this.clients.issue(caller, input);
    return { apiClient: toApiClientDTO(client), key };
  }

  @Mutation(() => ApiClientDTO, { description: 'Revokes an API key for good.' })
  async revokeApiClient(@CurrentIdentity() caller: Identity | undefined, @Args('id', { type: () => ID, description: 'The API client.' }) id: string): Promise<ApiClientDTO> {
    return toApiClientDTO(await this.clients.revoke(caller, id));
  }

  @Public()
  @Mutation(() => AccessTokenResultDTO, { description: 'Trades an API key for a short-lived access token (used by the REST API).' })
  async exchangeApiKey(@Args('key', { description: 'The API key.' }) key: string): Promise<AccessTokenResultDTO> {
    return this.clients.exchange(key);
  }
}

import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { UnauthenticatedError } from '@app/common';
import { credentialOf } from '../identity/client-identity';
import type { GatewayRequest } from '../identity/gateway-guard.middleware';
import { ApiKeyAuthenticator } from './api-key-authenticator.service';

export type RestRequest = GatewayRequest & { accessToken?: string };

/** REST endpoints are for API clients: the key is exchanged for a token the operations run with. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly authenticator: ApiKeyAuthenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RestRequest>();
    const credential = credentialOf(request.headers);
    if (credential.kind !== 'api-key') throw new UnauthenticatedError('Send your API key as "Authorization: ApiKey <key>" or "X-API-Key: <key>".');
    request.accessToken = await this.authenticator.tokenFor(credential.key, request.requestId ?? '');
    return true;
  }
}

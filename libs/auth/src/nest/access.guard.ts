import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UnauthenticatedError } from '@app/common';
import { AccessTokenVerifier } from '../access-token';
import type { Identity } from '../identity';
import { IS_PUBLIC, requestOf, type RequestWithIdentity } from './auth.decorators';

/**
 * Global guard of every service: verifies the bearer token with the public key (never trusting the
 * gateway's word for it) and denies anonymous access unless the operation is marked @Public().
 * A token that is present but invalid is refused even on public operations.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AccessTokenVerifier) private readonly verifier: AccessTokenVerifier,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = requestOf(context);
    const identity = identify(request, this.verifier);
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (!isPublic && !identity) throw new UnauthenticatedError();
    return true;
  }
}

export function identify(request: RequestWithIdentity, verifier: AccessTokenVerifier): Identity | undefined {
  if (request.identityResolved) return request.identity;
  const header = request.headers?.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  request.identityResolved = true;
  if (!value) return undefined;
  const [scheme, token] = value.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) throw new UnauthenticatedError('Send the access token as "Authorization: Bearer <token>".');
  try {
    request.identity = verifier.verify(token);
  } catch {
    throw new UnauthenticatedError('The access token is invalid or has expired: sign in again.');
  }
  return request.identity;
}

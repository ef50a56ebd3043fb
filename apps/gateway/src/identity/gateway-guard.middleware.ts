import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AccessTokenVerifier, type Identity } from '@app/auth';
import { HTTP_STATUS_BY_CODE, PublicErrorCode } from '@app/common';
import { ensureRequestId } from '@app/subgraph';
import { RedisRateLimiter } from '../limits';
import { credentialOf, rateLimitKeyOf, verifyBearer } from './client-identity';
import { problemDetails } from '../rest/problem-details';

export const GATEWAY_RATE_LIMITER = Symbol('GATEWAY_RATE_LIMITER');

export type GatewayRequest = Request & { requestId?: string; identity?: Identity };

/**
 * Runs before GraphQL and REST: fixes the request id, verifies a bearer token (an invalid one is
 * refused here, before any subgraph is asked), and applies the per-client rate limit.
 */
@Injectable()
export class GatewayGuardMiddleware implements NestMiddleware {
  constructor(
    @Inject(AccessTokenVerifier) private readonly verifier: AccessTokenVerifier,
    @Inject(GATEWAY_RATE_LIMITER) private readonly limiter: RedisRateLimiter,
  ) {}

  async use(req: GatewayRequest, res: Response, next: NextFunction): Promise<void> {
    const requestId = ensureRequestId(req);
    res.setHeader('x-request-id', requestId);
    const rest = req.originalUrl.startsWith('/api/');
    const credential = credentialOf(req.headers);
    if (credential.kind === 'malformed') return this.refuse(res, rest, req, PublicErrorCode.UNAUTHENTICATED, 'MALFORMED_CREDENTIALS', credential.reason);
    let identity: Identity | undefined;
    try {
      identity = verifyBearer(this.verifier, credential);
    } catch {
      return this.refuse(res, rest, req, PublicErrorCode.UNAUTHENTICATED, 'INVALID_TOKEN', 'The access token is invalid or has expired: sign in again.');
    }
    req.identity = identity;
    const limit = await this.limiter.consume(rateLimitKeyOf(credential, identity, req.ip));
    res.setHeader('RateLimit-Limit', String(limit.limit));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, limit.remaining)));
    res.setHeader('RateLimit-Reset', String(Math.ceil(limit.resetMs / 1000)));
    if (!limit.allowed) {
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil(limit.resetMs / 1000))));
      return this.refuse(res, rest, req, PublicErrorCode.TOO_MANY_REQUESTS, 'RATE_LIMITED', 'Too many requests: slow down and retry after the time in Retry-After.');
    }
    next();
  }

  private refuse(res: Response, rest: boolean, req: GatewayRequest, code: PublicErrorCode, reason: string, message: string): void {
    const status = HTTP_STATUS_BY_CODE[code];
    if (rest) {
      res.status(status).type('application/problem+json').send(JSON.stringify(problemDetails({ status, code, reason, detail: message, instance: req.originalUrl, requestId: req.requestId })));
      return;
    }
    res.status(status).json({ errors: [{ message, extensions: { code, reason } }] });
  }
}

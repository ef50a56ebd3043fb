import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, PublicErrorCode } from '@app/common';
import { GatewayConfig } from '../config/gateway.config';
import { GraphQLExecutor } from './graphql-executor.service';

interface CachedToken {
  token: string;
  validUntil: number;
}

/**
 * Turns a regulator's API key into an access token through membership's `exchangeApiKey`, and keeps
 * it for a short while so each REST call does not pay for the exchange. A revoked key stops working
 * when its cached token does (API_KEY_TOKEN_CACHE_SECONDS).
 */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly cache = new Map<string, CachedToken>();

  constructor(
    private readonly executor: GraphQLExecutor,
    @Inject(GatewayConfig) private readonly config: GatewayConfig,
  ) {}

  async tokenFor(key: string, requestId: string): Promise<string> {
    const cacheKey = createHash('sha256').update(key).digest('hex');
    const cached = this.cache.get(cacheKey);
    if (cached && cached.validUntil > Date.now()) return cached.token;
    this.cache.delete(cacheKey);
    const data = await this.executor
      .execute<{ exchangeApiKey: { accessToken: string; expiresAt: string } }>('ExchangeApiKey', { key }, { req: { headers: {}, requestId } })
      .catch((error: unknown) => {
        if (error instanceof Error && 'status' in error && (error as { status: number }).status < 500) {
          throw new DomainError(PublicErrorCode.UNAUTHENTICATED, 'INVALID_API_KEY', 'The API key is unknown or has been revoked.');
        }
        throw error;
      });
    const { accessToken, expiresAt } = data.exchangeApiKey;
    const validUntil = Math.min(Date.now() + this.config.API_KEY_TOKEN_CACHE_SECONDS * 1000, new Date(expiresAt).getTime() - 5000);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(cacheKey, { token: accessToken, validUntil });
    return accessToken;
  }
}

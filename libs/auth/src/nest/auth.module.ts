import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { type CommonConfig, ensureDevelopmentKeys } from '@app/config';
import { AccessTokenVerifier } from '../access-token';
import { AccessGuard } from './access.guard';

/** Public key for token verification: configured, or (outside production) the development key under .data/. */
export function resolvePublicKey(config: CommonConfig): string {
  if (config.AUTH_PUBLIC_KEY) return config.AUTH_PUBLIC_KEY;
  if (config.isProduction) throw new Error('AUTH_PUBLIC_KEY is required in production');
  return ensureDevelopmentKeys().publicKeyPem;
}

@Global()
@Module({})
export class AuthModule {
  static forService(config: CommonConfig): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: AccessTokenVerifier, useFactory: () => new AccessTokenVerifier(resolvePublicKey(config)) },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [AccessTokenVerifier],
    };
  }
}

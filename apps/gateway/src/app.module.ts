import { ApolloGatewayDriver, type ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Logger, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { LoggerModule } from 'nestjs-pino';
import { Pool } from 'pg';
import type { Redis } from 'ioredis';
import { AccessTokenVerifier, resolvePublicKey } from '@app/auth';
import { QUEUE_PREFIX, closeConnection, createProducerConnection } from '@app/messaging';
import { loggerParams } from '@app/subgraph';
import { QueueDashboard } from './admin/queue-dashboard.service';
import { GatewayConfig } from './config/gateway.config';
import { gatewayGraphQLOptions } from './graphql/gateway-graphql.options';
import { GATEWAY_POSTGRES, GATEWAY_REDIS } from './gateway.tokens';
import { GatewayHealthController } from './health/gateway-health.controller';
import { GATEWAY_RATE_LIMITER, GatewayGuardMiddleware } from './identity/gateway-guard.middleware';
import { RedisRateLimiter, warnAtMostEvery } from './limits';
import { ApiKeyAuthenticator } from './rest/api-key-authenticator.service';
import { ApiKeyGuard } from './rest/api-key.guard';
import { REST_CONTROLLERS } from './rest/rest-controllers';
import { GraphQLExecutor } from './rest/graphql-executor.service';

@Module({})
export class GatewayAppModule implements NestModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayAppModule,
      imports: [
        LoggerModule.forRoot(loggerParams('gateway', config.LOG_LEVEL)),
        GraphQLModule.forRoot<ApolloGatewayDriverConfig>({ driver: ApolloGatewayDriver, ...gatewayGraphQLOptions(config) }),
      ],
      controllers: [GatewayHealthController, ...REST_CONTROLLERS],
      providers: [
        { provide: GatewayConfig, useValue: config },
        { provide: AccessTokenVerifier, useFactory: () => new AccessTokenVerifier(resolvePublicKey(config)) },
        { provide: GATEWAY_REDIS, useFactory: () => createProducerConnection(config.REDIS_URL, 'zilv-gateway') },
        {
          provide: GATEWAY_POSTGRES,
          useFactory: () => new Pool({ connectionString: config.DATABASE_URL, max: 1, idleTimeoutMillis: 10_000, application_name: 'zilv-gateway' }),
        },
        {
          provide: GATEWAY_RATE_LIMITER,
          inject: [GATEWAY_REDIS],
          useFactory: (redis: Redis) =>
            new RedisRateLimiter(redis, {
              limit: config.RATE_LIMIT_PER_MINUTE,
              windowMs: 60_000,
              prefix: `${QUEUE_PREFIX}:ratelimit:`,
              timeoutMs: config.RATE_LIMIT_REDIS_TIMEOUT_MS,
              onError: warnAtMostEvery(10_000, (error, skipped) =>
                new Logger('RateLimiter').warn(`Rate limit not applied (Redis unavailable): ${error.message}; ${skipped} more since the last warning`),
              ),
            }),
        },
        GraphQLExecutor,
        QueueDashboard,
        ApiKeyAuthenticator,
        ApiKeyGuard,
        {
          provide: 'GATEWAY_SHUTDOWN',
          inject: [GATEWAY_REDIS, GATEWAY_POSTGRES],
          useFactory: (redis: Redis, pool: Pool) => ({
            onApplicationShutdown: async () => {
              await closeConnection(redis);
              await pool.end();
            },
          }),
        },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(GatewayGuardMiddleware).forRoutes('graphql', 'api/v1/*path');
  }
}

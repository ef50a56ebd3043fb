import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Logger, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { ServiceConfig, ServiceName } from '@app/config';
import { AuthModule } from '@app/auth';
import { createGraphQLErrorFormatter } from '@app/common';
import { serviceDataSourceOptions, type ServiceDataSourceInput } from '@app/database';
import { MessagingModule } from '@app/messaging';
import { HealthController } from './health.controller';
import { loggerParams } from './logging';
import { RequestContextMiddleware } from './request-context.middleware';

export interface SubgraphOptions {
  service: ServiceName;
  config: ServiceConfig;
  entities: ServiceDataSourceInput['entities'];
}

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

/**
 * Everything a subgraph service is made of besides its domain: structured logs with request ids,
 * its own PostgreSQL schema, token verification, messaging, the federation GraphQL endpoint and
 * health checks.
 */
@Module({})
export class SubgraphModule implements NestModule {
  static forService(options: SubgraphOptions): DynamicModule {
    const { service, config } = options;
    const errorLogger = new Logger(`${service}.graphql`);
    return {
      module: SubgraphModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggerParams(service, config.LOG_LEVEL)),
        TypeOrmModule.forRoot({
          ...serviceDataSourceOptions({ service, url: config.DATABASE_URL, entities: options.entities, poolSize: config.DATABASE_POOL_SIZE }),
          retryAttempts: 5,
          retryDelay: 1000,
        }),
        AuthModule.forService(config),
        MessagingModule.forService({ service, config }),
        GraphQLModule.forRoot<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          autoSchemaFile: { federation: 2 },
          sortSchema: true,
          path: '/graphql',
          playground: false,
          // Subgraphs sit on the private network behind the gateway, which composes them.
          introspection: true,
          includeStacktraceInErrorResponses: false,
          autoTransformHttpErrors: false,
          context: ({ req }: { req: unknown }) => ({ req }),
          // Traces would ride along in every response; the gateway does not report them anywhere.
          plugins: [ApolloServerPluginInlineTraceDisabled()],
          formatError: createGraphQLErrorFormatter((errorId, error) =>
            errorLogger.error({ errorId, err: error }, `Unexpected error ${errorId}`),
          ),
        }),
      ],
      controllers: [HealthController],
      providers: [{ provide: SERVICE_CONFIG, useValue: config }],
      exports: [SERVICE_CONFIG],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }
}

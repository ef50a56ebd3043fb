import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { createGraphQLErrorFormatter } from '@app/common';
import { REQUEST_ID_HEADER } from '@app/subgraph';
import type { GatewayConfig } from '../config/gateway.config';
import { maxAliasesRule, maxDepthRule, queryCostPlugin, stripFieldSuggestions } from '../limits';
import { subgraphEndpoints } from './subgraph-endpoints';

/** What every gateway operation carries: the HTTP request (or its in-process stand-in for REST). */
export interface GatewayContext {
  req: { headers: Record<string, string | string[] | undefined>; requestId?: string };
}

/** Forwards the caller's token and the request id; subgraphs verify the token themselves. */
class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]): void {
    const headers = context?.req?.headers ?? {};
    const authorization = headers.authorization;
    if (typeof authorization === 'string') request.http?.headers.set('authorization', authorization);
    const requestId = context?.req?.requestId ?? headers[REQUEST_ID_HEADER];
    if (typeof requestId === 'string') request.http?.headers.set(REQUEST_ID_HEADER, requestId);
  }
}

export function gatewayGraphQLOptions(config: GatewayConfig): ApolloGatewayDriverConfig {
  const endpoints = subgraphEndpoints(config);
  const logger = new Logger('gateway.graphql');
  const baseFormatter = createGraphQLErrorFormatter((errorId, error) => logger.error({ errorId, err: error }, `Unexpected error ${errorId}`));
  const production = config.isProduction;
  const supergraph =
    config.SUPERGRAPH_SOURCE === 'file'
      ? { supergraphSdl: readFileSync(resolve(config.SUPERGRAPH_FILE), 'utf8') }
      : {
          supergraphSdl: new IntrospectAndCompose({
            subgraphs: Object.entries(endpoints).map(([name, url]) => ({ name, url })),
            pollIntervalInMs: 30_000,
          }),
        };
  return {
    server: {
      path: '/graphql',
      playground: false,
      introspection: !production,
      includeStacktraceInErrorResponses: false,
      hideSchemaDetailsFromClientErrors: production,
      context: ({ req }: GatewayContext) => ({ req }),
      validationRules: [maxDepthRule(config.MAX_QUERY_DEPTH), maxAliasesRule(config.MAX_ALIASES)],
      plugins: [queryCostPlugin({ maxCost: config.MAX_QUERY_COST, defaultListSize: 20, maxListSize: 100 })],
      formatError: (formatted: GraphQLFormattedError, error: unknown) => {
        const result = baseFormatter(formatted, error);
        return production ? { ...result, message: stripFieldSuggestions(result.message) } : result;
      },
    },
    // Root types come from four subgraphs with no description of their own; clients see one.
    transformSchema: describeRootTypes,
    gateway: {
      ...supergraph,
      // Route by subgraph name to the configured URL: the supergraph file's URLs are compose defaults.
      buildService: ({ name, url }) => new ForwardingDataSource({ url: endpoints[name as keyof typeof endpoints] ?? url }),
    },
  };
}

const ROOT_DESCRIPTIONS = {
  Query: 'Reads across the associations the caller may see. Lists are paged Relay connections.',
  Mutation: 'Changes. Each one is authorised per association and either commits with its domain events or changes nothing.',
} as const;

function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    if (type && !type.description) type.description = ROOT_DESCRIPTIONS[type.name as keyof typeof ROOT_DESCRIPTIONS] ?? null;
  }
  return schema;
}

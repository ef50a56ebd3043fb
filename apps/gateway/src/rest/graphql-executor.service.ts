import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError, HTTP_STATUS_BY_CODE, PublicErrorCode } from '@app/common';
import type { GatewayContext } from '../graphql/gateway-graphql.options';
import { REGULATOR_OPERATIONS, type RegulatorOperationName } from './regulator-operations';

/** A GraphQL error surfaced to REST: the first error decides the status; all are listed. */
export class GraphQLOperationError extends DomainError {
  constructor(
    readonly errors: readonly GraphQLFormattedError[],
    readonly status: number,
  ) {
    const first = errors[0];
    const code = (first?.extensions?.code as PublicErrorCode | undefined) ?? PublicErrorCode.INTERNAL_SERVER_ERROR;
    super(code in HTTP_STATUS_BY_CODE ? code : PublicErrorCode.INTERNAL_SERVER_ERROR, String(first?.extensions?.reason ?? code), first?.message ?? 'The operation failed.', first?.extensions?.errorId ? { errorId: first.extensions.errorId } : undefined);
  }
}

/**
 * Runs the regulators' named operations in-process against the supergraph: the same schema,
 * resolvers and authorization as a GraphQL client gets, without an HTTP hop to ourselves.
 */
@Injectable()
export class GraphQLExecutor {
  private server?: ApolloServer<GatewayContext>;

  constructor(private readonly moduleRef: ModuleRef) {}

  async execute<T>(name: RegulatorOperationName, variables: Record<string, unknown>, context: GatewayContext): Promise<T> {
    const response = await this.apollo().executeOperation({ query: REGULATOR_OPERATIONS[name], operationName: name, variables }, { contextValue: context });
    if (response.body.kind !== 'single') throw new Error('Incremental delivery is not used by REST operations');
    const { data, errors } = response.body.singleResult;
    if (errors?.length) {
      const code = errors[0].extensions?.code as string | undefined;
      const status = code && code in HTTP_STATUS_BY_CODE ? HTTP_STATUS_BY_CODE[code as PublicErrorCode] : code === 'GRAPHQL_VALIDATION_FAILED' ? 400 : 500;
      throw new GraphQLOperationError(errors, status);
    }
    return data as T;
  }

  private apollo(): ApolloServer<GatewayContext> {
    if (!this.server) {
      const module = this.moduleRef.get(GraphQLModule, { strict: false }) as unknown as { graphQlAdapter: { instance: ApolloServer<GatewayContext> } };
      this.server = module.graphQlAdapter.instance;
    }
    return this.server;
  }
}

import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { estimateQueryCost, queryTooCostlyError, type QueryCostOptions } from './query-cost.rule';
import { assertLimit } from './limit.errors';

/**
 * Enforces the cost limit with the request's real variables. Apollo Server 5 runs
 * `validationRules` before variables are looked at, so the cost check lives in
 * `didResolveOperation` (after validation, before the query plan reaches the subgraphs):
 *
 *   new ApolloServer({
 *     gateway,
 *     validationRules: [maxDepthRule(12), maxAliasesRule(30)],
 *     plugins: [queryCostPlugin({ maxCost: 5000, defaultListSize: 20, maxListSize: 100 })],
 *   });
 *
 * The error answers HTTP 400 (Apollo Server's default for an error thrown there is 500).
 */
export function queryCostPlugin<TContext extends BaseContext = BaseContext>(options: QueryCostOptions): ApolloServerPlugin<TContext> {
  assertLimit('maxCost', options.maxCost);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName, operation }) {
          const cost = estimateQueryCost(schema, document, request.variables ?? {}, options, operationName);
          if (cost <= options.maxCost) return;
          const error = queryTooCostlyError(cost, options.maxCost, operation);
          throw new GraphQLError(error.message, {
            nodes: error.nodes,
            extensions: { ...error.extensions, http: { status: 400 } },
          });
        },
      };
    },
  };
}

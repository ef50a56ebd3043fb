import { composeServices } from '@apollo/composition';
import { type GraphQLSchema, parse } from 'graphql';
import { DEFAULT_PORTS, SERVICE_NAMES, type ServiceName } from '@app/config';

/**
 * Composes the supergraph from the subgraphs' generated SDL. The URLs written into it are the
 * compose-network defaults; the gateway routes by subgraph name to its configured URLs instead.
 */
export function composeSupergraph(sdlByService: Record<ServiceName, string>): string {
  return `${compose(sdlByService).supergraphSdl.trim()}\n`;
}

/** The schema clients see through the gateway (federation machinery removed), e.g. to validate operations. */
export function composeApiSchema(sdlByService: Record<ServiceName, string>): GraphQLSchema {
  return compose(sdlByService).schema.toAPISchema().toGraphQLJSSchema();
}

function compose(sdlByService: Record<ServiceName, string>) {
  const result = composeServices(
    SERVICE_NAMES.map((name) => ({ name, url: `http://${name}:${DEFAULT_PORTS[name]}/graphql`, typeDefs: parse(sdlByService[name]) })),
  );
  if (result.errors?.length || !result.supergraphSdl) {
    throw new Error(`Supergraph composition failed:\n  - ${(result.errors ?? []).map((e) => e.message).join('\n  - ')}`);
  }
  return result;
}

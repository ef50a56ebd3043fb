/**
 * Regenerates the files derived from code and checked in: each subgraph's SDL (schema/<service>.graphql),
 * the production supergraph (schema/supergraph.graphql), the OpenAPI document (docs/openapi.json) and
 * the event and job catalog (docs/events.md). Uses DATABASE_URL / REDIS_URL when set, else starts
 * throwaway servers. Tests fail when the checked-in files differ from what this produces.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SERVICE_NAMES, type ServiceName } from '@app/config';
import { renderCatalogMarkdown } from '@app/messaging';
import { REPOSITORY_ROOT, Stack, startTestInfrastructure, stopTestInfrastructure } from '@app/testing';
import { composeSupergraph } from '../apps/gateway/src/graphql/compose-supergraph';
import { renderOpenApiDocument } from '../apps/gateway/src/openapi-document';

async function main(): Promise<void> {
  const infrastructure = await startTestInfrastructure();
  try {
    const stack = await Stack.start({ apps: SERVICE_NAMES });
    const sdl = {} as Record<ServiceName, string>;
    try {
      for (const service of SERVICE_NAMES) {
        sdl[service] = await stack.subgraphSdl(service);
        writeFileSync(resolve(REPOSITORY_ROOT, 'schema', `${service}.graphql`), sdl[service]);
      }
    } finally {
      await stack.stop();
    }
    writeFileSync(resolve(REPOSITORY_ROOT, 'schema', 'supergraph.graphql'), composeSupergraph(sdl));
    writeFileSync(resolve(REPOSITORY_ROOT, 'docs', 'openapi.json'), await renderOpenApiDocument());
    writeFileSync(resolve(REPOSITORY_ROOT, 'docs', 'events.md'), renderCatalogMarkdown());
    console.log('generate: wrote schema/*.graphql, schema/supergraph.graphql, docs/openapi.json, docs/events.md');
  } finally {
    await stopTestInfrastructure(infrastructure);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`generate failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);

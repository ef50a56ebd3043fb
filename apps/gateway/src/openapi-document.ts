import { generateKeyPairSync } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { DEFAULT_PORTS, SERVICE_NAMES, loadConfig } from '@app/config';
import { GatewayAppModule } from './app.module';
import { GatewayConfig } from './config/gateway.config';
import { buildOpenApiDocument } from './openapi';

/**
 * The OpenAPI document as checked in (docs/openapi.json): built from the controllers of a gateway
 * that is initialised but never listens or connects.
 */
export async function renderOpenApiDocument(): Promise<string> {
  const config = loadConfig(GatewayConfig, {
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
    REDIS_URL: 'redis://127.0.0.1:1',
    ...Object.fromEntries(SERVICE_NAMES.map((s) => [`SUBGRAPH_${s.toUpperCase()}_URL`, `http://${s}:${DEFAULT_PORTS[s]}/graphql`])),
    // Any key will do: no token is verified while rendering.
    AUTH_PUBLIC_KEY: generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  });
  const app = await NestFactory.create(GatewayAppModule.forRoot(config), { logger: false, abortOnError: false });
  try {
    return `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  } finally {
    await app.close();
  }
}


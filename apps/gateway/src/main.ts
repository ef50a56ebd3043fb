import 'reflect-metadata';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { loadConfig, redactConfig } from '@app/config';
import { waitUntilReady } from '@app/messaging';
import { exitOnStartupFailure } from '@app/subgraph';
import { QueueDashboard } from './admin/queue-dashboard.service';
import { GatewayAppModule } from './app.module';
import { GatewayConfig } from './config/gateway.config';
import { GATEWAY_REDIS } from './gateway.tokens';
import { buildOpenApiDocument } from './openapi';

/** How long start-up waits for Redis before serving with the rate limit failing open. */
const REDIS_STARTUP_WAIT_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig(GatewayConfig);
  const app = await NestFactory.create<NestExpressApplication>(GatewayAppModule.forRoot(config), { bufferLogs: true, abortOnError: false });
  app.useBodyParser('json', { limit: config.REQUEST_BODY_LIMIT_BYTES });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  app.get(QueueDashboard).mount(app);
  // The rate limiter's connection fails fast, so serving before it is ready would let the first
  // requests through uncounted; a Redis that stays away is an outage, handled by failing open.
  if (!(await waitUntilReady(app.get(GATEWAY_REDIS), REDIS_STARTUP_WAIT_MS))) {
    logger.warn(`Redis not ready after ${REDIS_STARTUP_WAIT_MS} ms: serving without the rate limit until it is`);
  }
  await app.listen(config.PORT, '0.0.0.0');
  logger.log({ msg: `gateway listening on port ${config.PORT}`, config: redactConfig(config) });
}

main().catch(exitOnStartupFailure('gateway'));

import 'reflect-metadata';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { loadConfig, redactConfig } from '@app/config';
import { exitOnStartupFailure } from '@app/subgraph';
import { QueueDashboard } from './admin/queue-dashboard.service';
import { GatewayAppModule } from './app.module';
import { GatewayConfig } from './config/gateway.config';
import { buildOpenApiDocument } from './openapi';

async function main(): Promise<void> {
  const config = loadConfig(GatewayConfig);
  const app = await NestFactory.create(GatewayAppModule.forRoot(config), { bufferLogs: true, abortOnError: false });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  app.get(QueueDashboard).mount(app);
  await app.listen(config.PORT, '0.0.0.0');
  logger.log({ msg: `gateway listening on port ${config.PORT}`, config: redactConfig(config) });
}

main().catch(exitOnStartupFailure('gateway'));

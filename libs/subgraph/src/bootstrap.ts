import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { type ServiceConfig, redactConfig } from '@app/config';

/** Creates and starts a service: validated input, JSON logs, graceful shutdown on SIGTERM/SIGINT. */
export async function startService(module: unknown, config: ServiceConfig, name: string): Promise<INestApplication> {
  // Errors propagate to the caller (main exits with the reason), rather than Nest exiting on its own.
  const app = await NestFactory.create<NestExpressApplication>(module as never, { bufferLogs: true, abortOnError: false });
  app.useBodyParser('json', { limit: config.REQUEST_BODY_LIMIT_BYTES });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.enableShutdownHooks();
  await app.listen(config.PORT, '0.0.0.0');
  logger.log({ msg: `${name} listening on port ${config.PORT}`, config: redactConfig(config) });
  return app;
}

/** Exits with the reason when start-up fails (invalid config, missing handler, unreachable database). */
export function exitOnStartupFailure(name: string) {
  return (error: unknown): never => {
    console.error(JSON.stringify({ level: 'fatal', app: name, msg: `${name} failed to start`, error: error instanceof Error ? error.message : String(error) }));
    process.exit(1);
  };
}

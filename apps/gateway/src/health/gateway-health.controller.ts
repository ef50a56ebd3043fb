import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { Pool } from 'pg';
import { SERVICE_NAMES } from '@app/config';
import { GatewayConfig } from '../config/gateway.config';
import { subgraphEndpoints } from '../graphql/subgraph-endpoints';

export const GATEWAY_REDIS = Symbol('GATEWAY_REDIS');
export const GATEWAY_POSTGRES = Symbol('GATEWAY_POSTGRES');

type Check = { status: 'up' | 'down'; error?: string };

async function check(work: () => Promise<unknown>, timeoutMs = 2000): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([work(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), timeoutMs)))]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Ready means every subgraph, PostgreSQL and Redis answer; live means this process does. */
@ApiExcludeController()
@Controller('health')
export class GatewayHealthController {
  constructor(
    @Inject(GatewayConfig) private readonly config: GatewayConfig,
    @Inject(GATEWAY_REDIS) private readonly redis: Redis,
    @Inject(GATEWAY_POSTGRES) private readonly postgres: Pool,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<{ status: string; checks: Record<string, Check> }> {
    const endpoints = subgraphEndpoints(this.config);
    const entries = await Promise.all([
      ...SERVICE_NAMES.map(async (service) => {
        const url = endpoints[service].replace(/\/graphql$/, '/health/live');
        return [service, await check(async () => {
          const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
        })] as const;
      }),
      ['postgres', await check(() => this.postgres.query('SELECT 1'))] as const,
      ['redis', await check(() => this.redis.ping())] as const,
    ]);
    const checks = Object.fromEntries(entries);
    const ok = Object.values(checks).every((c) => c.status === 'up');
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks };
  }
}

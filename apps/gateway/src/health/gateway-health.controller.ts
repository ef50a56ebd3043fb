import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { Pool } from 'pg';
import { SERVICE_NAMES } from '@app/config';
import { type DependencyCheck, checkDependency } from '@app/subgraph';
import { GatewayConfig } from '../config/gateway.config';
import { subgraphEndpoints } from '../graphql/subgraph-endpoints';
import { GATEWAY_POSTGRES, GATEWAY_REDIS } from '../gateway.tokens';


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
  async ready(@Res({ passthrough: true }) res: Response): Promise<{ status: string; checks: Record<string, DependencyCheck> }> {
    const endpoints = subgraphEndpoints(this.config);
    const entries = await Promise.all([
      ...SERVICE_NAMES.map(async (service) => {
        const url = endpoints[service].replace(/\/graphql$/, '/health/live');
        return [service, await checkDependency(async () => {
          const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
        })] as const;
      }),
      ['postgres', await checkDependency(() => this.postgres.query('SELECT 1'))] as const,
      ['redis', await checkDependency(() => this.redis.ping())] as const,
    ]);
    const checks = Object.fromEntries(entries);
    const ok = Object.values(checks).every((c) => c.status === 'up');
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks };
  }
}

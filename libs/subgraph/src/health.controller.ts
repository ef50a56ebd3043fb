import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { Public } from '@app/auth';
import { MESSAGING_REDIS } from '@app/messaging';

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: Record<string, DependencyCheck>;
}

export type DependencyCheck = { status: 'up' | 'down'; error?: string };

/** Runs one readiness probe with a deadline; a slow dependency counts as down. */
export async function checkDependency(work: () => Promise<unknown>, timeoutMs = 2000): Promise<DependencyCheck> {
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

/** Liveness says the process answers; readiness says its PostgreSQL and Redis answer too. */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
    @Inject(MESSAGING_REDIS) private readonly redis: Redis,
  ) {}

  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessReport> {
    const checks = {
      postgres: await checkDependency(() => this.dataSource.query('SELECT 1')),
      redis: await checkDependency(() => this.redis.ping()),
    };
    const ok = Object.values(checks).every((c) => c.status === 'up');
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks };
  }
}

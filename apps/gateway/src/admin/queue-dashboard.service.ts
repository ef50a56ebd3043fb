import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Inject, Injectable, type INestApplication, type OnModuleDestroy } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { AccessTokenVerifier, type Identity } from '@app/auth';
import { ALL_QUEUE_NAMES, QueueRegistry } from '@app/messaging';
import { GATEWAY_REDIS } from '../gateway.tokens';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'zilv_admin_token';

/**
 * The BullMQ dashboard (every event and job queue of every service), for operators of the deployment
 * only. A browser signs in once with `?token=<accessToken>`, which is moved into an HttpOnly cookie
 * limited to the dashboard's path; API clients may send the usual bearer header instead.
 */
@Injectable()
export class QueueDashboard implements OnModuleDestroy {
  private readonly queues: QueueRegistry;

  constructor(
    @Inject(GATEWAY_REDIS) redis: Redis,
    @Inject(AccessTokenVerifier) private readonly verifier: AccessTokenVerifier,
  ) {
    this.queues = new QueueRegistry(redis);
  }

  mount(app: INestApplication): void {
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: ALL_QUEUE_NAMES.map((name) => new BullMQAdapter(this.queues.get(name))),
      serverAdapter,
      options: { uiConfig: { boardTitle: 'Zilü queues' } },
    });
    app.use(QUEUE_DASHBOARD_PATH, (req: Request, res: Response, next: NextFunction) => this.admit(req, res, next), serverAdapter.getRouter());
  }

  async onModuleDestroy(): Promise<void> {
    await this.queues.close();
  }

  private admit(req: Request, res: Response, next: NextFunction): void {
    const fromQuery = typeof req.query.token === 'string' ? req.query.token : undefined;
    const authorization = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7) : undefined;
    const token = fromQuery ?? authorization ?? cookieValue(req.headers.cookie, COOKIE);
    if (!token) {
      res.status(401).json({ code: 'UNAUTHENTICATED', message: `Open ${QUEUE_DASHBOARD_PATH}?token=<access token of an operator>.` });
      return;
    }
    let identity: Identity;
    try {
      identity = this.verifier.verify(token);
    } catch {
      res.status(401).json({ code: 'UNAUTHENTICATED', message: 'The access token is invalid or has expired: sign in again.' });
      return;
    }
    if (!identity.platformAdmin) {
      res.status(403).json({ code: 'FORBIDDEN', message: 'Only operators of this deployment may see the queues.' });
      return;
    }
    if (fromQuery) {
      // Keep the token out of the address bar, history and logs from here on.
      res.cookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', path: QUEUE_DASHBOARD_PATH, secure: req.secure });
      res.redirect(303, QUEUE_DASHBOARD_PATH + req.path.replace(/^\/$/, '/'));
      return;
    }
    next();
  }
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

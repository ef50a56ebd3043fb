import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { runInRequestContext } from '@app/common';
import { ensureRequestId } from './logging';

/** Runs the rest of the request inside its request context, so outbox writes know the request id. */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(req: IncomingMessage & { requestId?: string }, _res: ServerResponse, next: () => void): void {
    const requestId = ensureRequestId(req);
    runInRequestContext({ requestId }, next);
  }
}

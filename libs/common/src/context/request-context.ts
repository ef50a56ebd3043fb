import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one unit of work (an HTTP request or an event delivery) carries implicitly: the request id that
 * ties logs together across services, and the event that caused it. Outbox writes read it to fill the
 * correlation and causation ids of the events they record.
 */
export interface RequestContext {
  requestId: string;
  causationId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runInRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';

export const REQUEST_ID_HEADER = 'x-request-id';
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request's id, fixed once: the caller's `x-request-id` when well-formed (the gateway always
 * sends one), else a new one. Stored on the request and its headers, so the logger, the request
 * context and the headers forwarded to subgraphs all carry the same id.
 */
export function ensureRequestId(req: IncomingMessage & { requestId?: string }): string {
  if (req.requestId) return req.requestId;
  const header = req.headers[REQUEST_ID_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  const id = value && REQUEST_ID_PATTERN.test(value) ? value : randomUUID();
  req.requestId = id;
  req.headers[REQUEST_ID_HEADER] = id;
  return id;
}

/** Structured JSON logs, one line per request carrying its id; credentials are never written. */
export function loggerParams(app: string, level: string): Params {
  return {
    pinoHttp: {
      level,
      base: { app },
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const id = ensureRequestId(req);
        res.setHeader(REQUEST_ID_HEADER, id);
        return id;
      },
      customAttributeKeys: { reqId: 'requestId' },
      redact: {
        paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
      autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
      serializers: {
        // The dashboard's sign-in link carries a token in its query: log paths only there.
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.replace(/([?&]token=)[^&]*/g, '$1[redacted]') }),
      },
    },
  };
}

import { BadInputError } from '../errors/domain-error';

/**
 * A position in a list ordered by (created_at, id). `createdAt` is an ISO 8601 UTC timestamp with
 * up to microsecond precision: PostgreSQL keeps microseconds, and a cursor rounded to JavaScript's
 * milliseconds would repeat or skip rows created within the same millisecond.
 */
export interface CursorPosition {
  createdAt: string;
  id: string;
}

/** Cursors this API issues stay far below this; anything longer is refused before decoding. */
export const MAX_CURSOR_LENGTH = 512;

const MAX_ID_LENGTH = 128;
const ISO_UTC_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d{1,6})?Z$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** True for `YYYY-MM-DDTHH:MM:SS[.ffffff]Z` naming a real instant (no 30 February, no hour 24). */
function isIsoUtcTimestamp(value: string): boolean {
  const match = ISO_UTC_TIMESTAMP.exec(value);
  if (!match) return false;
  const millis = Date.parse(`${match[1]}Z`);
  return !Number.isNaN(millis) && new Date(millis).toISOString().slice(0, 19) === match[1];
}

function invalidCursor(): BadInputError {
  // One message for every defect: a cursor is opaque, so how it is broken is no business of the client.
  return new BadInputError('INVALID_CURSOR', 'The `after` cursor is not one this API issued; start again without it.', { field: 'after' });
}

/** Encodes a position as base64url JSON `{"c": createdAt, "i": id}`. Throws on a malformed position. */
export function encodeCursor(position: { createdAt: Date | string; id: string | number | bigint }): string {
  const createdAt = position.createdAt instanceof Date ? position.createdAt.toISOString() : position.createdAt;
  const id = String(position.id);
  if (!isIsoUtcTimestamp(createdAt)) {
    throw new RangeError(`Cannot encode a cursor: createdAt ${JSON.stringify(createdAt)} is not an ISO 8601 UTC timestamp.`);
  }
  if (id.length === 0 || id.length > MAX_ID_LENGTH) {
    throw new RangeError(`Cannot encode a cursor: id must have 1 to ${MAX_ID_LENGTH} characters.`);
  }
  return Buffer.from(JSON.stringify({ c: createdAt, i: id }), 'utf8').toString('base64url');
}

/** Decodes a cursor made by `encodeCursor`; anything else is `BadInputError('INVALID_CURSOR')`. */
export function decodeCursor(cursor: string): CursorPosition {
  if (typeof cursor !== 'string' || cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) throw invalidCursor();
  const bytes = Buffer.from(cursor, 'base64url');
  // Node decodes leniently; requiring the canonical form keeps one spelling per cursor.
  if (bytes.toString('base64url') !== cursor) throw invalidCursor();
  let payload: unknown;
  try {
    payload = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw invalidCursor();
  const { c, i, ...rest } = payload as Record<string, unknown>;
  if (Object.keys(rest).length > 0) throw invalidCursor();
  if (typeof c !== 'string' || !isIsoUtcTimestamp(c)) throw invalidCursor();
  if (typeof i !== 'string' || i.length === 0 || i.length > MAX_ID_LENGTH) throw invalidCursor();
  return { createdAt: c, id: i };
}

import type { ConnectionShape } from './connection.factory';
import { encodeCursor } from './cursor.codec';
import { resolvePageArgs, type PageArgsInput } from './page.args';

/**
 * A connection over an already ordered list that does not live in PostgreSQL (e.g. BullMQ's failed
 * jobs). Each item's cursor is its (time, id) position; paging continues after the item with it.
 */
export function connectionFromArray<T>(items: readonly T[], args: PageArgsInput, positionOf: (item: T) => { createdAt: Date; id: string }): ConnectionShape<T> {
  const { first, after } = resolvePageArgs(args);
  const cursors = items.map((item) => encodeCursor(positionOf(item)));
  const start = after ? cursors.indexOf(encodeCursor({ createdAt: after.createdAt, id: after.id })) + 1 : 0;
  const page = items.slice(start, start + first);
  const edges = page.map((node, index) => ({ node, cursor: cursors[start + index] }));
  return {
    edges,
    nodes: page,
    totalCount: items.length,
    pageInfo: {
      hasNextPage: start + first < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ConnectionShape, EdgeShape } from './connection.factory';
import { BadInputError } from '../errors/domain-error';
import { encodeCursor } from './cursor.codec';
import { resolvePageArgs, type PageArgsInput } from './page.args';

/**
 * The two columns a keyset page is ordered by, as SQL column references such as `o.created_at`
 * (or TypeORM property paths such as `o.createdAt`). They come from code, never from a request.
 * `createdAt` must be a NOT NULL `timestamptz`; an index on (created_at, id) keeps pages cheap.
 */
export interface KeysetColumns {
  createdAt: string;
  id: string;
}

// Plain or double-quoted identifiers, optionally alias-qualified: nothing else is spliced into SQL.
const IDENTIFIER = String.raw`(?:[A-Za-z_][A-Za-z0-9_]*|"[^"]+")`;
const COLUMN_REFERENCE = new RegExp(`^${IDENTIFIER}(?:\\.${IDENTIFIER})?$`);

// Names chosen not to collide with the caller's own selections and parameters.
const CURSOR_CREATED_AT = 'zilv_cursor_created_at';
const CURSOR_ID = 'zilv_cursor_id';
const PARAM_FORMAT = 'zilvCursorFormat';
const PARAM_AFTER_CREATED_AT = 'zilvAfterCreatedAt';
const PARAM_AFTER_ID = 'zilvAfterId';

/** to_char pattern for an ISO 8601 UTC timestamp with microseconds, the precision PostgreSQL keeps. */
const ISO_MICROSECONDS = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"';

function assertColumnReference(role: string, column: string): void {
  if (!COLUMN_REFERENCE.test(column)) {
    throw new Error(`paginate(): keys.${role} must be a column reference such as o.created_at; got ${JSON.stringify(column)}.`);
  }
}

/** Joined rows would repeat the parent row and make LIMIT count the wrong thing. */
function assertNoToManyJoins<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): void {
  const manyJoin = qb.expressionMap.joinAttributes.find((join) => join.isMany);
  if (manyJoin) {
    throw new Error(`paginate(): the query joins the to-many relation ${manyJoin.entityOrProperty}; load it separately.`);
  }
}

/**
 * Brackets the caller's WHERE clauses before another is added: TypeORM joins clauses as written,
 * so `a OR b` followed by `AND cursor` would otherwise bind as `a OR (b AND cursor)`.
 */
function isolateWhere<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): void {
  const { wheres } = qb.expressionMap;
  if (wheres.length > 0) {
    qb.expressionMap.wheres = [{ type: 'simple', condition: { operator: 'brackets', condition: wheres } }];
  }
}

function rawString(row: Record<string, unknown>, key: string): string {
  const value = row[key];
  if (typeof value !== 'string') throw new Error(`paginate(): the query returned no ${key} for a row; is keys.createdAt NOT NULL?`);
  return value;
}

/**
 * Keyset (seek) pagination over a TypeORM query: rows ordered by (createdAt, id) ascending, the
 * page continuing strictly after the `after` cursor. Reads `first + 1` rows to learn whether a next
 * page exists, and counts the whole list with the caller's query minus ordering and limits.
 * Replaces any ORDER BY, LIMIT and OFFSET on `qb` (in a clone; `qb` itself is left unchanged).
 * Invalid arguments are `BadInputError` (INVALID_PAGE_SIZE, INVALID_CURSOR). Without `map` the
 * nodes are the entities themselves.
 */
export function paginate<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, args: PageArgsInput, keys: KeysetColumns): Promise<ConnectionShape<E>>;
export function paginate<E extends ObjectLiteral, T>(
  qb: SelectQueryBuilder<E>,
  args: PageArgsInput,
  keys: KeysetColumns,
  map: (entity: E) => T,
): Promise<ConnectionShape<T>>;
export async function paginate<E extends ObjectLiteral, T>(
  qb: SelectQueryBuilder<E>,
  args: PageArgsInput,
  keys: KeysetColumns,
  map?: (entity: E) => T,
): Promise<ConnectionShape<E | T>> {
  const { first, after } = resolvePageArgs(args);
  assertColumnReference('createdAt', keys.createdAt);
  assertColumnReference('id', keys.id);
  assertNoToManyJoins(qb);

  const totalCount = await qb.clone().orderBy().skip(undefined).take(undefined).offset(undefined).limit(undefined).getCount();

  const page = qb
    .clone()
    // The cursor is read from PostgreSQL as text: a JavaScript Date would drop the microseconds.
    .addSelect(`to_char(${keys.createdAt} AT TIME ZONE 'UTC', :${PARAM_FORMAT})`, CURSOR_CREATED_AT)
    .addSelect(`CAST(${keys.id} AS text)`, CURSOR_ID)
    .setParameter(PARAM_FORMAT, ISO_MICROSECONDS)
    .orderBy(keys.createdAt, 'ASC')
    .addOrderBy(keys.id, 'ASC')
    .skip(undefined)
    .take(undefined)
    .offset(undefined)
    .limit(first + 1);
  if (after) {
    isolateWhere(page);
    // A row comparison, so an index on (created_at, id) can seek straight to the position.
    page.andWhere(`(${keys.createdAt}, ${keys.id}) > (:${PARAM_AFTER_CREATED_AT}, :${PARAM_AFTER_ID})`, {
      [PARAM_AFTER_CREATED_AT]: after.createdAt,
      [PARAM_AFTER_ID]: after.id,
    });
  }

  const { entities, raw } = await page.getRawAndEntities<Record<string, unknown>>().catch((error: unknown) => {
    // A well-formed cursor whose id or time does not fit the column (a forged one) is the client's error.
    if (after && typeof error === 'object' && error !== null && ['22P02', '22007', '22008'].includes(String((error as { code?: unknown }).code))) {
      throw new BadInputError('INVALID_CURSOR', 'The `after` cursor is not one this API issued; start again without it.', { field: 'after' });
    }
    throw error;
  });
  if (entities.length !== raw.length) {
    throw new Error(`paginate(): ${raw.length} rows became ${entities.length} entities; the query must return one row per entity.`);
  }

  const edges: EdgeShape<E | T>[] = entities.slice(0, first).map((entity, index) => ({
    cursor: encodeCursor({ createdAt: rawString(raw[index], CURSOR_CREATED_AT), id: rawString(raw[index], CURSOR_ID) }),
    node: map ? map(entity) : entity,
  }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: entities.length > first,
      hasPreviousPage: false,
      startCursor: edges.length > 0 ? edges[0].cursor : null,
      endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null,
    },
    totalCount,
  };
}

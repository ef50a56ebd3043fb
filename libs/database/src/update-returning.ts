/** Anything that runs raw SQL: a DataSource, an EntityManager or a QueryRunner. */
export interface RawQueryRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * The rows of an UPDATE (or DELETE) … RETURNING. TypeORM's PostgreSQL driver answers those with
 * `[rows, affectedCount]` rather than the rows alone, unlike SELECT and INSERT.
 */
export async function updateReturning<T>(runner: RawQueryRunner, sql: string, parameters: unknown[]): Promise<T[]> {
  const result = await runner.query(sql, parameters);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

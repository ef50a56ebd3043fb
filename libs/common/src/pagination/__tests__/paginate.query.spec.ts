import { Column, DataSource, Entity, ManyToOne, OneToMany, PrimaryGeneratedColumn, SelectQueryBuilder, type ObjectLiteral } from 'typeorm';
import { BadInputError } from '../../errors/domain-error';
import { decodeCursor, encodeCursor } from '../cursor.codec';
import { paginate } from '../paginate.query';

// SQL generation needs entity metadata but no connection: nothing here talks to PostgreSQL.
// The two query methods are replaced by fakes that record the SQL they were asked to run.

@Entity({ name: 'organization' })
class OrganizationRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'association_id', type: 'uuid' })
  associationId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @OneToMany(() => ContactRow, (contact) => contact.organization)
  contacts: ContactRow[];
}

@Entity({ name: 'contact' })
class ContactRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => OrganizationRow, (organization) => organization.contacts)
  organization: OrganizationRow;
}

interface RecordedQuery {
  sql: string;
  parameters: unknown[];
}

const KEYS = { createdAt: 'o.created_at', id: 'o.id' };

function row(n: number): { entity: OrganizationRow; raw: Record<string, unknown> } {
  const entity = Object.assign(new OrganizationRow(), { id: `id-${n}`, associationId: 'a-1', createdAt: new Date(Date.UTC(2024, 0, 1, 0, 0, n)) });
  // PostgreSQL's text keeps microseconds that the Date above has lost.
  const raw = { o_id: entity.id, zilv_cursor_created_at: `2024-01-01T00:00:${String(n).padStart(2, '0')}.123456Z`, zilv_cursor_id: entity.id };
  return { entity, raw };
}

describe('paginate', () => {
  let dataSource: DataSource;
  let pageQueries: RecordedQuery[];
  let countQueries: RecordedQuery[];
  let rows: ReturnType<typeof row>[];
  let total: number;

  beforeAll(async () => {
    dataSource = new DataSource({ type: 'postgres', entities: [OrganizationRow, ContactRow] });
    await (dataSource as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  });

  beforeEach(() => {
    pageQueries = [];
    countQueries = [];
    rows = [];
    total = 0;
    jest.spyOn(SelectQueryBuilder.prototype, 'getRawAndEntities').mockImplementation(async function (this: SelectQueryBuilder<ObjectLiteral>) {
      const [sql, parameters] = this.getQueryAndParameters();
      pageQueries.push({ sql, parameters });
      const limit = this.expressionMap.limit ?? rows.length;
      const page = rows.slice(0, limit);
      return { entities: page.map((r) => r.entity), raw: page.map((r) => r.raw) };
    });
    jest.spyOn(SelectQueryBuilder.prototype, 'getCount').mockImplementation(async function (this: SelectQueryBuilder<ObjectLiteral>) {
      const [sql, parameters] = this.getQueryAndParameters();
      countQueries.push({ sql, parameters });
      return total;
    });
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  function organizations(): SelectQueryBuilder<OrganizationRow> {
    return dataSource
      .getRepository(OrganizationRow)
      .createQueryBuilder('o')
      .where('o.association_id = :associationId OR o.id = :id', { associationId: 'a-1', id: 'special' });
  }

  it('reads first + 1 rows in (created_at, id) order and reports the next page', async () => {
    rows = [row(1), row(2), row(3)];
    total = 7;
    const result = await paginate(organizations(), { first: 2 }, KEYS, (o) => ({ name: o.id }));

    expect(pageQueries).toHaveLength(1);
    const { sql } = pageQueries[0];
    expect(sql).toMatch(/ORDER BY "o"\."created_at" ASC, "o"\."id" ASC LIMIT 3$/);
    expect(sql).toContain(`to_char("o"."created_at" AT TIME ZONE 'UTC', $`);
    expect(sql).toContain('CAST("o"."id" AS text) AS "zilv_cursor_id"');
    expect(pageQueries[0].parameters).toContain('YYYY-MM-DD"T"HH24:MI:SS.US"Z"');

    expect(result.totalCount).toBe(7);
    expect(result.nodes).toEqual([{ name: 'id-1' }, { name: 'id-2' }]);
    expect(result.edges.map((edge) => edge.node)).toEqual(result.nodes);
    expect(result.edges.map((edge) => decodeCursor(edge.cursor))).toEqual([
      { createdAt: '2024-01-01T00:00:01.123456Z', id: 'id-1' },
      { createdAt: '2024-01-01T00:00:02.123456Z', id: 'id-2' },
    ]);
    expect(result.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: result.edges[0].cursor,
      endCursor: result.edges[1].cursor,
    });
  });

  it('counts with the caller filter but without order, limit or cursor', async () => {
    const after = encodeCursor({ createdAt: '2024-01-01T00:00:02.123456Z', id: 'id-2' });
    await paginate(organizations().orderBy('o.id', 'DESC').skip(5).take(10), { first: 2, after }, KEYS);

    expect(countQueries).toHaveLength(1);
    const { sql, parameters } = countQueries[0];
    expect(sql).toContain('WHERE "o"."association_id" = $1 OR "o"."id" = $2');
    expect(sql).not.toMatch(/ORDER BY|LIMIT|OFFSET|zilv/);
    expect(parameters).toEqual(['a-1', 'special']);
  });

  it('continues strictly after the cursor, bracketing the caller filter', async () => {
    rows = [row(3)];
    const after = encodeCursor({ createdAt: '2024-01-01T00:00:02.123456Z', id: 'id-2' });
    const result = await paginate(organizations(), { first: 2, after }, KEYS);

    const { sql, parameters } = pageQueries[0];
    expect(sql).toMatch(/WHERE \("o"\."association_id" = \$\d OR "o"\."id" = \$\d\) AND \("o"\."created_at", "o"\."id"\) > \(\$\d, \$\d\)/);
    // Passed as text, so PostgreSQL compares at microsecond precision.
    expect(parameters).toEqual(expect.arrayContaining(['2024-01-01T00:00:02.123456Z', 'id-2', 'a-1', 'special']));
    expect(result.pageInfo.hasNextPage).toBe(false);
    expect(result.nodes).toEqual([rows[0].entity]);
  });

  it('replaces the caller ordering, offset and limit, and leaves the caller query untouched', async () => {
    const qb = organizations().orderBy('o.id', 'DESC').skip(5).take(10);
    const before = qb.getQueryAndParameters();
    const after = encodeCursor({ createdAt: '2024-01-01T00:00:02.123456Z', id: 'id-2' });
    await paginate(qb, { first: 4, after }, KEYS);

    expect(pageQueries[0].sql).toMatch(/ORDER BY "o"\."created_at" ASC, "o"\."id" ASC LIMIT 5$/);
    expect(pageQueries[0].sql).not.toMatch(/DESC|OFFSET/);
    expect(qb.getQueryAndParameters()).toEqual(before);
  });

  it('accepts TypeORM property paths as keys', async () => {
    await paginate(organizations(), {}, { createdAt: 'o.createdAt', id: 'o.id' });
    expect(pageQueries[0].sql).toMatch(/ORDER BY "o"\."created_at" ASC, "o"\."id" ASC LIMIT 21$/);
  });

  it('returns an empty page with null cursors', async () => {
    const result = await paginate(organizations(), {}, KEYS);
    expect(result).toEqual({
      edges: [],
      nodes: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      totalCount: 0,
    });
  });

  it('rejects bad arguments before running any query', async () => {
    await expect(paginate(organizations(), { first: 0 }, KEYS)).rejects.toMatchObject({ reason: 'INVALID_PAGE_SIZE' });
    await expect(paginate(organizations(), { first: 101 }, KEYS)).rejects.toBeInstanceOf(BadInputError);
    await expect(paginate(organizations(), { after: 'nope' }, KEYS)).rejects.toMatchObject({ reason: 'INVALID_CURSOR' });
    expect(pageQueries).toEqual([]);
    expect(countQueries).toEqual([]);
  });

  it('refuses key expressions that are not plain column references', async () => {
    await expect(paginate(organizations(), {}, { createdAt: 'o.created_at; DROP TABLE x', id: 'o.id' })).rejects.toThrow('keys.createdAt');
    await expect(paginate(organizations(), {}, { createdAt: 'o.created_at', id: 'lower(o.id)' })).rejects.toThrow('keys.id');
    expect(pageQueries).toEqual([]);
  });

  it('refuses a to-many join, which would break LIMIT', async () => {
    const qb = organizations().leftJoinAndSelect('o.contacts', 'c');
    await expect(paginate(qb, {}, KEYS)).rejects.toThrow('to-many relation o.contacts');
  });

  it('allows a to-one join', async () => {
    const qb = dataSource.getRepository(ContactRow).createQueryBuilder('c').innerJoin('c.organization', 'o');
    await expect(paginate(qb, {}, { createdAt: 'o.created_at', id: 'c.id' })).resolves.toMatchObject({ totalCount: 0 });
  });

  it('fails loudly when rows and entities do not pair up', async () => {
    rows = [row(1), row(2)];
    jest.spyOn(SelectQueryBuilder.prototype, 'getRawAndEntities').mockResolvedValue({ entities: [rows[0].entity], raw: rows.map((r) => r.raw) });
    await expect(paginate(organizations(), {}, KEYS)).rejects.toThrow('2 rows became 1 entities');
  });
});

import { connectionFromArray } from '../connection-from-array';

describe('connectionFromArray', () => {
  const items = Array.from({ length: 5 }, (_, i) => ({ id: `q/${i}`, at: new Date(Date.UTC(2026, 0, 1, 0, 0, 5 - i)) }));
  const positionOf = (item: (typeof items)[number]) => ({ createdAt: item.at, id: item.id });

  it('pages through every item once, in the given order', () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: ReturnType<typeof connectionFromArray<(typeof items)[number]>> = connectionFromArray(items, { first: 2, after }, positionOf);
      seen.push(...page.nodes.map((n) => n.id));
      expect(page.totalCount).toBe(5);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(items.map((i) => i.id));
  });

  it('refuses out-of-range page sizes', () => {
    expect(() => connectionFromArray(items, { first: 0 }, positionOf)).toThrow(/first/);
  });
});

import { parse, validate, type GraphQLError } from 'graphql';
import { estimateQueryCost, maxCostRule, type VariableValues } from '../query-cost.rule';
import { fragmentBomb, testSchema } from './test-schema.fixture';

const sizes = { defaultListSize: 10, maxListSize: 100 };

function costErrors(query: string, maxCost: number, variables?: VariableValues): readonly GraphQLError[] {
  return validate(testSchema, parse(query), [maxCostRule({ ...sizes, maxCost }, variables)]);
}

/**
 * Pins the cost both ways: `estimateQueryCost` returns it, and the rule passes at exactly that
 * limit and fails one below it.
 */
function expectCost(query: string, cost: number, sent: VariableValues | 'unknown' = {}): void {
  const variables = sent === 'unknown' ? undefined : sent;
  expect(estimateQueryCost(testSchema, parse(query), variables, sizes)).toBe(cost);
  expect(costErrors(query, cost, variables)).toEqual([]);
  if (cost === 1) return; // the smallest limit there is
  const errors = costErrors(query, cost - 1, variables);
  expect(errors).toHaveLength(1);
  expect(errors[0].message).toBe(`Query cost ${cost} exceeds the limit of ${cost - 1}.`);
}

describe('estimateQueryCost and maxCostRule', () => {
  it('charges 1 per field without multiplying below plain objects', () => {
    expectCost('{ tags }', 1);
    expectCost('{ viewer { name } }', 2);
    expectCost('{ viewer { id name organization { parent { name } } } }', 6);
  });

  it('multiplies the children of a list by defaultListSize when no first/last is given', () => {
    expectCost('{ viewer { friends { name } } }', 12); // viewer 1 + friends (1 + 10 * 1)
    expectCost('{ viewer { friends { friends { id } } } }', 112); // 1 + (1 + 10 * (1 + 10 * 1))
  });

  it('multiplies the children of a list by its literal first', () => {
    // standards 1 + 3 * (title 1 + clauses (1 + 10 * text 1))
    expectCost('{ standards(first: 3) { title clauses { text } } }', 37);
  });

  it("uses the schema's default for an omitted first", () => {
    expectCost('{ pagedStandards { id } }', 6); // 1 + 5 * 1
  });

  it("multiplies a connection's edges and nodes by its first or last, and nothing else", () => {
    // organizations 1 + totalCount 1 + pageInfo (1 + 1) + edges (1 + 5 * (cursor 1 + node (1 + 2)))
    expectCost(
      '{ organizations(first: 5) { totalCount pageInfo { hasNextPage } edges { cursor node { id name } } } }',
      25,
    );
    expectCost('{ organizations(last: 7) { nodes { id } } }', 9); // 1 + (1 + 7 * 1)
    expectCost('{ organizations { nodes { id } } }', 12); // defaultListSize
    expectCost('{ organizations(first: 2, last: 6) { nodes { id } } }', 8); // the larger one
  });

  it('multiplies lists nested inside a connection page', () => {
    // organizations 1 + edges (1 + 10 * (node 1 + members (1 + 20 * 1)))
    expectCost('{ organizations(first: 10) { edges { node { members(first: 20) { name } } } } }', 222);
  });

  it('caps page sizes at maxListSize and treats negative ones as empty', () => {
    expectCost('{ organizations(first: 1000) { nodes { id } } }', 102);
    expectCost('{ organizations(first: -5) { nodes { id } } }', 2);
    expectCost('{ organizations(first: 0) { nodes { id } } }', 2);
  });

  it('reads first from the variables when they are supplied', () => {
    const query = 'query Page($n: Int) { organizations(first: $n) { nodes { id } } }';
    expectCost(query, 22, { n: 20 });
    expectCost(query, 12, {}); // not sent: the argument is absent
    expectCost(query, 12, { n: null });
    expectCost(query, 102, { n: 5000 });
    expectCost('query Page($n: Int = 3) { organizations(first: $n) { nodes { id } } }', 5, {});
    expectCost('query Page($n: Int = 3) { organizations(first: $n) { nodes { id } } }', 9, { n: 7 });
  });

  it('assumes maxListSize for a variable page size when the variables are unknown', () => {
    expectCost('query Page($n: Int = 3) { organizations(first: $n) { nodes { id } } }', 102, 'unknown');
    expectCost('{ organizations(first: 4) { nodes { id } } }', 6, 'unknown'); // literals are still known
  });

  it('applies the page size of the connection a fragment is spread into', () => {
    const fragment = 'fragment Page on OrganizationConnection { edges { node { id } } }';
    expectCost(`query { organizations(first: 4) { ...Page } } ${fragment}`, 10); // 1 + (1 + 4 * 2)
    expectCost(`query { a: organizations(first: 4) { ...Page } b: organizations(first: 2) { ...Page } } ${fragment}`, 16);
    expectCost('{ organizations(first: 3) { ... on OrganizationConnection { nodes { id } } } }', 5);
  });

  it('adds up every branch of an abstract type, as an upper bound', () => {
    expectCost('{ search(term: "x") { ... on Organization { name } ... on Standard { title } } }', 21);
  });

  it('does not charge for __typename or introspection', () => {
    expectCost('{ viewer { __typename name } }', 2);
    expectCost('{ tags __schema { types { name fields { name } } } }', 1);
  });

  it('reports the error with the agreed code and reason on the operation', () => {
    const errors = costErrors('query Big { viewer { friends { name } } }', 11);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe('Query cost 12 exceeds the limit of 11.');
    expect(errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COSTLY' });
    expect(errors[0].locations).toEqual([{ line: 1, column: 1 }]);
  });

  it('costs the named operation, or the dearest one when no name is given', () => {
    const document = parse('query Cheap { tags } query Dear { viewer { friends { id } } }');
    expect(estimateQueryCost(testSchema, document, {}, sizes, 'Cheap')).toBe(1);
    expect(estimateQueryCost(testSchema, document, {}, sizes, 'Dear')).toBe(12);
    expect(estimateQueryCost(testSchema, document, {}, sizes)).toBe(12);
    expect(estimateQueryCost(testSchema, document, {}, sizes, 'Missing')).toBe(0);
    expect(costErrors('query Cheap { tags } query Dear { viewer { friends { id } } }', 5).map((e) => e.message)).toEqual([
      'Query cost 12 exceeds the limit of 5.',
    ]);
  });

  it('terminates on fragment cycles', () => {
    // viewer 1 + organization (1 + members (1 + 10 * 0)), the cyclic spread counting nothing
    expectCost(
      `query { viewer { ...A } }
       fragment A on User { organization { ...B } }
       fragment B on Organization { members { ...A } }`,
      3,
    );
  });

  it('prices a fragment bomb in linear time', () => {
    const started = Date.now();
    const cost = estimateQueryCost(testSchema, parse(fragmentBomb(40, 'name')), {}, sizes);
    expect(cost).toBeGreaterThan(1e40);
    expect(costErrors(fragmentBomb(40, 'name'), 1_000_000)).toHaveLength(1);
    // Exponential pricing would not finish at all; the bound leaves room for a loaded machine.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses inconsistent options', () => {
    expect(() => maxCostRule({ maxCost: 0, defaultListSize: 10, maxListSize: 100 })).toThrow(RangeError);
    expect(() => maxCostRule({ maxCost: 100, defaultListSize: 200, maxListSize: 100 })).toThrow(RangeError);
    expect(() => estimateQueryCost(testSchema, parse('{ tags }'), {}, { defaultListSize: 1, maxListSize: 0 })).toThrow(RangeError);
  });
});

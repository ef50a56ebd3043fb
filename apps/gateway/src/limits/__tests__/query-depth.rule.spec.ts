import { parse, specifiedRules, validate, type GraphQLError } from 'graphql';
import { maxDepthRule } from '../query-depth.rule';
import { fragmentBomb, testSchema } from './test-schema.fixture';

function depthErrors(query: string, maxDepth: number): readonly GraphQLError[] {
  return validate(testSchema, parse(query), [maxDepthRule(maxDepth)]);
}

/** Passes at exactly `depth` and fails one below it, which pins the measured depth. */
function expectDepth(query: string, depth: number): void {
  expect(depthErrors(query, depth)).toEqual([]);
  if (depth === 1) return; // the smallest limit there is
  const errors = depthErrors(query, depth - 1);
  expect(errors).toHaveLength(1);
  expect(errors[0].message).toBe(`Query depth ${depth} exceeds the limit of ${depth - 1}.`);
}

describe('maxDepthRule', () => {
  it('counts one level per nested selection set', () => {
    expectDepth('{ tags }', 1);
    expectDepth('{ viewer { name } }', 2);
    expectDepth('{ viewer { organization { parent { name } } } }', 4);
  });

  it('takes the deepest branch, not the sum', () => {
    expectDepth('{ tags viewer { name organization { parent { id } } friends { id } } }', 4);
  });

  it('reports the error with the agreed code and reason on the operation', () => {
    const errors = depthErrors('query Deep { viewer { organization { parent { name } } } }', 3);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe('Query depth 4 exceeds the limit of 3.');
    expect(errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_DEEP' });
    expect(errors[0].locations).toEqual([{ line: 1, column: 1 }]);
  });

  it('follows fragment spreads; fragments add no level of their own', () => {
    expectDepth(
      `query { viewer { ...UserFields } }
       fragment UserFields on User { name organization { ...OrgFields } }
       fragment OrgFields on Organization { parent { name } }`,
      4,
    );
  });

  it('follows inline fragments without adding a level', () => {
    expectDepth('{ search(term: "x") { ... on Organization { parent { name } } ... on Standard { title } } }', 3);
    expectDepth('{ viewer { ... { organization { name } } } }', 3);
  });

  it('ignores __typename and introspection fields', () => {
    expectDepth('{ viewer { __typename } }', 1);
    expectDepth('{ __typename tags }', 1);
    expectDepth('{ tags __schema { types { fields { type { ofType { name } } } } } }', 1);
  });

  it('checks every operation of a document on its own', () => {
    const errors = depthErrors('query Flat { tags } query Deep { viewer { organization { name } } }', 2);
    expect(errors.map((e) => e.message)).toEqual(['Query depth 3 exceeds the limit of 2.']);
  });

  it('terminates on fragment cycles and leaves reporting them to NoFragmentCyclesRule', () => {
    const query = `query { viewer { ...A } }
      fragment A on User { organization { ...B } }
      fragment B on Organization { members { ...A } }`;
    expectDepth(query, 3);
    const errors = validate(testSchema, parse(query), [...specifiedRules, maxDepthRule(10)]);
    expect(errors.map((e) => e.message)).toEqual(['Cannot spread fragment "A" within itself via "B".']);
  });

  it('measures a fragment bomb in linear time', () => {
    const started = Date.now();
    expectDepth(fragmentBomb(40, 'name'), 42);
    // Walking every spread would not finish at all; the bound leaves room for a loaded machine.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => maxDepthRule(0)).toThrow(RangeError);
    expect(() => maxDepthRule(2.5)).toThrow(RangeError);
    expect(() => maxDepthRule(Number.NaN)).toThrow(RangeError);
  });
});

import { parse, validate, type GraphQLError } from 'graphql';
import { maxAliasesRule } from '../query-aliases.rule';
import { fragmentBomb, testSchema } from './test-schema.fixture';

function aliasErrors(query: string, maxAliases: number): readonly GraphQLError[] {
  return validate(testSchema, parse(query), [maxAliasesRule(maxAliases)]);
}

/** Passes at exactly `count` and fails one below it, which pins the counted number. */
function expectAliases(query: string, count: number): void {
  expect(aliasErrors(query, count)).toEqual([]);
  if (count === 0) return;
  const errors = aliasErrors(query, count - 1);
  expect(errors).toHaveLength(1);
  expect(errors[0].message).toBe(`Operation uses ${count} aliases, more than the limit of ${count - 1}.`);
}

describe('maxAliasesRule', () => {
  it('counts aliased fields at every level', () => {
    expectAliases('{ tags viewer { name } }', 0);
    expectAliases('{ a: tags b: tags tags }', 2);
    expectAliases('{ me: viewer { fullName: name org: organization { id } } }', 3);
  });

  it('reports the error with the agreed code and reason', () => {
    const errors = aliasErrors('{ a: tags b: tags }', 1);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe('Operation uses 2 aliases, more than the limit of 1.');
    expect(errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_ALIASES' });
  });

  it('allows a limit of zero, which forbids aliases altogether', () => {
    expect(aliasErrors('{ tags }', 0)).toEqual([]);
    expect(aliasErrors('{ t: tags }', 0)).toHaveLength(1);
  });

  it('counts aliases inside fragments once per spread', () => {
    expectAliases(
      `query { first: viewer { ...UserFields } second: viewer { ...UserFields } }
       fragment UserFields on User { n: name i: id }`,
      6,
    );
  });

  it('counts aliases inside inline fragments', () => {
    expectAliases('{ search(term: "x") { ... on Organization { a: name b: name } ... on Standard { c: title } } }', 3);
  });

  it('checks every operation of a document on its own', () => {
    const errors = aliasErrors('query One { a: tags } query Two { a: tags b: tags }', 1);
    expect(errors.map((e) => e.message)).toEqual(['Operation uses 2 aliases, more than the limit of 1.']);
  });

  it('terminates on fragment cycles', () => {
    expectAliases(
      `query { viewer { ...A } }
       fragment A on User { x: organization { ...B } }
       fragment B on Organization { y: members { ...A } }`,
      2,
    );
  });

  it('sees the aliases a fragment bomb multiplies, in linear time', () => {
    const started = Date.now();
    expectAliases(fragmentBomb(40, 'n: name'), 2 ** 40);
    // Walking every spread would not finish at all; the bound leaves room for a loaded machine.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a limit that is not a non-negative integer', () => {
    expect(() => maxAliasesRule(-1)).toThrow(RangeError);
    expect(() => maxAliasesRule(1.5)).toThrow(RangeError);
  });
});

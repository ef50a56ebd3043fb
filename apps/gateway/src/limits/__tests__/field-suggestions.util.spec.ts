import { parse, validate } from 'graphql';
import { stripFieldSuggestions } from '../field-suggestions.util';
import { testSchema } from './test-schema.fixture';

function validationMessages(query: string): string[] {
  return validate(testSchema, parse(query)).map((error) => error.message);
}

describe('stripFieldSuggestions', () => {
  it("removes graphql-js's suggestions from real validation errors", () => {
    const cases: Array<[string, string]> = [
      ['{ viewer { nme } }', 'Cannot query field "nme" on type "User".'],
      ['{ organizations(frist: 1) { totalCount } }', 'Unknown argument "frist" on field "Query.organizations".'],
      ['{ organizations(status: ACTVE) { totalCount } }', 'Value "ACTVE" does not exist in "OrganizationStatus" enum.'],
      ['{ search(term: "x") { name } }', 'Cannot query field "name" on type "SearchResult".'],
      ['query ($n: Itn) { tags }', 'Unknown type "Itn".'],
    ];
    for (const [query, stripped] of cases) {
      const [message] = validationMessages(query);
      expect(message).toContain('Did you mean');
      expect(stripFieldSuggestions(message)).toBe(stripped);
    }
  });

  it('removes suggestion lists of two and of three or more names', () => {
    expect(stripFieldSuggestions('Cannot query field "nam" on type "User". Did you mean "name" or "names"?')).toBe(
      'Cannot query field "nam" on type "User".',
    );
    expect(stripFieldSuggestions('Cannot query field "nam" on type "User". Did you mean "name", "names", or "named"?')).toBe(
      'Cannot query field "nam" on type "User".',
    );
    expect(
      stripFieldSuggestions('Cannot query field "x" on type "Node". Did you mean to use an inline fragment on "User" or "Standard"?'),
    ).toBe('Cannot query field "x" on type "Node".');
  });

  it('removes a suggestion at the end of each line of a joined message', () => {
    expect(stripFieldSuggestions('Unknown type "Usr". Did you mean "User"?\nUnknown type "Orga". Did you mean "Organization"?')).toBe(
      'Unknown type "Usr".\nUnknown type "Orga".',
    );
  });

  it('leaves messages without a trailing suggestion alone', () => {
    for (const message of [
      'Query depth 12 exceeds the limit of 10.',
      'Syntax Error: Expected Name, found "}".',
      'Variable "$term" got invalid value "Did you mean \\"x\\"?"; String cannot represent a non string value.',
      'Did you mean it? The client wrote this.',
    ]) {
      expect(stripFieldSuggestions(message)).toBe(message);
    }
  });
});

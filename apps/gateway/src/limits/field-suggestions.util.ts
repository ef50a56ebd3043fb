/**
 * graphql-js appends hints such as ` Did you mean "name" or "names"?` (or `… the enum value "X"?`,
 * `… to use an inline fragment on "A"?`) to validation and coercion errors. Those hints let
 * anyone map a schema field by field even with introspection off, so production removes them.
 * Only a trailing hint in graphql-js's exact shape is removed (per line: gateway errors may join
 * several messages), so text a client sent inside a message is left alone.
 */
const SUGGESTION = / Did you mean (?:[a-z ]+ )?"\w+"(?:(?:, or |, | or )"\w+")*\?$/gm;

export function stripFieldSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

import { GraphQLError, type ASTNode } from 'graphql';
import type { PublicErrorCode } from '@app/common';

// Type-only link to the shared codes: the check stays, the runtime dependency does not.
const BAD_USER_INPUT = 'BAD_USER_INPUT' satisfies `${PublicErrorCode}`;

/** Stable `extensions.reason` values clients can branch on; the messages are for humans. */
export const LimitReason = {
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
} as const;

export type LimitReason = (typeof LimitReason)[keyof typeof LimitReason];

/** The operation is refused as a whole, so the error points at the operation definition. */
export function limitExceededError(reason: LimitReason, message: string, node?: ASTNode): GraphQLError {
  return new GraphQLError(message, {
    nodes: node ? [node] : undefined,
    extensions: { code: BAD_USER_INPUT, reason },
  });
}

/** Limits are set in configuration; a typo there must stop the gateway, not disable the limit. */
export function assertLimit(name: string, value: number, { allowZero = false } = {}): void {
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
    throw new RangeError(`${name} must be an integer ${allowZero ? '>= 0' : '>= 1'}, got ${value}`);
  }
}

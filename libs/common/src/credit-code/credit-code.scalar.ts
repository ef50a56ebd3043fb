import { Scalar, type CustomScalar } from '@nestjs/graphql';
import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { BadInputError } from '../errors/domain-error';
import { validateCreditCode, type CreditCodeFailureReason } from './credit-code.validation';

export const CREDIT_CODE_SCALAR_NAME = 'UnifiedSocialCreditCode';

/**
 * The GraphQLError carries the agreed extensions, which graphql-js keeps for variables. For inline
 * literals Apollo Server recodes validation errors as GRAPHQL_VALIDATION_FAILED but keeps the
 * original error, so a `BadInputError` is attached there for the error formatter to map back to
 * BAD_USER_INPUT, with the same reason `assertCreditCode` uses.
 */
function invalidInput(message: string, detail: CreditCodeFailureReason | 'NOT_A_STRING', node?: ValueNode): GraphQLError {
  const original = new BadInputError('INVALID_CREDIT_CODE', message, { reason: detail });
  return new GraphQLError(message, {
    nodes: node ? [node] : undefined,
    originalError: original,
    extensions: { code: original.code, reason: original.reason, details: original.details },
  });
}

function parseCreditCode(value: unknown, node?: ValueNode): string {
  if (typeof value !== 'string') {
    throw invalidInput(`${CREDIT_CODE_SCALAR_NAME} must be a string; got ${typeof value}.`, 'NOT_A_STRING', node);
  }
  const result = validateCreditCode(value);
  if (!result.valid) throw invalidInput(result.message, result.reason, node);
  return value;
}

/**
 * Code-first scalar for a unified social credit code. Register the class as a provider of a module
 * the GraphQL module includes, then use it as `@Field(() => UnifiedSocialCreditCodeScalar)`.
 * Inputs are validated before any resolver runs; invalid ones fail with `BAD_USER_INPUT`.
 */
@Scalar(CREDIT_CODE_SCALAR_NAME)
export class UnifiedSocialCreditCodeScalar implements CustomScalar<string, string> {
  description =
    'A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, digits and capital ' +
    'letters except I, O, Z, S and V, the last being a check character. Lower case is rejected, not converted.';

  parseValue(value: unknown): string {
    return parseCreditCode(value);
  }

  parseLiteral(node: ValueNode): string {
    if (node.kind !== Kind.STRING) {
      // The literal itself is not echoed back: it may be a large object.
      throw invalidInput(`${CREDIT_CODE_SCALAR_NAME} must be a string literal; got ${node.kind}.`, 'NOT_A_STRING', node);
    }
    return parseCreditCode(node.value, node);
  }

  // Outputs are checked too: an invalid stored code is a data fault, so it fails as a server error
  // (logged with an error id) instead of reaching clients that trust the scalar.
  serialize(value: unknown): string {
    if (typeof value !== 'string' || !validateCreditCode(value).valid) {
      throw new TypeError(`${CREDIT_CODE_SCALAR_NAME} cannot serialize a value that is not a valid code.`);
    }
    return value;
  }
}

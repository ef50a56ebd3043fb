import { randomUUID } from 'node:crypto';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError, PublicErrorCode } from './domain-error';

const PASS_THROUGH_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
]);

interface HttpLikeException {
  getStatus(): number;
  getResponse(): string | { message?: string | string[] };
}

function isHttpLike(error: unknown): error is HttpLikeException {
  return typeof error === 'object' && error !== null && 'getStatus' in error && 'getResponse' in error;
}

/**
 * Turns what a resolver threw into the error a client sees: domain errors keep their code, reason and
 * details; validation failures become BAD_USER_INPUT; anything unexpected is logged with an error id
 * and reaches the caller as INTERNAL_SERVER_ERROR with that id and no stack trace.
 */
export function createGraphQLErrorFormatter(logError: (errorId: string, error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const base = { locations: formatted.locations, path: formatted.path };
    if (original instanceof DomainError) {
      return { ...base, message: original.message, extensions: { code: original.code, reason: original.reason, ...(original.details ? { details: original.details } : {}) } };
    }
    if (isHttpLike(original)) {
      const status = original.getStatus();
      const response = original.getResponse();
      const messages = typeof response === 'string' ? [response] : ([] as string[]).concat(response.message ?? original.getStatus().toString());
      const code =
        status === 400 ? PublicErrorCode.BAD_USER_INPUT
        : status === 401 ? PublicErrorCode.UNAUTHENTICATED
        : status === 403 ? PublicErrorCode.FORBIDDEN
        : status === 404 ? PublicErrorCode.NOT_FOUND
        : status === 409 ? PublicErrorCode.CONFLICT
        : status === 429 ? PublicErrorCode.TOO_MANY_REQUESTS
        : undefined;
      if (code) return { ...base, message: messages.join('; '), extensions: { code, reason: code === PublicErrorCode.BAD_USER_INPUT ? 'INVALID_INPUT' : code, details: { problems: messages } } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASS_THROUGH_CODES.has(code)) {
      const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const errorId = randomUUID();
    logError(errorId, original);
    return { ...base, message: `Something went wrong on our side. Quote error id ${errorId} when you report it.`, extensions: { code: PublicErrorCode.INTERNAL_SERVER_ERROR, errorId } };
  };
}

/**
 * The public error codes every GraphQL error carries in `extensions.code` (and REST maps to HTTP
 * status). Services throw `DomainError` subclasses with their own detailed `reason`; one mapper per
 * service turns them into these codes.
 */
export enum PublicErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export const HTTP_STATUS_BY_CODE: Record<PublicErrorCode, number> = {
  [PublicErrorCode.BAD_USER_INPUT]: 400,
  [PublicErrorCode.UNAUTHENTICATED]: 401,
  [PublicErrorCode.FORBIDDEN]: 403,
  [PublicErrorCode.NOT_FOUND]: 404,
  [PublicErrorCode.CONFLICT]: 409,
  [PublicErrorCode.TOO_MANY_REQUESTS]: 429,
  [PublicErrorCode.INTERNAL_SERVER_ERROR]: 500,
};

/**
 * A failure the caller can act on. `reason` is a stable machine-readable detail (for example
 * `CREDIT_CODE_TAKEN`); `details` may name the offending fields. Never put personal data in them.
 */
export class DomainError extends Error {
  constructor(
    readonly code: PublicErrorCode,
    readonly reason: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadInputError extends DomainError {
  constructor(reason: string, message: string, details?: Record<string, unknown>) {
    super(PublicErrorCode.BAD_USER_INPUT, reason, message, details);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in first: this operation is not public.') {
    super(PublicErrorCode.UNAUTHENTICATED, 'UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(reason = 'FORBIDDEN', message = 'You may not do this in this association.') {
    super(PublicErrorCode.FORBIDDEN, reason, message);
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id?: string) {
    super(PublicErrorCode.NOT_FOUND, `${entity.toUpperCase()}_NOT_FOUND`, `${entity} ${id ?? ''} was not found.`.replace('  ', ' '));
  }
}

export class ConflictError extends DomainError {
  constructor(reason: string, message: string, details?: Record<string, unknown>) {
    super(PublicErrorCode.CONFLICT, reason, message, details);
  }
}

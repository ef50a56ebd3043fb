import { BadInputError, ConflictError, DomainError, PublicErrorCode } from '@app/common';

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super(PublicErrorCode.UNAUTHENTICATED, 'INVALID_CREDENTIALS', 'E-mail or password is wrong.');
  }
}

export class EmailTakenError extends ConflictError {
  constructor() {
    super('EMAIL_TAKEN', 'An account with this e-mail already exists.');
  }
}

export class WeakPasswordError extends BadInputError {
  constructor(message: string) {
    super('WEAK_PASSWORD', message);
  }
}

import { BadInputError, ConflictError, ForbiddenError } from '@app/common';

export class AuthorisationRequiredError extends BadInputError {
  constructor() {
    super('AUTHORISATION_REQUIRED', 'A delegate signs only with an authorisation from the legal representative: give its reference.');
  }
}

export class VersionNotSignableError extends ConflictError {
  constructor(status: string) {
    super('VERSION_NOT_SIGNABLE', `Only an adopted or effective convention version can be signed; this one is ${status}.`, { status });
  }
}

export class AlreadySignatoryError extends ConflictError {
  constructor() {
    super('ALREADY_SIGNATORY', 'This unit already has a signature of this convention in force.');
  }
}

export class UnknownOrganizationError extends BadInputError {
  constructor(organizationId: string) {
    super('UNKNOWN_ORGANIZATION', `Organization ${organizationId} is not registered in this association.`, { organizationId });
  }
}

export class NotRepresentativeError extends ForbiddenError {
  constructor() {
    super('NOT_REPRESENTATIVE', 'You may act only for the organization you represent.');
  }
}

export class SignatureEndedError extends ConflictError {
  constructor(reason: string) {
    super('SIGNATURE_ENDED', `This signature has already ended (${reason}).`, { reason });
  }
}

export class SignatureNotRevokedError extends ConflictError {
  constructor(endReason: string | null) {
    super('SIGNATURE_NOT_REVOKED', 'Only a signature ended by the revocation sanction can be restored.', { endReason });
  }
}

export class SignatureDateError extends BadInputError {
  constructor(field: string, message: string) {
    super('INVALID_DATE', message, { field });
  }
}

export class InvalidPeriodError extends BadInputError {
  constructor(message: string) {
    super('INVALID_PERIOD', message);
  }
}

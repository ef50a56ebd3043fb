import { BadInputError, ConflictError, ForbiddenError } from '@app/common';

export class RegistrationClosedError extends ConflictError {
  constructor(message: string) {
    super('REGISTRATION_CLOSED', message);
  }
}

export class AudienceRefusedError extends ForbiddenError {
  constructor(reason: 'AUDIENCE_MEMBERS_ONLY' | 'AUDIENCE_COUNCIL_ONLY' | 'AUDIENCE_INVITED_ONLY', message: string) {
    super(reason, message);
  }
}

export class NotYourOrganizationError extends ForbiddenError {
  constructor() {
    super('NOT_YOUR_ORGANIZATION', 'You may register people only for the organization you represent.');
  }
}

export class NotYourRegistrationError extends ForbiddenError {
  constructor() {
    super('NOT_YOUR_REGISTRATION', 'Only the registrant, its unit or events staff may do this.');
  }
}

export class ContactRequiredError extends BadInputError {
  constructor() {
    super('CONTACT_REQUIRED', 'Give an e-mail address or a phone number for the attendee.');
  }
}

export class AlreadyRegisteredError extends ConflictError {
  constructor() {
    super('ALREADY_REGISTERED', 'This person already holds an active registration for the event.');
  }
}

export class UnitLimitReachedError extends ConflictError {
  constructor(limit: number) {
    super('UNIT_LIMIT_REACHED', `A unit may hold at most ${limit} registrations for this event.`, { limit });
  }
}

export class CancellationClosedError extends ConflictError {
  constructor() {
    super('CANCELLATION_CLOSED', 'The cancellation cut-off has passed.');
  }
}

export class RegistrationNotActiveError extends ConflictError {
  constructor(status: string) {
    super('REGISTRATION_NOT_ACTIVE', `The registration is ${status}.`, { status });
  }
}

export class NoOpenOfferError extends ConflictError {
  constructor(status: string) {
    super('NO_OPEN_OFFER', `No seat is offered to this registration (it is ${status}).`, { status });
  }
}

export class OfferLapsedError extends ConflictError {
  constructor() {
    super('OFFER_LAPSED', 'The seat offer has lapsed.');
  }
}

export class NotPendingApprovalError extends ConflictError {
  constructor(status: string) {
    super('NOT_PENDING_APPROVAL', `The registration is ${status}, not waiting for approval.`, { status });
  }
}

export class AlreadyCheckedInError extends ConflictError {
  constructor() {
    super('ALREADY_CHECKED_IN', 'This registration has already checked in.');
  }
}

export class NotConfirmedError extends ConflictError {
  constructor(status: string) {
    super('NOT_CONFIRMED', `Only confirmed registrations attend; this one is ${status}.`, { status });
  }
}

export class ProxyNotAllowedError extends BadInputError {
  constructor(message = 'This event does not allow attendance by proxy.') {
    super('PROXY_NOT_ALLOWED', message);
  }
}

export class NotATrainingError extends BadInputError {
  constructor() {
    super('NOT_A_TRAINING', 'Attendance certificates are issued for trainings only.');
  }
}

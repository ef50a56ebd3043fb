import { ConflictError, ForbiddenError } from '@app/common';

export class ConventionNotInEffectError extends ConflictError {
  constructor() {
    super('CONVENTION_NOT_IN_EFFECT', 'Amendments are proposed while the convention is in effect.');
  }
}

export class NotSignatoryError extends ForbiddenError {
  constructor() {
    super('NOT_SIGNATORY', 'Only a unit whose signature of this convention is in force may do this.');
  }
}

export class AmendmentStatusError extends ConflictError {
  constructor(status: string, expected: string) {
    super('AMENDMENT_STATUS', `The amendment is ${status}; this needs it ${expected}.`, { status, expected });
  }
}

export class AlreadyCosignedError extends ConflictError {
  constructor() {
    super('ALREADY_COSIGNED', 'This unit already supports the proposal.');
  }
}

export class NotOnRollError extends ForbiddenError {
  constructor() {
    super('NOT_ON_ROLL', 'The unit is not on the roll frozen when the ballot opened.');
  }
}

export class AlreadyVotedError extends ConflictError {
  constructor() {
    super('ALREADY_VOTED', 'This unit has already voted on the amendment.');
  }
}

export class BaseVersionReplacedError extends ConflictError {
  constructor() {
    super('BASE_VERSION_REPLACED', 'The text this amendment was proposed against is no longer in effect.');
  }
}

export class EmptyRollError extends ConflictError {
  constructor() {
    super('EMPTY_ROLL', 'The convention has no signatory unit in force: there is nobody to vote.');
  }
}

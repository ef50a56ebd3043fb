import { BadInputError, ConflictError } from '@app/common';

export class TermNumberTakenError extends ConflictError {
  constructor(termNumber: number) {
    super('TERM_NUMBER_TAKEN', `Council term ${termNumber} already exists in this association.`);
  }
}

export class TermsOverlapError extends ConflictError {
  constructor(otherTermNumber: number) {
    super('TERMS_OVERLAP', `The dates overlap council term ${otherTermNumber}.`, { otherTermNumber });
  }
}

export class OfficeOutsideTermError extends BadInputError {
  constructor(term: { startsOn: string; endsOn: string }) {
    super('OFFICE_OUTSIDE_TERM', `An office must lie within its term (${term.startsOn} to ${term.endsOn}).`, { termStartsOn: term.startsOn, termEndsOn: term.endsOn });
  }
}

export class InvalidDatesError extends BadInputError {
  constructor(message: string) {
    super('INVALID_DATES', message);
  }
}

export class PostAlreadyHeldError extends ConflictError {
  constructor(post: string, holderName: string) {
    super('POST_ALREADY_HELD', `${post} is held by ${holderName} for part of that period; only one holder at a time.`, { post });
  }
}

export class HolderAlreadyInPostError extends ConflictError {
  constructor(post: string) {
    super('HOLDER_ALREADY_IN_POST', `This holder already holds ${post} for part of that period.`, { post });
  }
}

export class HolderRequiredError extends BadInputError {
  constructor() {
    super('HOLDER_REQUIRED', 'Name the holder: an organization, a person name, or both.');
  }
}

export class HolderOrganizationUnknownError extends BadInputError {
  constructor() {
    super('HOLDER_ORGANIZATION_UNKNOWN', 'The holder organization is not registered in this association.');
  }
}

export class RotationScheduleError extends BadInputError {
  constructor(reason: string, message: string, details?: Record<string, unknown>) {
    super(reason, message, details);
  }
}

export class OfficeAlreadyEndedError extends ConflictError {
  constructor(endsOn: string) {
    super('OFFICE_ALREADY_ENDED', `This office already ended on ${endsOn}.`);
  }
}

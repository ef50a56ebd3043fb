import { BadInputError, ConflictError } from '@app/common';

export class BatchNumberTakenError extends ConflictError {
  constructor(batchNumber: number) {
    super('BATCH_NUMBER_TAKEN', `Expert batch ${batchNumber} already exists in this association.`);
  }
}

export class LetterNumberTakenError extends ConflictError {
  constructor(letterNumber: string) {
    super('LETTER_NUMBER_TAKEN', `Appointment letter ${letterNumber} is already recorded.`);
  }
}

export class ExpertDatesError extends BadInputError {
  constructor(message: string) {
    super('INVALID_DATES', message);
  }
}

export class OrganizationUnknownError extends BadInputError {
  constructor() {
    super('ORGANIZATION_UNKNOWN', 'The organization is not registered in this association.');
  }
}

export class ExpertAlreadyEndedError extends ConflictError {
  constructor() {
    super('EXPERT_ALREADY_ENDED', 'This appointment has already ended.');
  }
}

export class ConflictAlreadyDeclaredError extends ConflictError {
  constructor() {
    super('CONFLICT_ALREADY_DECLARED', 'This conflict of interest is already declared.');
  }
}

export class NotEnoughEligibleExpertsError extends ConflictError {
  constructor(requested: number, eligible: number) {
    super('NOT_ENOUGH_ELIGIBLE_EXPERTS', `A panel of ${requested} was asked for but only ${eligible} experts are eligible (in office, in the field, without a conflict).`, { requested, eligible });
  }
}

import { BadInputError, ConflictError } from '@app/common';

export class SanctionInputError extends BadInputError {
  constructor(reason: string, message: string, field?: string) {
    super(reason, message, field ? { field } : undefined);
  }
}

export class SanctionGradeNotAllowedError extends ConflictError {
  constructor(message: string) {
    super('SANCTION_GRADE_NOT_ALLOWED', message);
  }
}

export class AppealClosedError extends ConflictError {
  constructor(why: 'DEADLINE_PASSED' | 'ALREADY_APPEALED') {
    super('APPEAL_CLOSED', why === 'DEADLINE_PASSED' ? 'The appeal window has closed.' : 'This sanction has already been appealed.', { why });
  }
}

export class NoPendingAppealError extends ConflictError {
  constructor() {
    super('NO_PENDING_APPEAL', 'This sanction has no appeal awaiting review.');
  }
}

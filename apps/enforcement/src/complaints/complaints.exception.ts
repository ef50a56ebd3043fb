import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '@app/common';

export class RespondentNotSignatoryError extends BadInputError {
  constructor() {
    super('RESPONDENT_NOT_SIGNATORY', 'The respondent holds no signature of this convention in force: complaints under a convention concern its signatories.');
  }
}

export class ComplainantNotSignatoryError extends ForbiddenError {
  constructor() {
    super('COMPLAINANT_NOT_SIGNATORY', 'A complaint as a signatory must come from a unit whose signature of this convention is in force.');
  }
}

export class UnknownArticlesError extends BadInputError {
  constructor(missing: number[]) {
    super('UNKNOWN_ARTICLES', `The convention in effect has no article ${missing.join(', ')}.`, { missing });
  }
}

export class NoEffectiveVersionError extends ConflictError {
  constructor() {
    super('CONVENTION_NOT_IN_EFFECT', 'This convention has no version in effect.');
  }
}

export class ComplaintInputError extends BadInputError {
  constructor(reason: string, message: string, field?: string) {
    super(reason, message, field ? { field } : undefined);
  }
}

export class WrongStageError extends ConflictError {
  constructor(stage: string, message: string) {
    super('WRONG_STAGE', message, { stage });
  }
}

export class InvestigatorConflictError extends ConflictError {
  constructor(why: 'RESPONDENT_ORGANIZATION' | 'COMPLAINANT_ORGANIZATION' | 'DECLARED_CONFLICT') {
    super('INVESTIGATOR_CONFLICT', 'This investigator has a conflict of interest with a party to the case.', { why });
  }
}

export class AlreadyAssignedError extends ConflictError {
  constructor() {
    super('ALREADY_ASSIGNED', 'This investigator is already assigned to the case.');
  }
}

export class NoInvestigatorError extends ConflictError {
  constructor() {
    super('NO_INVESTIGATOR', 'Assign an investigator before recording a finding.');
  }
}

export class ReplyWindowOpenError extends ConflictError {
  constructor(replyDueOn: string) {
    super('REPLY_WINDOW_OPEN', `The respondent may still reply until ${replyDueOn}; the finding waits for the reply or the deadline.`, { replyDueOn });
  }
}

export class ReplyClosedError extends ConflictError {
  constructor(reason: 'DEADLINE_PASSED' | 'ALREADY_REPLIED' | 'NOT_INVITED') {
    super('REPLY_CLOSED', 'The reply period is over or a reply was already made.', { why: reason });
  }
}

export class DecisionNotAllowedError extends ConflictError {
  constructor(message: string) {
    super('DECISION_NOT_ALLOWED', message);
  }
}

export class IdempotencyKeyReusedError extends ConflictError {
  constructor() {
    super('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request.');
  }
}

export class IdentityPurgedError extends ConflictError {
  constructor() {
    super('IDENTITY_PURGED', "The complainant's identity was erased at the end of the retention period.");
  }
}

/** Unknown code and wrong secret give the same answer. */
export class ComplaintNotFoundError extends NotFoundError {
  constructor(what = 'Complaint') {
    super(what);
  }
}

import { BadInputError, ConflictError, ForbiddenError } from '@app/common';

export class ProgrammeNotConfiguredError extends BadInputError {
  constructor() {
    super('PROGRAMME_NOT_CONFIGURED', "The association's standards programme is not configured yet: an admin sets its code with configureStandardsProgramme first.");
  }
}

export class ProgrammeCodeTakenError extends ConflictError {
  constructor(code: string) {
    super('PROGRAMME_CODE_TAKEN', `Another association already publishes standards under the code ${code}.`);
  }
}

export class InvalidProgrammeSettingError extends BadInputError {
  constructor(field: string, message: string) {
    super('INVALID_PROGRAMME_SETTING', message, { field });
  }
}

export class ProposalIncompleteError extends BadInputError {
  constructor(missing: string[]) {
    super('PROPOSAL_INCOMPLETE', `A proposal needs ${missing.join(', ')}.`, { missing });
  }
}

export class TransitionNotAllowedError extends ConflictError {
  constructor(from: string, to: string) {
    super('TRANSITION_NOT_ALLOWED', `A standard in ${from} cannot move to ${to}.`, { from, to });
  }
}

export class StaleStandardError extends ConflictError {
  constructor() {
    super('STANDARD_CHANGED', 'The standard changed since you read it; read it again and retry.');
  }
}

/** A lifecycle guard refused the move; `reason` names the guard. */
export class GuardFailedError extends ConflictError {
  constructor(reason: string, message: string, details?: Record<string, unknown>) {
    super(reason, message, details);
  }
}

export class InvalidTransitionInputError extends BadInputError {
  constructor(reason: string, message: string, details?: Record<string, unknown>) {
    super(reason, message, details);
  }
}

export class NotOnBallotError extends ForbiddenError {
  constructor() {
    super('NOT_ON_BALLOT', 'You are not on the roll of this ballot.');
  }
}

export class ExcludedFromBallotError extends ForbiddenError {
  constructor(reason: string) {
    super('EXCLUDED_FROM_BALLOT', `You are excluded from this ballot (${reason}).`);
  }
}

export class BallotClosedError extends ConflictError {
  constructor() {
    super('BALLOT_CLOSED', 'This ballot is closed.');
  }
}

export class AlreadyVotedError extends ConflictError {
  constructor() {
    super('ALREADY_VOTED', 'You have already voted on this ballot.');
  }
}

export class ConsultationNotOpenError extends ConflictError {
  constructor() {
    super('CONSULTATION_NOT_OPEN', 'This consultation is not open for comments.');
  }
}

export class PublicCommentNotAllowedError extends ForbiddenError {
  constructor() {
    super('PUBLIC_COMMENT_NOT_ALLOWED', 'This consultation is open to members and experts only; sign in to comment.');
  }
}

export class DispositionReasonRequiredError extends BadInputError {
  constructor() {
    super('DISPOSITION_REASON_REQUIRED', 'A comment not accepted needs the reason in the observations.', { field: 'observation' });
  }
}

export class DraftFrozenError extends ConflictError {
  constructor() {
    super('DRAFTING_CLOSED', 'Drafts can be saved only while the standard is being drafted or its comments resolved or reviewed.');
  }
}

export class DraftVersionNotFoundError extends BadInputError {
  constructor(version: string) {
    super('DRAFT_VERSION_NOT_FOUND', `The standard has no draft version ${version}.`, { version });
  }
}

export class UnknownOrganizationError extends BadInputError {
  constructor(organizationId: string) {
    super('UNKNOWN_ORGANIZATION', `Organization ${organizationId} is not known in this association.`, { organizationId });
  }
}

export class UnknownExpertError extends BadInputError {
  constructor(expertId: string) {
    super('UNKNOWN_EXPERT', `Expert ${expertId} is not an appointed expert of this association.`, { expertId });
  }
}

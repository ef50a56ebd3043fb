import { BadInputError, ConflictError } from '@app/common';

export class ApplicationClosedError extends ConflictError {
  constructor(status: string) {
    super('APPLICATION_CLOSED', `The application is ${status}; it can no longer be reviewed or decided.`);
  }
}

export class CriteriaNotMetError extends BadInputError {
  constructor(open: string[]) {
    super('CRITERIA_NOT_MET', `Approval needs every criterion reviewed and met; not yet: ${open.join(', ')}.`, { criteria: open });
  }
}

export class SiteVisitRequiredError extends BadInputError {
  constructor() {
    super('SITE_VISIT_REQUIRED', 'A branch of a company registered elsewhere needs a site visit (实地考察) found satisfactory before approval.');
  }
}

export class RejectionReasonsRequiredError extends BadInputError {
  constructor() {
    super('REJECTION_REASONS_REQUIRED', 'A rejection must state reasons the applicant can read.');
  }
}

export class ApplicantDetailsRequiredError extends BadInputError {
  constructor(kind: string) {
    super('APPLICANT_DETAILS_REQUIRED', kind === 'UNIT' ? 'A unit application needs the organization.' : 'An individual application needs the person.');
  }
}

export class ObjectionWindowClosedError extends ConflictError {
  constructor(until: string) {
    super('OBJECTION_WINDOW_CLOSED', `Objections to this notice were accepted until ${until}.`);
  }
}

export class ObjectionAlreadyDecidedError extends ConflictError {
  constructor() {
    super('OBJECTION_ALREADY_DECIDED', 'This objection has already been decided.');
  }
}

import { BadInputError, ConflictError } from '@app/common';

export class InvalidDateError extends BadInputError {
  constructor(field: string, message = `${field} must be a calendar date (YYYY-MM-DD).`) {
    super('INVALID_DATE', message, { field });
  }
}

export class ConventionTitleTakenError extends ConflictError {
  constructor(title: string) {
    super('CONVENTION_TITLE_TAKEN', `A convention titled ${title} already exists in this association.`);
  }
}

export class ParentConventionRequiredError extends BadInputError {
  constructor() {
    super('PARENT_CONVENTION_REQUIRED', 'A sub-industry agreement is annexed to a parent convention, and only such an agreement has a parent.');
  }
}

export class CompetentAuthorityRequiredError extends BadInputError {
  constructor() {
    super('COMPETENT_AUTHORITY_REQUIRED', 'Name the competent authority whose approval the convention requires.');
  }
}

export class NoArticlesError extends BadInputError {
  constructor() {
    super('TEXT_HAS_NO_ARTICLES', 'The text has no article (第一条 …): nothing could be imported.');
  }
}

export class VersionStatusError extends ConflictError {
  constructor(status: string, expected: string, action: string) {
    super('VERSION_STATUS', `Cannot ${action} a ${status} version; it must be ${expected}.`, { status, expected });
  }
}

export class DraftExistsError extends ConflictError {
  constructor() {
    super('DRAFT_EXISTS', 'The convention already has a draft version; revise that one.');
  }
}

export class AdoptionMethodNotAllowedError extends BadInputError {
  constructor(method: string, why: string) {
    super('ADOPTION_METHOD_NOT_ALLOWED', `${method} cannot adopt this version: ${why}`, { method });
  }
}

export class AdoptionRecordIncompleteError extends BadInputError {
  constructor(field: string, why: string) {
    super('ADOPTION_RECORD_INCOMPLETE', why, { field });
  }
}

export class AuthorityApprovalRequiredError extends BadInputError {
  constructor(authority: string | null) {
    super('AUTHORITY_APPROVAL_REQUIRED', `This convention takes effect only with the approval of ${authority ?? 'the competent authority'}; record it.`);
  }
}

export class AmendmentBallotRequiredError extends ConflictError {
  constructor() {
    super('AMENDMENT_BALLOT_REQUIRED', 'The convention has been in effect: a new text is adopted only through an amendment ballot of its signatory units.');
  }
}

export class ParentNotInEffectError extends ConflictError {
  constructor() {
    super('PARENT_NOT_IN_EFFECT', 'An annex is adopted only under a parent convention that is in effect.');
  }
}

export class InsufficientConsentError extends BadInputError {
  constructor(consenting: number, required: number, roll: number) {
    super('INSUFFICIENT_CONSENT', `${consenting} of ${roll} signatory units consented; the annex needs at least ${required}.`, { consenting, required, roll });
  }
}

export class AlreadyPublishedError extends ConflictError {
  constructor() {
    super('ALREADY_PUBLISHED', 'The publication of this version is already recorded.');
  }
}

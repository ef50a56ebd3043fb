import { BadInputError, ConflictError } from '@app/common';

export class NotOpenForFeedbackError extends ConflictError {
  constructor(versionId: string) {
    super('NOT_OPEN_FOR_FEEDBACK', `Version ${versionId} is not a draft open for feedback.`, { versionId });
  }
}

export class FeedbackArticleNotFoundError extends BadInputError {
  constructor(versionId: string, articleNumber: number) {
    super('ARTICLE_NOT_FOUND', `The draft has no article ${articleNumber}.`, { versionId, articleNumber });
  }
}

export class OpinionOutsideDraftsError extends BadInputError {
  constructor() {
    super('OPINION_OUTSIDE_DRAFTS', 'An opinion refers to a draft the form does not name.');
  }
}

export class SealRequiredError extends BadInputError {
  constructor() {
    super('SEAL_REQUIRED', "Feedback on behalf of a unit carries the unit's seal (加盖公章).");
  }
}

export class SignatureRequiredError extends BadInputError {
  constructor() {
    super('SIGNATURE_REQUIRED', 'Feedback from an individual is signed (签名).');
  }
}

export class EmptyFeedbackError extends BadInputError {
  constructor() {
    super('EMPTY_FEEDBACK', 'Give at least one opinion on an article or another suggestion.');
  }
}

export class ContactRequiredError extends BadInputError {
  constructor() {
    super('CONTACT_REQUIRED', 'Give a phone number or an e-mail address to be contacted at.');
  }
}

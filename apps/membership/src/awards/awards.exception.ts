import { BadInputError, ConflictError, ForbiddenError } from '@app/common';

export class AwardRoundExistsError extends ConflictError {
  constructor(year: number, category: string) {
    super('AWARD_ROUND_EXISTS', `There is already a ${category} round for ${year}.`);
  }
}

export class AwardRoundStageError extends ConflictError {
  constructor(status: string, expected: string[]) {
    super('AWARD_ROUND_WRONG_STAGE', `The round is ${status}; this needs it to be ${expected.join(' or ')}.`, { status, expected });
  }
}

export class NomineeError extends BadInputError {
  constructor(reason: 'NOMINEE_ORGANIZATION_REQUIRED' | 'NOMINEE_NAME_REQUIRED' | 'NOMINEE_ORGANIZATION_UNKNOWN' | 'ALREADY_NOMINATED', message: string) {
    super(reason, message);
  }
}

export class PanelMemberRecusedError extends ConflictError {
  constructor(reason: string) {
    super('PANEL_MEMBER_RECUSED', `This panel member is recused from this nominee (${reason}); their score is not accepted.`, { recusal: reason });
  }
}

export class NotThisPanelMemberError extends ForbiddenError {
  constructor() {
    super('NOT_THIS_PANEL_MEMBER', 'Only the secretariat or the panel member themselves may enter this score.');
  }
}

export class AlreadyScoredError extends ConflictError {
  constructor() {
    super('ALREADY_SCORED', 'This panel member has already scored this nominee.');
  }
}

export class NothingToScoreError extends ConflictError {
  constructor(what: 'NOMINATIONS' | 'PANEL') {
    super(what === 'NOMINATIONS' ? 'NO_NOMINATIONS' : 'NO_PANEL', what === 'NOMINATIONS' ? 'The round has no nominations.' : 'The round has no scoring panel.');
  }
}

export class NoCouncilOnDateError extends ConflictError {
  constructor(date: string) {
    super('NO_COUNCIL_ON_DATE', `No council members hold office on ${date}.`);
  }
}

export class NotOnCouncilRollError extends ForbiddenError {
  constructor() {
    super('NOT_ON_COUNCIL_ROLL', 'You hold no seat on the roll of this ballot.');
  }
}

export class AlreadyVotedError extends ConflictError {
  constructor() {
    super('ALREADY_VOTED', 'This seat has already voted on this ballot.');
  }
}

export class NoticeDatesError extends BadInputError {
  constructor(message: string) {
    super('INVALID_DATES', message);
  }
}

export class NoticeNotOverError extends ConflictError {
  constructor(endsOn: string) {
    super('NOTICE_PERIOD_NOT_OVER', `The public notice runs until ${endsOn}.`);
  }
}

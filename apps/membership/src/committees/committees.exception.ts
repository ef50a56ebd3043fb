import { BadInputError, ConflictError } from '@app/common';

export class CommitteeNameTakenError extends ConflictError {
  constructor(name: string) {
    super('COMMITTEE_NAME_TAKEN', `A committee named ${name} already exists.`);
  }
}

export class CommitteePositionHeldError extends ConflictError {
  constructor(position: string) {
    super('POSITION_ALREADY_HELD', `${position} is held by someone else for part of that period; only one holder at a time.`, { position });
  }
}

export class CommitteeDatesError extends BadInputError {
  constructor(message: string) {
    super('INVALID_DATES', message);
  }
}

export class CommitteeHolderError extends BadInputError {
  constructor(reason: 'HOLDER_REQUIRED' | 'HOLDER_ORGANIZATION_UNKNOWN', message: string) {
    super(reason, message);
  }
}

export class AlreadyMemberUnitError extends ConflictError {
  constructor() {
    super('ALREADY_MEMBER_UNIT', 'This organization is already a member unit of the committee.');
  }
}

export class NotMemberUnitError extends BadInputError {
  constructor() {
    super('NOT_MEMBER_UNIT', 'This organization is not a current member unit of the committee.');
  }
}

import { BadInputError, ConflictError, ForbiddenError } from '@app/common';

export class NotAMeetingError extends BadInputError {
  constructor() {
    super('NOT_A_MEETING', 'Agendas and votes belong to member congresses and council meetings.');
  }
}

export class InvalidAppointmentsError extends BadInputError {
  constructor(message: string) {
    super('INVALID_APPOINTMENTS', message);
  }
}

export class VoteNotPendingError extends ConflictError {
  constructor(status: string) {
    super('VOTE_NOT_PENDING', `The item is ${status}; only a pending item can be put to the vote.`, { status });
  }
}

export class VoteNotOpenError extends ConflictError {
  constructor(status: string) {
    super('VOTE_NOT_OPEN', `The item is ${status}, not open for votes.`, { status });
  }
}

export class QuorumNotMetError extends ConflictError {
  constructor(present: number, required: number, electorate: number) {
    super('QUORUM_NOT_MET', `${present} of ${electorate} present; a quorum needs ${required}. The meeting cannot adopt resolutions.`, { present, required, electorate });
  }
}

export class NoElectorateError extends ConflictError {
  constructor() {
    super('NO_ELECTORATE', 'Nobody is entitled to vote on the meeting date.');
  }
}

export class NotInElectorateError extends ForbiddenError {
  constructor() {
    super('NOT_IN_ELECTORATE', 'This seat is not entitled to vote on the item.');
  }
}

export class NotYourSeatError extends ForbiddenError {
  constructor() {
    super('NOT_YOUR_SEAT', 'You may vote only for the seat your grant names.');
  }
}

export class VoterNotPresentError extends ConflictError {
  constructor() {
    super('VOTER_NOT_PRESENT', 'Only seats recorded as attending may vote.');
  }
}

export class AlreadyVotedError extends ConflictError {
  constructor() {
    super('ALREADY_VOTED', 'This seat has already voted on the item.');
  }
}

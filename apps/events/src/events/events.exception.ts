import { BadInputError, ConflictError, ForbiddenError } from '@app/common';

export class InvalidScheduleError extends BadInputError {
  constructor(message: string) {
    super('INVALID_SCHEDULE', message);
  }
}

export class InvalidDateRangeError extends BadInputError {
  constructor(message: string) {
    super('INVALID_DATE_RANGE', message);
  }
}

export class EventNotDraftError extends ConflictError {
  constructor(status: string) {
    super('EVENT_NOT_DRAFT', `Only a draft can be published; this event is ${status}.`, { status });
  }
}

export class ReadOnlyRoleError extends ForbiddenError {
  constructor() {
    super('READ_ONLY', 'Regulators read; they do not change events.');
  }
}

export class InviteesRequiredError extends BadInputError {
  constructor() {
    super('INVITEES_REQUIRED', 'An event for invited organizations needs at least one invited organization.');
  }
}

export class EventCancelledError extends ConflictError {
  constructor() {
    super('EVENT_CANCELLED', 'The event has been called off.');
  }
}

export class EventOverError extends ConflictError {
  constructor() {
    super('EVENT_OVER', 'The event has already ended; it can no longer be changed or called off.');
  }
}

export class EventAlreadyHeldError extends ConflictError {
  constructor(details: { attendanceRecorded: number; agendaItemsVoted: number }) {
    super('EVENT_ALREADY_HELD', 'Attendance or meeting votes have been recorded for this event; it can no longer be called off.', details);
  }
}

export class CapacityBelowSeatsHeldError extends ConflictError {
  constructor(capacity: number, seatsHeld: number) {
    super('CAPACITY_BELOW_SEATS_HELD', `${seatsHeld} seats are already held (confirmed, waiting for approval or offered); the capacity cannot go below that.`, { capacity, seatsHeld });
  }
}

export class ReasonRequiredError extends BadInputError {
  constructor(message = 'Say why: changes to a published event and cancellations are announced with a reason.') {
    super('REASON_REQUIRED', message);
  }
}

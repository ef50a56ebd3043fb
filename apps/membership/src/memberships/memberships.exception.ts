import { BadInputError, ConflictError } from '@app/common';

export class LiveMembershipExistsError extends ConflictError {
  constructor() {
    super('ALREADY_A_MEMBER', 'This organization or person already holds a membership (pending, active, in grace or suspended).');
  }
}

export class DuesScheduleMissingError extends BadInputError {
  constructor(grade: string, year: number) {
    super('DUES_SCHEDULE_MISSING', `No dues are set for grade ${grade} in ${year}; set the dues schedule first.`, { grade, year });
  }
}

export class InvoiceAlreadyPaidError extends ConflictError {
  constructor(number: string) {
    super('INVOICE_ALREADY_PAID', `Invoice ${number} is already paid.`);
  }
}

export class PaymentAmountMismatchError extends BadInputError {
  constructor(expected: number, got: number) {
    super('PAYMENT_AMOUNT_MISMATCH', `The invoice is for ${expected} fen; the payment records ${got} fen.`, { expectedFen: expected, amountFen: got });
  }
}

export class DecisionNotAllowedError extends BadInputError {
  constructor(status: string) {
    super('STATUS_NOT_DECIDED_BY_HAND', `${status} is reached through its own procedure (payment, the dues sweep, a public-notice objection), not by a direct decision.`);
  }
}

export class InvalidDateError extends BadInputError {
  constructor(field: string) {
    super('INVALID_DATE', `${field} must be a calendar date YYYY-MM-DD.`, { field });
  }
}

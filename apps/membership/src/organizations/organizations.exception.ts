import { ConflictError } from '@app/common';

export class CreditCodeTakenError extends ConflictError {
  constructor(creditCode: string) {
    super('CREDIT_CODE_TAKEN', `An organization with credit code ${creditCode} is already registered in this association.`);
  }
}

import { OrganizationDirectory1795400000000 } from './1795400000000-organization-directory';
import { ConventionsAndSignatories1795500000000 } from './1795500000000-conventions-and-signatories';
import { AmendmentsFeedbackBulletins1795500001000 } from './1795500001000-amendments-feedback-bulletins';
import { PersonalDataReads1795500002000 } from './1795500002000-personal-data-reads';
import { ComplaintsSanctionsDisputes1795700000000 } from './1795700000000-complaints-sanctions-disputes';
import { SignatoryNotices1795800000000 } from './1795800000000-signatory-notices';
import { SignatureRestoration1796000000000 } from './1796000000000-signature-restoration';
import { WithdrawalKeptThroughRevocation1796100000000 } from './1796100000000-withdrawal-kept-through-revocation';

/** Applied in this order; append new migrations, never edit one that has landed. */
export const ENFORCEMENT_MIGRATIONS = [
  OrganizationDirectory1795400000000,
  ConventionsAndSignatories1795500000000,
  AmendmentsFeedbackBulletins1795500001000,
  PersonalDataReads1795500002000,
  ComplaintsSanctionsDisputes1795700000000,
  SignatoryNotices1795800000000,
  SignatureRestoration1796000000000,
  WithdrawalKeptThroughRevocation1796100000000,
];

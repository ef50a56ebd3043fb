import { IdentityAndTenancy1795400000000 } from './1795400000000-identity-and-tenancy';
import { MembershipCore1795500000000 } from './1795500000000-membership-core';
import { Governance1795600000000 } from './1795600000000-governance';
import { SanctionOverturns1795900000000 } from './1795900000000-sanction-overturns';

/** Applied in this order; append new migrations, never edit one that has landed. */
export const MEMBERSHIP_MIGRATIONS = [IdentityAndTenancy1795400000000, MembershipCore1795500000000, Governance1795600000000, SanctionOverturns1795900000000];

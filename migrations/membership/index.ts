import { IdentityAndTenancy1795400000000 } from './1795400000000-identity-and-tenancy';

/** Applied in this order; append new migrations, never edit one that has landed. */
export const MEMBERSHIP_MIGRATIONS = [IdentityAndTenancy1795400000000];

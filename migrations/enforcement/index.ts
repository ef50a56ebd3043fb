import { OrganizationDirectory1795400000000 } from './1795400000000-organization-directory';

/** Applied in this order; append new migrations, never edit one that has landed. */
export const ENFORCEMENT_MIGRATIONS = [OrganizationDirectory1795400000000];

import { type Identity, Role, STAFF_ROLES, rolesIn } from '@app/auth';

/** The caller holds a MEMBER_REP grant for this organization in this association. */
export function representsOrganization(caller: Identity | undefined, associationId: string, organizationId: string): boolean {
  return !!caller && caller.grants.some((g) => g.associationId === associationId && g.role === Role.MEMBER_REP && g.organizationId === organizationId);
}

/** Staff of the association (or a platform admin) may record acts of any unit; a MEMBER_REP only of its own. */
export function actsForOrganization(caller: Identity | undefined, associationId: string, organizationId: string): boolean {
  if (!caller) return false;
  if (caller.platformAdmin) return true;
  if (rolesIn(caller, associationId).some((role) => STAFF_ROLES.includes(role))) return true;
  return representsOrganization(caller, associationId, organizationId);
}

export function isStaff(caller: Identity | undefined, associationId: string): boolean {
  return !!caller && (caller.platformAdmin || rolesIn(caller, associationId).some((role) => STAFF_ROLES.includes(role)));
}

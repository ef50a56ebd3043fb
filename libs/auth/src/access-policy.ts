import { ForbiddenError, UnauthenticatedError } from '@app/common';
import { associationIdsOf, rolesIn, type Identity } from './identity';
import { Role } from './role';

/**
 * Object-level access checks every resolver and reference resolver makes. Tenancy first: without a
 * role in the association the caller learns nothing of it (FORBIDDEN, the same answer whether or not
 * the object exists inside it).
 */
export function requireIdentity(identity: Identity | undefined): Identity {
  if (!identity) throw new UnauthenticatedError();
  return identity;
}

/** The caller holds one of `roles` in the association (platform admins hold all). */
export function requireRole(identity: Identity | undefined, associationId: string, roles: readonly Role[]): Identity {
  const caller = requireIdentity(identity);
  if (caller.platformAdmin) return caller;
  const held = rolesIn(caller, associationId);
  if (!held.some((role) => roles.includes(role))) {
    throw new ForbiddenError('ROLE_REQUIRED', `This needs one of ${roles.join(', ')} in the association.`);
  }
  return caller;
}

/** The caller may read the association's non-public data: any role in it, a regulator supervising it, or a platform admin. */
export function requireReadAccess(identity: Identity | undefined, associationId: string): Identity {
  const caller = requireIdentity(identity);
  if (caller.platformAdmin || rolesIn(caller, associationId).length > 0) return caller;
  throw new ForbiddenError('NOT_IN_ASSOCIATION', 'You have no role in this association.');
}

export function canRead(identity: Identity | undefined, associationId: string): boolean {
  return !!identity && (identity.platformAdmin || rolesIn(identity, associationId).length > 0);
}

/** Associations the caller may read; `'ALL'` for platform admins. */
export function readableAssociations(identity: Identity | undefined): string[] | 'ALL' {
  const caller = requireIdentity(identity);
  return caller.platformAdmin ? 'ALL' : associationIdsOf(caller);
}

export function requirePlatformAdmin(identity: Identity | undefined): Identity {
  const caller = requireIdentity(identity);
  if (!caller.platformAdmin) throw new ForbiddenError('PLATFORM_ADMIN_REQUIRED', 'Only an operator of this deployment may do this.');
  return caller;
}

/** Regulators read only: a write by a caller whose only role is REGULATOR is refused. */
export function isReadOnly(identity: Identity, associationId: string): boolean {
  const held = rolesIn(identity, associationId);
  return held.length > 0 && held.every((r) => r === Role.REGULATOR);
}

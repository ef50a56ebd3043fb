import { Role } from './role';

export interface RoleGrant {
  associationId: string;
  role: Role;
  /** For MEMBER_REP: the organization represented. */
  organizationId?: string | null;
}

/** Who is calling, as the access token says. Anonymous callers have no identity at all. */
export interface Identity {
  accountId: string;
  email: string | null;
  kind: 'PERSON' | 'API_CLIENT';
  /** Operators of the deployment: create associations and see across all of them. */
  platformAdmin: boolean;
  grants: RoleGrant[];
}

export function rolesIn(identity: Identity | undefined, associationId: string): Role[] {
  if (!identity) return [];
  return identity.grants.filter((g) => g.associationId === associationId).map((g) => g.role);
}

export function associationIdsOf(identity: Identity | undefined): string[] {
  return identity ? [...new Set(identity.grants.map((g) => g.associationId))] : [];
}

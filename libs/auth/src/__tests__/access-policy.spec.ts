import { DomainError, PublicErrorCode } from '@app/common';
import { canRead, isReadOnly, readableAssociations, requireIdentity, requirePlatformAdmin, requireReadAccess, requireRole } from '../access-policy';
import type { Identity, RoleGrant } from '../identity';
import { Role, STAFF_ROLES } from '../role';

const A = 'assoc-a';
const B = 'assoc-b';

function person(grants: RoleGrant[], platformAdmin = false): Identity {
  return { accountId: 'acc-1', email: 'someone@example.org', kind: 'PERSON', platformAdmin, grants };
}

const adminOfA = person([{ associationId: A, role: Role.ADMIN }]);
const memberRepOfA = person([{ associationId: A, role: Role.MEMBER_REP, organizationId: 'org-1' }]);
const regulatorOfA = person([{ associationId: A, role: Role.REGULATOR }]);
const platformAdmin = person([], true);
const nobody = person([]);

function thrown(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected the check to refuse');
}

describe('requireIdentity', () => {
  it('refuses an anonymous caller with UNAUTHENTICATED', () => {
    expect(thrown(() => requireIdentity(undefined))).toMatchObject({ code: PublicErrorCode.UNAUTHENTICATED, reason: 'UNAUTHENTICATED' });
  });
});

describe('requireRole', () => {
  it('passes a caller holding one of the roles in the association', () => {
    expect(requireRole(adminOfA, A, STAFF_ROLES)).toBe(adminOfA);
  });

  it('refuses a role held only in another association (tenant isolation)', () => {
    expect(thrown(() => requireRole(adminOfA, B, [Role.ADMIN]))).toMatchObject({ code: PublicErrorCode.FORBIDDEN, reason: 'ROLE_REQUIRED' });
  });

  it('refuses a role in the association that is not among those required', () => {
    const error = thrown(() => requireRole(memberRepOfA, A, STAFF_ROLES));
    expect(error).toMatchObject({ code: PublicErrorCode.FORBIDDEN, reason: 'ROLE_REQUIRED' });
    expect(error.message).toContain('ADMIN, SECRETARIAT');
  });

  it('refuses a regulator a staff action', () => {
    expect(thrown(() => requireRole(regulatorOfA, A, STAFF_ROLES)).code).toBe(PublicErrorCode.FORBIDDEN);
  });

  it('passes a platform admin in any association', () => {
    expect(requireRole(platformAdmin, B, [Role.ADMIN])).toBe(platformAdmin);
  });

  it('says UNAUTHENTICATED, not FORBIDDEN, to an anonymous caller', () => {
    expect(thrown(() => requireRole(undefined, A, [Role.ADMIN])).code).toBe(PublicErrorCode.UNAUTHENTICATED);
  });

  it('refuses everyone when no role is listed, except a platform admin', () => {
    expect(thrown(() => requireRole(adminOfA, A, [])).code).toBe(PublicErrorCode.FORBIDDEN);
    expect(requireRole(platformAdmin, A, [])).toBe(platformAdmin);
  });
});

describe('requireReadAccess / canRead', () => {
  it.each([
    ['an admin', adminOfA],
    ['a member representative', memberRepOfA],
    ['a regulator', regulatorOfA],
    ['a platform admin', platformAdmin],
  ])('lets %s of the association read it', (_who, identity) => {
    expect(requireReadAccess(identity, A)).toBe(identity);
    expect(canRead(identity, A)).toBe(true);
  });

  it.each([
    ['an admin of another association', adminOfA],
    ['a regulator of another association', regulatorOfA],
    ['a caller without roles', nobody],
  ])('refuses %s with FORBIDDEN NOT_IN_ASSOCIATION', (_who, identity) => {
    expect(thrown(() => requireReadAccess(identity, B))).toMatchObject({ code: PublicErrorCode.FORBIDDEN, reason: 'NOT_IN_ASSOCIATION' });
    expect(canRead(identity, B)).toBe(false);
  });

  it('refuses an anonymous caller with UNAUTHENTICATED, and canRead says false', () => {
    expect(thrown(() => requireReadAccess(undefined, A)).code).toBe(PublicErrorCode.UNAUTHENTICATED);
    expect(canRead(undefined, A)).toBe(false);
  });
});

describe('readableAssociations', () => {
  it('lists each association the caller holds a role in, once', () => {
    const identity = person([
      { associationId: A, role: Role.ADMIN },
      { associationId: A, role: Role.COUNCIL_MEMBER },
      { associationId: B, role: Role.REGULATOR },
    ]);
    expect(readableAssociations(identity)).toEqual([A, B]);
  });

  it('is ALL for a platform admin and empty for a caller without roles', () => {
    expect(readableAssociations(platformAdmin)).toBe('ALL');
    expect(readableAssociations(nobody)).toEqual([]);
  });

  it('refuses an anonymous caller with UNAUTHENTICATED', () => {
    expect(thrown(() => readableAssociations(undefined)).code).toBe(PublicErrorCode.UNAUTHENTICATED);
  });
});

describe('requirePlatformAdmin', () => {
  it('passes a platform admin', () => {
    expect(requirePlatformAdmin(platformAdmin)).toBe(platformAdmin);
  });

  it('refuses an association admin with FORBIDDEN PLATFORM_ADMIN_REQUIRED', () => {
    expect(thrown(() => requirePlatformAdmin(adminOfA))).toMatchObject({ code: PublicErrorCode.FORBIDDEN, reason: 'PLATFORM_ADMIN_REQUIRED' });
  });

  it('refuses an anonymous caller with UNAUTHENTICATED', () => {
    expect(thrown(() => requirePlatformAdmin(undefined)).code).toBe(PublicErrorCode.UNAUTHENTICATED);
  });
});

describe('isReadOnly', () => {
  it('is true for a caller whose only role there is REGULATOR', () => {
    expect(isReadOnly(regulatorOfA, A)).toBe(true);
  });

  it('is false once the caller holds another role there too', () => {
    const both = person([
      { associationId: A, role: Role.REGULATOR },
      { associationId: A, role: Role.SECRETARIAT },
    ]);
    expect(isReadOnly(both, A)).toBe(false);
    expect(isReadOnly(adminOfA, A)).toBe(false);
  });
});

import type { Identity } from '@app/auth';

/** Who acts on a standard: the token's account, with the display name and organization they act under. */
export interface Actor {
  accountId: string;
  displayName: string;
  organizationId: string | null;
}

export const SYSTEM_ACTOR: Actor = { accountId: 'system', displayName: '系统 (scheduled job)', organizationId: null };

export function actorOf(identity: Identity, associationId: string, given?: { displayName?: string | null; organizationId?: string | null } | null): Actor {
  const representing = identity.grants.find((g) => g.associationId === associationId && g.organizationId)?.organizationId ?? null;
  return {
    accountId: identity.accountId,
    displayName: given?.displayName?.trim() || identity.email || `account ${identity.accountId.slice(0, 8)}`,
    organizationId: given?.organizationId ?? representing,
  };
}

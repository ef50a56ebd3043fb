import { createHmac, randomBytes } from 'node:crypto';

export interface DrawCandidate {
  id: string;
  fields: readonly string[];
  appointedOn: string;
  termEndsOn: string;
  endedOn: string | null;
  /** Declared conflicts plus the employer. */
  conflictedOrganizationIds: readonly string[];
}

export interface DrawCriteria {
  onDate: string;
  field: string | null;
  excludeOrganizationIds: readonly string[];
}

/** Whether an expert may sit on the panel: in office on the date, covering the field, with no conflict. */
export function isEligibleForPanel(candidate: DrawCandidate, criteria: DrawCriteria): boolean {
  if (candidate.appointedOn > criteria.onDate || candidate.termEndsOn < criteria.onDate) return false;
  if (candidate.endedOn !== null && candidate.endedOn <= criteria.onDate) return false;
  if (criteria.field !== null && !candidate.fields.includes(criteria.field)) return false;
  return !candidate.conflictedOrganizationIds.some((id) => criteria.excludeOrganizationIds.includes(id));
}

/** 32 random bytes from the operating system's CSPRNG, hex-encoded. */
export function newDrawSeed(): string {
  return randomBytes(32).toString('hex');
}

/**
 * Picks `size` ids: every eligible id gets the key HMAC-SHA256(seed, id) and the lowest keys win. With
 * the recorded seed and eligible list anyone can recompute the draw; without the seed, which comes
 * from the CSPRNG at draw time, nobody could predict it.
 */
export function drawFromSeed(eligibleIds: readonly string[], size: number, seed: string): string[] {
  return eligibleIds
    .map((id) => ({ id, key: createHmac('sha256', Buffer.from(seed, 'hex')).update(id).digest('hex') }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, size)
    .map((entry) => entry.id);
}

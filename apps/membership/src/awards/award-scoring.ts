/** Scores are kept in hundredths of a point (numeric(5,2)): integer arithmetic, no float drift. */
export function toHundredths(score: number | string): number {
  const value = typeof score === 'string' ? Number(score) : score;
  return Math.round(value * 100);
}

export interface NomineeRef {
  /** The nominated unit, or the nominated person's employer. */
  organizationId: string | null;
}

export interface PanelMemberRef {
  organizationId: string | null;
  conflictedOrganizationIds: readonly string[];
}

export type RecusalReason = 'OWN_ORGANIZATION' | 'DECLARED_CONFLICT';

/** Why a panel member must not score a nominee, or null when they may. */
export function recusalReason(member: PanelMemberRef, nominee: NomineeRef): RecusalReason | null {
  if (!nominee.organizationId) return null;
  if (member.organizationId === nominee.organizationId) return 'OWN_ORGANIZATION';
  if (member.conflictedOrganizationIds.includes(nominee.organizationId)) return 'DECLARED_CONFLICT';
  return null;
}

export interface ScoreEntry {
  nominationId: string;
  /** Hundredths of a point. */
  hundredths: number;
}

export interface AggregatedScore {
  nominationId: string;
  /** Number of (non-recused) scores counted. */
  count: number;
  /** Average in hundredths, rounded half up; null without scores. */
  averageHundredths: number | null;
  /** Standard competition rank (1, 2, 2, 4) by average, highest first; null without scores. */
  rank: number | null;
}

/**
 * Averages the scores of each nomination and ranks the nominations. Only scores that were accepted
 * count (recused members cannot have one). Ties share a rank; nominations without scores come last,
 * unranked, in the order given.
 */
export function aggregateScores(nominationIds: readonly string[], scores: readonly ScoreEntry[]): AggregatedScore[] {
  const sums = new Map<string, { sum: number; count: number }>(nominationIds.map((id) => [id, { sum: 0, count: 0 }]));
  for (const score of scores) {
    const entry = sums.get(score.nominationId);
    if (!entry) continue;
    entry.sum += score.hundredths;
    entry.count += 1;
  }
  const aggregated = nominationIds.map((nominationId) => {
    const { sum, count } = sums.get(nominationId)!;
    // Round half up in integers: floor((2·sum + count) / (2·count)).
    return { nominationId, count, averageHundredths: count === 0 ? null : Math.floor((2 * sum + count) / (2 * count)), rank: null as number | null };
  });
  const scored = aggregated.filter((a) => a.averageHundredths !== null).sort((a, b) => b.averageHundredths! - a.averageHundredths!);
  scored.forEach((entry, index) => {
    entry.rank = index > 0 && scored[index - 1].averageHundredths === entry.averageHundredths ? scored[index - 1].rank : index + 1;
  });
  return [...scored, ...aggregated.filter((a) => a.averageHundredths === null)];
}

/** The nominations within the shortlist size by rank (ties at the boundary all make it). */
export function shortlist(aggregated: readonly AggregatedScore[], size: number): string[] {
  return aggregated.filter((a) => a.rank !== null && a.rank <= size).map((a) => a.nominationId);
}

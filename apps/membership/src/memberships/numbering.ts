import type { EntityManager } from 'typeorm';

/**
 * Allocates `count` consecutive numbers from a per-association sequence and returns the first. The
 * upsert locks the sequence row until the caller's transaction ends, so concurrent allocations queue
 * and never hand out the same number; a rollback gives the numbers back.
 */
export async function allocateNumbers(manager: EntityManager, associationId: string, sequence: string, count = 1): Promise<number> {
  const [row] = await manager.query(
    `INSERT INTO membership.number_sequence (association_id, name, last_value) VALUES ($1, $2, $3)
     ON CONFLICT (association_id, name) DO UPDATE SET last_value = number_sequence.last_value + EXCLUDED.last_value
     RETURNING last_value`,
    [associationId, sequence, count],
  );
  return Number(row.last_value) - count + 1;
}

export const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** 会员编号: DEMOCSA-00012, unique in the association for ever. */
export const memberNumber = (shortCode: string, n: number): string => `${shortCode}-${pad(n, 5)}`;

/** 会员证书编号: DEMOCSA-C2026-00012; the short code makes it unique across associations. */
export const certificateNumber = (shortCode: string, year: number, n: number): string => `${shortCode}-C${year}-${pad(n, 5)}`;

/** 入会通知书编号. */
export const admissionNoticeNumber = (shortCode: string, year: number, n: number): string => `${shortCode}-RH${year}-${pad(n, 4)}`;

export const invoiceNumber = (shortCode: string, year: number, n: number): string => `${shortCode}-DUES${year}-${pad(n, 5)}`;


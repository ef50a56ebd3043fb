import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Posts whose holders vote in the council (supervisors and deputy secretaries-general do not). */
export const VOTING_COUNCIL_POSTS = ['PRESIDENT', 'ROTATING_PRESIDENT', 'VICE_PRESIDENT', 'STANDING_DIRECTOR', 'DIRECTOR', 'SECRETARY_GENERAL'] as const;

/** Questions the events service asks of its copy of membership's data. */
@Injectable()
export class MemberDirectoryService {
  async isActiveMemberUnit(manager: EntityManager, associationId: string, organizationId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM events.member_directory WHERE association_id = $1 AND organization_id = $2 AND membership_status = 'ACTIVE'`,
      [associationId, organizationId],
    );
    return rows.length > 0;
  }

  /** Admitted, and not since suspended, lapsed, withdrawn or expelled (no status reported yet means ACTIVE). */
  async isIndividualMember(manager: EntityManager, associationId: string, personId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM events.individual_member i
         LEFT JOIN events.individual_membership_status s ON s.membership_id = i.membership_id
        WHERE i.association_id = $1 AND i.person_id = $2 AND COALESCE(s.status, 'ACTIVE') = 'ACTIVE'`,
      [associationId, personId],
    );
    return rows.length > 0;
  }

  /** ACTIVE member units: the electorate of a member congress. */
  async activeMemberUnits(manager: EntityManager, associationId: string): Promise<string[]> {
    const rows: Array<{ organization_id: string }> = await manager.query(
      `SELECT organization_id FROM events.member_directory WHERE association_id = $1 AND membership_status = 'ACTIVE' ORDER BY organization_id`,
      [associationId],
    );
    return rows.map((r) => r.organization_id);
  }

  /**
   * Council seats holding office on a date (one seat per holding unit, or person when no unit):
   * the electorate of a council meeting on that date.
   */
  async councilSeatsOn(manager: EntityManager, associationId: string, date: string): Promise<string[]> {
    const rows: Array<{ seat: string }> = await manager.query(
      `SELECT DISTINCT COALESCE(holder_organization_id, holder_person_id) AS seat
         FROM events.council_office
        WHERE association_id = $1 AND post = ANY($3::text[]) AND starts_on <= $2::date
          AND (ends_on IS NULL OR ends_on >= $2::date)
          AND NOT (change = 'ENDED' AND ends_on IS NULL)
        ORDER BY 1`,
      [associationId, date, [...VOTING_COUNCIL_POSTS]],
    );
    return rows.map((r) => r.seat);
  }
}

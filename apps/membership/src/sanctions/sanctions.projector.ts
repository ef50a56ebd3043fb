import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OnDomainEvent, type DomainEventEnvelope } from '@app/messaging';

/**
 * Puts sanctions decided by enforcement on the organization's record. A REVOCATION (取消公约成员资格)
 * is recorded like the others: it ends the convention signature, not the membership; expulsion is a
 * separate decision of the association.
 *
 * A sanction overturned on appeal stays on the record, marked with the date it was overturned. The
 * overturn is kept on its own too (membership.sanction_overturn), so one that arrives before the
 * sanction itself is applied as soon as the sanction is recorded. Both handlers first take a
 * transaction lock on the sanction id, so an imposition and an overturn delivered at the same time
 * cannot miss each other.
 */
@Injectable()
export class SanctionsProjector {
  @OnDomainEvent('enforcement.sanction.imposed')
  async onSanctionImposed(event: DomainEventEnvelope<'enforcement.sanction.imposed'>, manager: EntityManager): Promise<void> {
    const p = event.payload;
    if (!(await this.organizationKnown(manager, event.associationId, p.organizationId))) return;
    await this.lockSanction(manager, p.sanctionId);
    await manager.query(
      `INSERT INTO membership.sanction_record (association_id, organization_id, sanction_id, case_id, convention_id, grade, basis_articles, decided_on, publication_scope, published_until, event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (sanction_id) DO NOTHING`,
      [event.associationId, p.organizationId, p.sanctionId, p.caseId, p.conventionId, p.grade, p.basisArticles, p.decidedOn, p.publicationScope, p.publishedUntil, event.id],
    );
    await this.applyOverturn(manager, event.associationId, p.sanctionId);
  }

  @OnDomainEvent('enforcement.sanction.overturned')
  async onSanctionOverturned(event: DomainEventEnvelope<'enforcement.sanction.overturned'>, manager: EntityManager): Promise<void> {
    const p = event.payload;
    if (!(await this.organizationKnown(manager, event.associationId, p.organizationId))) return;
    await this.lockSanction(manager, p.sanctionId);
    // The first overturn received for a sanction is the one that counts; a re-publication changes nothing.
    await manager.query(
      `INSERT INTO membership.sanction_overturn (sanction_id, association_id, organization_id, case_id, overturned_on, event_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (sanction_id) DO NOTHING`,
      [p.sanctionId, event.associationId, p.organizationId, p.caseId, p.overturnedOn, event.id],
    );
    await this.applyOverturn(manager, event.associationId, p.sanctionId);
  }

  /** A sanction against an organization this association does not know (or another tenant's) is ignored. */
  private async organizationKnown(manager: EntityManager, associationId: string | null, organizationId: string): Promise<boolean> {
    if (!associationId) return false;
    const [organization] = await manager.query(`SELECT id FROM membership.organization WHERE id = $1 AND association_id = $2`, [organizationId, associationId]);
    return Boolean(organization);
  }

  private async lockSanction(manager: EntityManager, sanctionId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('membership.sanction:' || $1, 0))`, [sanctionId]);
  }

  /** Marks the recorded sanction overturned if an overturn for it has been received (no-op otherwise or if already marked). */
  private async applyOverturn(manager: EntityManager, associationId: string | null, sanctionId: string): Promise<void> {
    await manager.query(
      `UPDATE membership.sanction_record r
          SET overturned_on = o.overturned_on, overturn_event_id = o.event_id
         FROM membership.sanction_overturn o
        WHERE r.sanction_id = $1 AND r.association_id = $2
          AND o.sanction_id = r.sanction_id AND o.association_id = r.association_id AND o.organization_id = r.organization_id
          AND r.overturned_on IS NULL`,
      [sanctionId, associationId],
    );
  }
}

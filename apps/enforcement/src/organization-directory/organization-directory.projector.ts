import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OnDomainEvent, type DomainEventEnvelope } from '@app/messaging';

/** Applies membership's organization events to the local directory, newest revision wins. */
@Injectable()
export class OrganizationDirectoryProjector {
  /**
   * A snapshot also applies at an equal revision: a status change and the snapshot of the same commit
   * carry the same revision, and the snapshot (a superset) may arrive second.
   */
  @OnDomainEvent('membership.organization.updated')
  async onOrganizationUpdated(event: DomainEventEnvelope<'membership.organization.updated'>, manager: EntityManager): Promise<void> {
    const { organizationId, name, creditCode, membershipStatus, revision } = event.payload;
    await manager.query(
      `INSERT INTO enforcement.organization_directory
         (organization_id, association_id, name, credit_code, membership_status, revision, last_event_id, source_updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (organization_id) DO UPDATE
         SET name = EXCLUDED.name, credit_code = EXCLUDED.credit_code, membership_status = EXCLUDED.membership_status,
             revision = EXCLUDED.revision, last_event_id = EXCLUDED.last_event_id, source_updated_at = EXCLUDED.source_updated_at
       WHERE organization_directory.revision <= EXCLUDED.revision`,
      [organizationId, event.associationId, name, creditCode, membershipStatus, revision, event.id, event.occurredAt],
    );
  }

  @OnDomainEvent('membership.membership.status-changed')
  async onStatusChanged(event: DomainEventEnvelope<'membership.membership.status-changed'>, manager: EntityManager): Promise<void> {
    const { organizationId, status, revision } = event.payload;
    // Unknown organizations are skipped: the organization.updated event of the same commit inserts them.
    await manager.query(
      `UPDATE enforcement.organization_directory
          SET membership_status = $2, revision = $3, last_event_id = $4, source_updated_at = $5
        WHERE organization_id = $1 AND revision < $3`,
      [organizationId, status, revision, event.id, event.occurredAt],
    );
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OnDomainEvent, type DomainEventEnvelope } from '@app/messaging';

/**
 * Keeps the standards service's copies of membership's organizations (working-group units, lead
 * units) and experts (panels, declared conflicts). Organizations: the newest revision wins. Experts
 * carry no revision, so the event's time orders them: an older event never overwrites a newer one.
 */
@Injectable()
export class MembershipDirectoryProjector {
  @OnDomainEvent('membership.organization.updated')
  async onOrganizationUpdated(event: DomainEventEnvelope<'membership.organization.updated'>, manager: EntityManager): Promise<void> {
    const { organizationId, name, creditCode, membershipStatus, revision } = event.payload;
    await manager.query(
      `INSERT INTO standards.organization_directory
         (organization_id, association_id, name, credit_code, membership_status, revision, last_event_id, source_updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (organization_id) DO UPDATE
         SET name = EXCLUDED.name, credit_code = EXCLUDED.credit_code, membership_status = EXCLUDED.membership_status,
             revision = EXCLUDED.revision, last_event_id = EXCLUDED.last_event_id, source_updated_at = EXCLUDED.source_updated_at
       WHERE organization_directory.revision < EXCLUDED.revision`,
      [organizationId, event.associationId, name, creditCode, membershipStatus, revision, event.id, event.occurredAt],
    );
  }

  @OnDomainEvent('membership.expert.changed')
  async onExpertChanged(event: DomainEventEnvelope<'membership.expert.changed'>, manager: EntityManager): Promise<void> {
    const { expertId, personId, name, fields, conflictedOrganizationIds, status, termEndsOn } = event.payload;
    await manager.query(
      `INSERT INTO standards.expert_directory
         (expert_id, association_id, person_id, name, fields, conflicted_organization_ids, status, term_ends_on, last_event_id, source_updated_at)
       VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7, $8, $9, $10)
       ON CONFLICT (expert_id) DO UPDATE
         SET person_id = EXCLUDED.person_id, name = EXCLUDED.name, fields = EXCLUDED.fields,
             conflicted_organization_ids = EXCLUDED.conflicted_organization_ids, status = EXCLUDED.status,
             term_ends_on = EXCLUDED.term_ends_on, last_event_id = EXCLUDED.last_event_id, source_updated_at = EXCLUDED.source_updated_at
       WHERE expert_directory.source_updated_at < EXCLUDED.source_updated_at`,
      [expertId, event.associationId, personId, name, fields, conflictedOrganizationIds, status, termEndsOn, event.id, event.occurredAt],
    );
  }
}

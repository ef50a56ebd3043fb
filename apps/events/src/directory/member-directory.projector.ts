import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OnDomainEvent, type DomainEventEnvelope } from '@app/messaging';

/**
 * Keeps the events service's copy of who is a member and who sits on the council, fed only by
 * membership's events. Organization snapshots and status changes carry a revision: an older event
 * never overwrites newer data. Offices carry no revision; the event time orders them.
 */
@Injectable()
export class MemberDirectoryProjector {
  // A snapshot at revision N is the whole state at N, so it also applies when a status change of the
  // same revision (which carries only the status) arrived first.
  @OnDomainEvent('membership.organization.updated')
  async onOrganizationUpdated(event: DomainEventEnvelope<'membership.organization.updated'>, manager: EntityManager): Promise<void> {
    const { organizationId, name, membershipStatus, revision } = event.payload;
    await manager.query(
      `INSERT INTO events.member_directory
         (organization_id, association_id, name, membership_status, revision, last_event_id, source_updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (organization_id) DO UPDATE
         SET name = EXCLUDED.name, membership_status = EXCLUDED.membership_status, revision = EXCLUDED.revision,
             last_event_id = EXCLUDED.last_event_id, source_updated_at = EXCLUDED.source_updated_at
       WHERE member_directory.revision <= EXCLUDED.revision`,
      [organizationId, event.associationId, name, membershipStatus, revision, event.id, event.occurredAt],
    );
  }

  @OnDomainEvent('membership.membership.status-changed')
  async onStatusChanged(event: DomainEventEnvelope<'membership.membership.status-changed'>, manager: EntityManager): Promise<void> {
    const { organizationId, status, revision } = event.payload;
    // Unknown organizations are skipped: the organization.updated event of the same commit inserts them.
    await manager.query(
      `UPDATE events.member_directory
          SET membership_status = $2, revision = $3, last_event_id = $4, source_updated_at = $5
        WHERE organization_id = $1 AND revision < $3`,
      [organizationId, status, revision, event.id, event.occurredAt],
    );
  }

  @OnDomainEvent('membership.individual.status-changed')
  async onIndividualStatusChanged(event: DomainEventEnvelope<'membership.individual.status-changed'>, manager: EntityManager): Promise<void> {
    const { membershipId, personId, status, revision } = event.payload;
    await manager.query(
      `INSERT INTO events.individual_membership_status (membership_id, association_id, person_id, status, revision, last_event_id, source_updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (membership_id) DO UPDATE
         SET status = EXCLUDED.status, revision = EXCLUDED.revision, last_event_id = EXCLUDED.last_event_id, source_updated_at = EXCLUDED.source_updated_at
       WHERE individual_membership_status.revision < EXCLUDED.revision`,
      [membershipId, event.associationId, personId, status, revision, event.id, event.occurredAt],
    );
  }

  @OnDomainEvent('membership.member.admitted')
  async onMemberAdmitted(event: DomainEventEnvelope<'membership.member.admitted'>, manager: EntityManager): Promise<void> {
    const { membershipId, kind, organizationId, personId, name, grade, memberNumber, admittedOn } = event.payload;
    if (kind === 'UNIT' && organizationId) {
      // Status stays whatever the (revisioned) organization events say; admission adds the member number.
      // Revision 0 for a row created here: any organization event supersedes it.
      await manager.query(
        `INSERT INTO events.member_directory
           (organization_id, association_id, name, membership_status, member_number, grade, admitted_on, revision, last_event_id, source_updated_at)
         VALUES ($1, $2, $3, 'ACTIVE', $4, $5, $6, 0, $7, $8)
         ON CONFLICT (organization_id) DO UPDATE
           SET member_number = EXCLUDED.member_number, grade = EXCLUDED.grade, admitted_on = EXCLUDED.admitted_on`,
        [organizationId, event.associationId, name, memberNumber, grade, admittedOn, event.id, event.occurredAt],
      );
      return;
    }
    if (kind === 'INDIVIDUAL' && personId) {
      await manager.query(
        `INSERT INTO events.individual_member (membership_id, association_id, person_id, name, member_number, admitted_on, last_event_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (membership_id) DO NOTHING`,
        [membershipId, event.associationId, personId, name, memberNumber, admittedOn, event.id],
      );
    }
  }

  @OnDomainEvent('membership.office.changed')
  async onOfficeChanged(event: DomainEventEnvelope<'membership.office.changed'>, manager: EntityManager): Promise<void> {
    const p = event.payload;
    // A holder known only by name (e.g. a secretary-general not in the person register) holds no seat
    // anyone could register or vote for; the office matters to membership only.
    if (!p.holderOrganizationId && !p.holderPersonId) return;
    await manager.query(
      `INSERT INTO events.council_office
         (office_id, association_id, council_term_id, post, holder_organization_id, holder_person_id, holder_name, starts_on, ends_on, change, last_event_id, source_updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (office_id) DO UPDATE
         SET council_term_id = EXCLUDED.council_term_id, post = EXCLUDED.post, holder_organization_id = EXCLUDED.holder_organization_id,
             holder_person_id = EXCLUDED.holder_person_id, holder_name = EXCLUDED.holder_name, starts_on = EXCLUDED.starts_on,
             ends_on = EXCLUDED.ends_on, change = EXCLUDED.change, last_event_id = EXCLUDED.last_event_id, source_updated_at = EXCLUDED.source_updated_at
       WHERE council_office.source_updated_at <= EXCLUDED.source_updated_at`,
      [p.officeId, event.associationId, p.councilTermId, p.post, p.holderOrganizationId, p.holderPersonId, p.holderName, p.startsOn, p.endsOn, p.change, event.id, event.occurredAt],
    );
  }
}

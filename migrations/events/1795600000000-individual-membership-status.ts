import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Status of individual memberships as membership reports it. Kept apart from individual_member so a
 * status change arriving before the admission it follows is not lost; newest revision wins.
 */
export class IndividualMembershipStatus1795600000000 implements MigrationInterface {
  name = 'IndividualMembershipStatus1795600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE events.individual_membership_status (
      membership_id uuid NOT NULL,
      association_id uuid NOT NULL,
      person_id uuid NOT NULL,
      status text NOT NULL,
      revision integer NOT NULL,
      last_event_id uuid NOT NULL,
      source_updated_at timestamptz NOT NULL,
      CONSTRAINT pk_individual_membership_status PRIMARY KEY (membership_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE events.individual_membership_status`);
  }
}

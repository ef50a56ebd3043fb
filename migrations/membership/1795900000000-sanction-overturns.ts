import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sanctions set aside on appeal. The record keeps the sanction and shows when it was overturned; an
 * overturn is also kept on its own, keyed by sanction, so one that arrives before the sanction itself
 * is applied as soon as the sanction is recorded.
 */
export class SanctionOverturns1795900000000 implements MigrationInterface {
  name = 'SanctionOverturns1795900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE membership.sanction_record ADD COLUMN overturned_on date NULL, ADD COLUMN overturn_event_id uuid NULL`);
    await q.query(`ALTER TABLE membership.sanction_record ADD CONSTRAINT ck_sanction_record_overturn CHECK ((overturned_on IS NULL) = (overturn_event_id IS NULL))`);
    await q.query(`CREATE TABLE membership.sanction_overturn (
      sanction_id uuid NOT NULL,
      association_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      case_id uuid NOT NULL,
      overturned_on date NOT NULL,
      event_id uuid NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_sanction_overturn PRIMARY KEY (sanction_id),
      CONSTRAINT fk_sanction_overturn_organization FOREIGN KEY (association_id, organization_id) REFERENCES membership.organization (association_id, id)
    )`);
    await q.query(`CREATE INDEX ix_sanction_overturn_organization ON membership.sanction_overturn (organization_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE membership.sanction_overturn`);
    await q.query(`ALTER TABLE membership.sanction_record DROP CONSTRAINT ck_sanction_record_overturn`);
    await q.query(`ALTER TABLE membership.sanction_record DROP COLUMN overturn_event_id, DROP COLUMN overturned_on`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesV1 } from '../_shared/messaging-tables-v1';

export class OrganizationDirectory1795400000000 implements MigrationInterface {
  name = 'OrganizationDirectory1795400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of messagingTablesV1('enforcement').up) await q.query(sql);
    await q.query(`CREATE TABLE enforcement.organization_directory (
      organization_id uuid NOT NULL,
      association_id uuid NOT NULL,
      name text NOT NULL,
      credit_code varchar(18) NOT NULL,
      membership_status text NOT NULL,
      revision integer NOT NULL,
      last_event_id uuid NOT NULL,
      source_updated_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_organization_directory PRIMARY KEY (organization_id)
    )`);
    await q.query(`CREATE INDEX ix_organization_directory_page ON enforcement.organization_directory (association_id, created_at, organization_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE enforcement.organization_directory`);
    for (const sql of messagingTablesV1('enforcement').down) await q.query(sql);
  }
}

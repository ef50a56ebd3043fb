import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Notices to signatory units (an adopted amendment, for one), each acknowledged by the unit. */
export class SignatoryNotices1795800000000 implements MigrationInterface {
  name = 'SignatoryNotices1795800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE enforcement.signatory_notice (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      convention_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('CONVENTION_AMENDED')),
      subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
      reference_id uuid NOT NULL,
      convention_version_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      acknowledged_at timestamptz,
      acknowledged_by text,
      CONSTRAINT pk_signatory_notice PRIMARY KEY (id),
      CONSTRAINT fk_signatory_notice_convention FOREIGN KEY (convention_id) REFERENCES enforcement.convention (id),
      CONSTRAINT uq_signatory_notice UNIQUE (organization_id, kind, reference_id),
      CONSTRAINT ck_signatory_notice_acknowledged CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL))
    )`);
    await q.query(`CREATE INDEX ix_signatory_notice_unit ON enforcement.signatory_notice (association_id, organization_id, created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE enforcement.signatory_notice`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who read which personal data in full (e.g. a feedback form's contact details), and when. */
export class PersonalDataReads1795500002000 implements MigrationInterface {
  name = 'PersonalDataReads1795500002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE enforcement.personal_data_read (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      actor_account_id uuid NOT NULL,
      subject_type text NOT NULL,
      subject_id uuid NOT NULL,
      request_id text NULL,
      at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_personal_data_read PRIMARY KEY (id)
    )`);
    await q.query(`CREATE INDEX ix_personal_data_read_subject ON enforcement.personal_data_read (subject_type, subject_id, at)`);
    await q.query(`CREATE INDEX ix_personal_data_read_association ON enforcement.personal_data_read (association_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE enforcement.personal_data_read`);
  }
}

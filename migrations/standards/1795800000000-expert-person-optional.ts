import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An expert in membership's pool need not be linked to the person register yet. */
export class ExpertPersonOptional1795800000000 implements MigrationInterface {
  name = 'ExpertPersonOptional1795800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE standards.expert_directory ALTER COLUMN person_id DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM standards.expert_directory WHERE person_id IS NULL`);
    await q.query(`ALTER TABLE standards.expert_directory ALTER COLUMN person_id SET NOT NULL`);
  }
}

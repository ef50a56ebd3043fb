import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A revocation that overtakes a unit's notice of withdrawal keeps the notice: its date stays in
 * `notice_on` and the day the withdrawal would have taken effect moves to `withdrawal_ends_on`. An
 * appeal that overturns the revocation then restores the unit only until that day, or not at all
 * when the day has passed (`WITHDRAWN_MEANWHILE`).
 */
export class WithdrawalKeptThroughRevocation1796100000000 implements MigrationInterface {
  name = 'WithdrawalKeptThroughRevocation1796100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enforcement.convention_signature
      ADD COLUMN withdrawal_ends_on date NULL,
      ADD CONSTRAINT ck_convention_signature_withdrawal_overtaken
        CHECK (withdrawal_ends_on IS NULL OR (end_reason = 'REVOCATION' AND notice_on IS NOT NULL AND withdrawal_ends_on > ended_on))`);
    await q.query(`ALTER TABLE enforcement.sanction
      DROP CONSTRAINT ck_sanction_signature_restoration,
      ADD CONSTRAINT ck_sanction_signature_restoration
        CHECK (signature_restoration IS NULL OR signature_restoration IN ('RESTORED', 'ALREADY_SIGNATORY', 'NO_SIGNABLE_VERSION', 'WITHDRAWN_MEANWHILE'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enforcement.sanction
      DROP CONSTRAINT ck_sanction_signature_restoration,
      ADD CONSTRAINT ck_sanction_signature_restoration
        CHECK (signature_restoration IS NULL OR signature_restoration IN ('RESTORED', 'ALREADY_SIGNATORY', 'NO_SIGNABLE_VERSION'))`);
    await q.query(`ALTER TABLE enforcement.convention_signature
      DROP CONSTRAINT ck_convention_signature_withdrawal_overtaken,
      DROP COLUMN withdrawal_ends_on`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An appeal that overturns a revocation restores the unit as a signatory: the new signature links
 * the revoked one, and the sanction records what the overturn did to the signature.
 */
export class SignatureRestoration1796000000000 implements MigrationInterface {
  name = 'SignatureRestoration1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enforcement.convention_signature
      ADD COLUMN restores_signature_id uuid NULL,
      ADD CONSTRAINT fk_convention_signature_restores FOREIGN KEY (association_id, restores_signature_id) REFERENCES enforcement.convention_signature (association_id, id),
      ADD CONSTRAINT ck_convention_signature_restores CHECK (restores_signature_id IS DISTINCT FROM id)`);
    // A revoked signature is restored at most once.
    await q.query(`CREATE UNIQUE INDEX uq_convention_signature_restores ON enforcement.convention_signature (restores_signature_id) WHERE restores_signature_id IS NOT NULL`);
    await q.query(`ALTER TABLE enforcement.sanction
      ADD COLUMN signature_restoration text NULL,
      ADD COLUMN restored_signature_id uuid NULL,
      ADD CONSTRAINT fk_sanction_restored_signature FOREIGN KEY (association_id, restored_signature_id) REFERENCES enforcement.convention_signature (association_id, id),
      ADD CONSTRAINT ck_sanction_signature_restoration CHECK (signature_restoration IS NULL OR signature_restoration IN ('RESTORED', 'ALREADY_SIGNATORY', 'NO_SIGNABLE_VERSION')),
      ADD CONSTRAINT ck_sanction_restored_signature CHECK ((restored_signature_id IS NOT NULL) = (signature_restoration IS NOT DISTINCT FROM 'RESTORED')),
      ADD CONSTRAINT ck_sanction_restoration_overturned CHECK (signature_restoration IS NULL OR (grade = 'REVOCATION' AND status = 'OVERTURNED'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enforcement.sanction
      DROP CONSTRAINT ck_sanction_restoration_overturned,
      DROP CONSTRAINT ck_sanction_restored_signature,
      DROP CONSTRAINT ck_sanction_signature_restoration,
      DROP CONSTRAINT fk_sanction_restored_signature,
      DROP COLUMN restored_signature_id,
      DROP COLUMN signature_restoration`);
    await q.query(`DROP INDEX enforcement.uq_convention_signature_restores`);
    await q.query(`ALTER TABLE enforcement.convention_signature
      DROP CONSTRAINT ck_convention_signature_restores,
      DROP CONSTRAINT fk_convention_signature_restores,
      DROP COLUMN restores_signature_id`);
  }
}

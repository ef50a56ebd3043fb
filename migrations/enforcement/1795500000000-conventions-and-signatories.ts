import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Conventions (公约, 准则, 倡议书, annexed sub-industry agreements), their versions and structured text, and signatures. */
export class ConventionsAndSignatories1795500000000 implements MigrationInterface {
  name = 'ConventionsAndSignatories1795500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE enforcement.convention (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      kind text NOT NULL,
      title text NOT NULL,
      executing_body text NOT NULL,
      parent_convention_id uuid NULL,
      requires_authority_approval boolean NOT NULL DEFAULT false,
      competent_authority text NULL,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_convention PRIMARY KEY (id),
      CONSTRAINT uq_convention_title UNIQUE (association_id, title),
      CONSTRAINT uq_convention_tenant UNIQUE (association_id, id),
      CONSTRAINT fk_convention_parent FOREIGN KEY (association_id, parent_convention_id) REFERENCES enforcement.convention (association_id, id),
      CONSTRAINT ck_convention_kind CHECK (kind IN ('CONVENTION', 'CODE_OF_ETHICS', 'INITIATIVE', 'SUB_INDUSTRY_AGREEMENT')),
      CONSTRAINT ck_convention_annex CHECK ((kind = 'SUB_INDUSTRY_AGREEMENT') = (parent_convention_id IS NOT NULL)),
      CONSTRAINT ck_convention_authority CHECK (NOT requires_authority_approval OR competent_authority IS NOT NULL)
    )`);
    await q.query(`CREATE INDEX ix_convention_page ON enforcement.convention (association_id, created_at, id)`);

    await q.query(`CREATE TABLE enforcement.convention_version (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      convention_id uuid NOT NULL,
      version_number integer NOT NULL,
      status text NOT NULL DEFAULT 'DRAFT',
      title text NOT NULL,
      source_text text NOT NULL,
      import_warnings jsonb NOT NULL DEFAULT '[]',
      adoption_method text NULL,
      adopted_on date NULL,
      adoption_reference text NULL,
      initiators jsonb NOT NULL DEFAULT '[]',
      consenting_units integer NULL,
      consent_roll_size integer NULL,
      approving_authority text NULL,
      authority_approval_reference text NULL,
      authority_approved_on date NULL,
      effective_on date NULL,
      publication_deadline date NULL,
      published_on date NULL,
      publication_channel text NULL,
      superseded_on date NULL,
      superseded_by_version_id uuid NULL,
      amendment_id uuid NULL,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_convention_version PRIMARY KEY (id),
      CONSTRAINT uq_convention_version_number UNIQUE (convention_id, version_number),
      CONSTRAINT uq_convention_version_tenant UNIQUE (association_id, id),
      CONSTRAINT fk_convention_version_convention FOREIGN KEY (association_id, convention_id) REFERENCES enforcement.convention (association_id, id),
      CONSTRAINT fk_convention_version_superseded_by FOREIGN KEY (superseded_by_version_id) REFERENCES enforcement.convention_version (id),
      CONSTRAINT ck_convention_version_number CHECK (version_number > 0),
      CONSTRAINT ck_convention_version_status CHECK (status IN ('DRAFT', 'ADOPTED', 'EFFECTIVE', 'SUPERSEDED')),
      CONSTRAINT ck_convention_version_method CHECK (adoption_method IS NULL OR adoption_method IN ('MEMBER_CONGRESS_VOTE', 'INITIATOR_SIGNATURES', 'SIGNATORY_CONSENT', 'AMENDMENT_BALLOT')),
      CONSTRAINT ck_convention_version_adopted CHECK (status = 'DRAFT' OR (adoption_method IS NOT NULL AND adopted_on IS NOT NULL AND effective_on IS NOT NULL)),
      CONSTRAINT ck_convention_version_effective_after_adoption CHECK (effective_on IS NULL OR effective_on >= adopted_on),
      CONSTRAINT ck_convention_version_deadline CHECK ((publication_deadline IS NULL) OR (publication_deadline = effective_on + 30)),
      CONSTRAINT ck_convention_version_in_effect CHECK (status NOT IN ('EFFECTIVE', 'SUPERSEDED') OR publication_deadline IS NOT NULL),
      CONSTRAINT ck_convention_version_superseded CHECK ((status = 'SUPERSEDED') = (superseded_on IS NOT NULL)),
      CONSTRAINT ck_convention_version_approval CHECK ((authority_approval_reference IS NULL) = (authority_approved_on IS NULL)),
      CONSTRAINT ck_convention_version_published CHECK ((published_on IS NULL) = (publication_channel IS NULL))
    )`);
    await q.query(`CREATE UNIQUE INDEX ux_convention_version_one_effective ON enforcement.convention_version (convention_id) WHERE status = 'EFFECTIVE'`);
    await q.query(`CREATE UNIQUE INDEX ux_convention_version_one_draft ON enforcement.convention_version (convention_id) WHERE status = 'DRAFT'`);
    await q.query(`CREATE INDEX ix_convention_version_due ON enforcement.convention_version (association_id, status, effective_on)`);
    await q.query(`CREATE INDEX ix_convention_version_unpublished ON enforcement.convention_version (publication_deadline) WHERE published_on IS NULL AND publication_deadline IS NOT NULL`);

    await q.query(`CREATE TABLE enforcement.convention_chapter (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      version_id uuid NOT NULL,
      number integer NOT NULL,
      label text NOT NULL,
      title text NOT NULL,
      CONSTRAINT pk_convention_chapter PRIMARY KEY (id),
      CONSTRAINT uq_convention_chapter_number UNIQUE (version_id, number),
      CONSTRAINT fk_convention_chapter_version FOREIGN KEY (association_id, version_id) REFERENCES enforcement.convention_version (association_id, id) ON DELETE CASCADE,
      CONSTRAINT ck_convention_chapter_number CHECK (number > 0)
    )`);

    await q.query(`CREATE TABLE enforcement.convention_article (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      version_id uuid NOT NULL,
      chapter_number integer NULL,
      number integer NOT NULL,
      label text NOT NULL,
      text text NOT NULL,
      items jsonb NOT NULL DEFAULT '[]',
      CONSTRAINT pk_convention_article PRIMARY KEY (id),
      CONSTRAINT uq_convention_article_number UNIQUE (version_id, number),
      CONSTRAINT fk_convention_article_version FOREIGN KEY (association_id, version_id) REFERENCES enforcement.convention_version (association_id, id) ON DELETE CASCADE,
      CONSTRAINT fk_convention_article_chapter FOREIGN KEY (version_id, chapter_number) REFERENCES enforcement.convention_chapter (version_id, number) ON DELETE CASCADE,
      CONSTRAINT ck_convention_article_number CHECK (number > 0),
      CONSTRAINT ck_convention_article_items CHECK (jsonb_typeof(items) = 'array')
    )`);

    await q.query(`CREATE TABLE enforcement.convention_signature (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      convention_id uuid NOT NULL,
      convention_version_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      signer_capacity text NOT NULL,
      signer_name text NOT NULL,
      authorisation_reference text NULL,
      signed_on date NOT NULL,
      recorded_by uuid NOT NULL,
      end_reason text NULL,
      notice_on date NULL,
      ended_on date NULL,
      sanction_id uuid NULL,
      end_recorded_at timestamptz NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_convention_signature PRIMARY KEY (id),
      CONSTRAINT uq_convention_signature_tenant UNIQUE (association_id, id),
      CONSTRAINT fk_convention_signature_convention FOREIGN KEY (association_id, convention_id) REFERENCES enforcement.convention (association_id, id),
      CONSTRAINT fk_convention_signature_version FOREIGN KEY (association_id, convention_version_id) REFERENCES enforcement.convention_version (association_id, id),
      CONSTRAINT fk_convention_signature_organization FOREIGN KEY (organization_id) REFERENCES enforcement.organization_directory (organization_id),
      CONSTRAINT ck_convention_signature_capacity CHECK (signer_capacity IN ('LEGAL_REPRESENTATIVE', 'DELEGATE')),
      CONSTRAINT ck_convention_signature_delegate CHECK (signer_capacity <> 'DELEGATE' OR authorisation_reference IS NOT NULL),
      CONSTRAINT ck_convention_signature_end_reason CHECK (end_reason IS NULL OR end_reason IN ('WITHDRAWAL', 'REVOCATION')),
      CONSTRAINT ck_convention_signature_ended CHECK ((end_reason IS NULL) = (ended_on IS NULL) AND (end_reason IS NULL) = (end_recorded_at IS NULL)),
      CONSTRAINT ck_convention_signature_withdrawal CHECK (end_reason IS DISTINCT FROM 'WITHDRAWAL' OR notice_on IS NOT NULL),
      CONSTRAINT ck_convention_signature_revocation CHECK ((end_reason = 'REVOCATION') = (sanction_id IS NOT NULL)),
      CONSTRAINT ck_convention_signature_dates CHECK (ended_on IS NULL OR ended_on >= signed_on)
    )`);
    await q.query(`CREATE UNIQUE INDEX ux_convention_signature_open ON enforcement.convention_signature (convention_id, organization_id) WHERE end_reason IS NULL`);
    await q.query(`CREATE INDEX ix_convention_signature_page ON enforcement.convention_signature (convention_id, created_at, id)`);
    await q.query(`CREATE INDEX ix_convention_signature_organization ON enforcement.convention_signature (organization_id)`);
    await q.query(`CREATE INDEX ix_convention_signature_signed ON enforcement.convention_signature (association_id, signed_on)`);
    await q.query(`CREATE INDEX ix_convention_signature_ended ON enforcement.convention_signature (association_id, ended_on) WHERE ended_on IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE enforcement.convention_signature`);
    await q.query(`DROP TABLE enforcement.convention_article`);
    await q.query(`DROP TABLE enforcement.convention_chapter`);
    await q.query(`DROP TABLE enforcement.convention_version`);
    await q.query(`DROP TABLE enforcement.convention`);
  }
}

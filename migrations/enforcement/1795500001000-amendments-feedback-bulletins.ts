import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Convention amendments (co-signatures, frozen roll, votes), draft feedback (意见反馈表) and published join/leave bulletins. */
export class AmendmentsFeedbackBulletins1795500001000 implements MigrationInterface {
  name = 'AmendmentsFeedbackBulletins1795500001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE enforcement.convention_amendment (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      convention_id uuid NOT NULL,
      base_version_id uuid NOT NULL,
      title text NOT NULL,
      proposed_text text NOT NULL,
      rationale text NULL,
      proposer_kind text NOT NULL,
      proposer_organization_id uuid NULL,
      proposed_by uuid NOT NULL,
      status text NOT NULL,
      supporters_required integer NULL,
      proposed_at timestamptz NULL,
      ballot_opened_at timestamptz NULL,
      ballot_opened_on date NULL,
      roll_size integer NULL,
      closed_at timestamptz NULL,
      yes_count integer NULL,
      no_count integer NULL,
      abstain_count integer NULL,
      votes_required integer NULL,
      result_explanation text NULL,
      new_version_id uuid NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_convention_amendment PRIMARY KEY (id),
      CONSTRAINT uq_convention_amendment_tenant UNIQUE (association_id, id),
      CONSTRAINT fk_convention_amendment_convention FOREIGN KEY (association_id, convention_id) REFERENCES enforcement.convention (association_id, id),
      CONSTRAINT fk_convention_amendment_base FOREIGN KEY (association_id, base_version_id) REFERENCES enforcement.convention_version (association_id, id),
      CONSTRAINT fk_convention_amendment_new_version FOREIGN KEY (association_id, new_version_id) REFERENCES enforcement.convention_version (association_id, id),
      CONSTRAINT fk_convention_amendment_proposer FOREIGN KEY (proposer_organization_id) REFERENCES enforcement.organization_directory (organization_id),
      CONSTRAINT ck_convention_amendment_proposer CHECK (proposer_kind IN ('EXECUTING_BODY', 'SIGNATORIES') AND (proposer_kind = 'SIGNATORIES') = (proposer_organization_id IS NOT NULL)),
      CONSTRAINT ck_convention_amendment_status CHECK (status IN ('COLLECTING_SUPPORT', 'PROPOSED', 'BALLOT_OPEN', 'ADOPTED', 'REJECTED')),
      CONSTRAINT ck_convention_amendment_ballot CHECK (status IN ('COLLECTING_SUPPORT', 'PROPOSED') OR (ballot_opened_at IS NOT NULL AND roll_size IS NOT NULL)),
      CONSTRAINT ck_convention_amendment_closed CHECK (status NOT IN ('ADOPTED', 'REJECTED') OR (closed_at IS NOT NULL AND yes_count IS NOT NULL)),
      CONSTRAINT ck_convention_amendment_adopted CHECK ((status = 'ADOPTED') = (new_version_id IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX ix_convention_amendment_page ON enforcement.convention_amendment (convention_id, created_at, id)`);
    await q.query(`ALTER TABLE enforcement.convention_version ADD CONSTRAINT fk_convention_version_amendment FOREIGN KEY (association_id, amendment_id) REFERENCES enforcement.convention_amendment (association_id, id)`);

    await q.query(`CREATE TABLE enforcement.amendment_cosignature (
      amendment_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      association_id uuid NOT NULL,
      signature_id uuid NOT NULL,
      account_id uuid NOT NULL,
      cosigned_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_amendment_cosignature PRIMARY KEY (amendment_id, organization_id),
      CONSTRAINT fk_amendment_cosignature_amendment FOREIGN KEY (association_id, amendment_id) REFERENCES enforcement.convention_amendment (association_id, id) ON DELETE CASCADE,
      CONSTRAINT fk_amendment_cosignature_signature FOREIGN KEY (association_id, signature_id) REFERENCES enforcement.convention_signature (association_id, id)
    )`);

    await q.query(`CREATE TABLE enforcement.amendment_roll (
      amendment_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      association_id uuid NOT NULL,
      CONSTRAINT pk_amendment_roll PRIMARY KEY (amendment_id, organization_id),
      CONSTRAINT fk_amendment_roll_amendment FOREIGN KEY (association_id, amendment_id) REFERENCES enforcement.convention_amendment (association_id, id) ON DELETE CASCADE,
      CONSTRAINT fk_amendment_roll_organization FOREIGN KEY (organization_id) REFERENCES enforcement.organization_directory (organization_id)
    )`);

    await q.query(`CREATE TABLE enforcement.amendment_vote (
      amendment_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      association_id uuid NOT NULL,
      position text NOT NULL,
      account_id uuid NOT NULL,
      cast_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_amendment_vote PRIMARY KEY (amendment_id, organization_id),
      CONSTRAINT fk_amendment_vote_roll FOREIGN KEY (amendment_id, organization_id) REFERENCES enforcement.amendment_roll (amendment_id, organization_id) ON DELETE CASCADE,
      CONSTRAINT ck_amendment_vote_position CHECK (position IN ('YES', 'NO', 'ABSTAIN'))
    )`);

    await q.query(`CREATE TABLE enforcement.convention_feedback (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      respondent_kind text NOT NULL,
      organization_id uuid NULL,
      respondent_name text NOT NULL,
      contact_name text NOT NULL,
      contact_position text NULL,
      contact_phone text NULL,
      contact_email text NULL,
      version_ids uuid[] NOT NULL,
      other_suggestions text NULL,
      signed boolean NOT NULL,
      sealed boolean NOT NULL,
      submitted_on date NOT NULL,
      submitted_by uuid NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_convention_feedback PRIMARY KEY (id),
      CONSTRAINT uq_convention_feedback_tenant UNIQUE (association_id, id),
      CONSTRAINT fk_convention_feedback_organization FOREIGN KEY (organization_id) REFERENCES enforcement.organization_directory (organization_id),
      CONSTRAINT ck_convention_feedback_kind CHECK (respondent_kind IN ('UNIT', 'INDIVIDUAL')),
      CONSTRAINT ck_convention_feedback_unit_sealed CHECK (respondent_kind <> 'UNIT' OR sealed),
      CONSTRAINT ck_convention_feedback_individual_signed CHECK (respondent_kind <> 'INDIVIDUAL' OR signed),
      CONSTRAINT ck_convention_feedback_contact CHECK (contact_phone IS NOT NULL OR contact_email IS NOT NULL),
      CONSTRAINT ck_convention_feedback_versions CHECK (cardinality(version_ids) > 0)
    )`);
    await q.query(`CREATE INDEX ix_convention_feedback_page ON enforcement.convention_feedback (association_id, created_at, id)`);
    await q.query(`CREATE INDEX ix_convention_feedback_versions ON enforcement.convention_feedback USING gin (version_ids)`);

    await q.query(`CREATE TABLE enforcement.convention_feedback_opinion (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      feedback_id uuid NOT NULL,
      version_id uuid NOT NULL,
      article_number integer NOT NULL,
      opinion text NOT NULL,
      proposed_wording text NULL,
      position integer NOT NULL,
      CONSTRAINT pk_convention_feedback_opinion PRIMARY KEY (id),
      CONSTRAINT uq_convention_feedback_opinion_position UNIQUE (feedback_id, position),
      CONSTRAINT fk_convention_feedback_opinion_feedback FOREIGN KEY (association_id, feedback_id) REFERENCES enforcement.convention_feedback (association_id, id) ON DELETE CASCADE,
      CONSTRAINT fk_convention_feedback_opinion_article FOREIGN KEY (version_id, article_number) REFERENCES enforcement.convention_article (version_id, number)
    )`);
    await q.query(`CREATE INDEX ix_convention_feedback_opinion_article ON enforcement.convention_feedback_opinion (version_id, article_number)`);

    await q.query(`CREATE TABLE enforcement.signatory_bulletin (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      period_from date NOT NULL,
      period_to date NOT NULL,
      joined jsonb NOT NULL,
      "left" jsonb NOT NULL,
      joined_count integer NOT NULL,
      left_count integer NOT NULL,
      published_by text NOT NULL,
      published_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_signatory_bulletin PRIMARY KEY (id),
      CONSTRAINT uq_signatory_bulletin_period UNIQUE (association_id, period_from, period_to),
      CONSTRAINT ck_signatory_bulletin_period CHECK (period_to >= period_from)
    )`);
    await q.query(`CREATE INDEX ix_signatory_bulletin_page ON enforcement.signatory_bulletin (association_id, published_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE enforcement.signatory_bulletin`);
    await q.query(`DROP TABLE enforcement.convention_feedback_opinion`);
    await q.query(`DROP TABLE enforcement.convention_feedback`);
    await q.query(`DROP TABLE enforcement.amendment_vote`);
    await q.query(`DROP TABLE enforcement.amendment_roll`);
    await q.query(`DROP TABLE enforcement.amendment_cosignature`);
    await q.query(`ALTER TABLE enforcement.convention_version DROP CONSTRAINT fk_convention_version_amendment`);
    await q.query(`DROP TABLE enforcement.convention_amendment`);
  }
}

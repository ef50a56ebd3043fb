import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Enforcement cases: complaints with their investigators, activity log and audited reads of the
 * complainant's identity; sanctions and commendations with their registers; disputes between
 * signatories; reports on the executing body for its supervising authority; investigators' declared
 * conflicts of interest.
 */
export class ComplaintsSanctionsDisputes1795700000000 implements MigrationInterface {
  name = 'ComplaintsSanctionsDisputes1795700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE enforcement.complaint (
      id uuid NOT NULL,
      association_id uuid NOT NULL,
      convention_id uuid NOT NULL,
      convention_version_id uuid NOT NULL,
      respondent_organization_id uuid NOT NULL,
      source text NOT NULL,
      tracking_code text NOT NULL,
      secret_hash text NULL,
      anonymous boolean NOT NULL DEFAULT false,
      complainant_identity text NULL,
      complainant_organization_index text NULL,
      identity_purged_at timestamptz NULL,
      referral_reference text NULL,
      idempotency_key text NULL,
      request_fingerprint text NULL,
      article_numbers integer[] NOT NULL,
      facts text NOT NULL,
      evidence jsonb NOT NULL DEFAULT '[]',
      stage text NOT NULL DEFAULT 'RECEIVED',
      stage_entered_on date NOT NULL,
      stage_due_on date NULL,
      escalated_at timestamptz NULL,
      escalated_stage text NULL,
      admissibility_reason text NULL,
      reply_due_on date NULL,
      reply_text text NULL,
      replied_at timestamptz NULL,
      finding text NULL,
      breached_articles integer[] NULL,
      adverse_impact boolean NOT NULL DEFAULT false,
      finding_summary text NULL,
      found_on date NULL,
      decision text NULL,
      decision_summary text NULL,
      decided_on date NULL,
      result_published_at timestamptz NULL,
      closed_at timestamptz NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_complaint PRIMARY KEY (id),
      CONSTRAINT uq_complaint_tenant UNIQUE (association_id, id),
      CONSTRAINT uq_complaint_tracking_code UNIQUE (tracking_code),
      CONSTRAINT uq_complaint_idempotency UNIQUE (association_id, idempotency_key),
      CONSTRAINT fk_complaint_convention FOREIGN KEY (association_id, convention_id) REFERENCES enforcement.convention (association_id, id),
      CONSTRAINT fk_complaint_version FOREIGN KEY (convention_version_id) REFERENCES enforcement.convention_version (id),
      CONSTRAINT fk_complaint_respondent FOREIGN KEY (respondent_organization_id) REFERENCES enforcement.organization_directory (organization_id),
      CONSTRAINT ck_complaint_source CHECK (source IN ('SIGNATORY', 'PUBLIC', 'REGULATOR', 'EXECUTING_BODY')),
      CONSTRAINT ck_complaint_stage CHECK (stage IN ('RECEIVED', 'NOT_ADMITTED', 'INVESTIGATION', 'FINDING', 'DECIDED', 'CLOSED')),
      CONSTRAINT ck_complaint_finding CHECK (finding IS NULL OR finding IN ('BREACH', 'NO_BREACH')),
      CONSTRAINT ck_complaint_decision CHECK (decision IS NULL OR decision IN ('SANCTION', 'DISMISSAL')),
      CONSTRAINT ck_complaint_articles CHECK (cardinality(article_numbers) > 0),
      CONSTRAINT ck_complaint_not_admitted_reason CHECK (stage <> 'NOT_ADMITTED' OR admissibility_reason IS NOT NULL),
      CONSTRAINT ck_complaint_idempotency CHECK ((idempotency_key IS NULL) = (request_fingerprint IS NULL))
    )`);
    await q.query(`CREATE INDEX ix_complaint_page ON enforcement.complaint (association_id, received_at, id)`);
    await q.query(`CREATE INDEX ix_complaint_due ON enforcement.complaint (stage_due_on) WHERE closed_at IS NULL AND stage_due_on IS NOT NULL`);
    await q.query(`CREATE INDEX ix_complaint_purge ON enforcement.complaint (closed_at) WHERE closed_at IS NOT NULL AND identity_purged_at IS NULL`);
    await q.query(`CREATE INDEX ix_complaint_results ON enforcement.complaint (convention_id, decided_on) WHERE result_published_at IS NOT NULL`);

    await q.query(`CREATE TABLE enforcement.complaint_activity (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      complaint_id uuid NOT NULL,
      kind text NOT NULL,
      note text NOT NULL DEFAULT '',
      actor_account_id uuid NULL,
      at timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT pk_complaint_activity PRIMARY KEY (id),
      CONSTRAINT fk_complaint_activity_complaint FOREIGN KEY (association_id, complaint_id) REFERENCES enforcement.complaint (association_id, id) ON DELETE CASCADE
    )`);
    await q.query(`CREATE INDEX ix_complaint_activity ON enforcement.complaint_activity (complaint_id, at)`);

    await q.query(`CREATE TABLE enforcement.investigator_conflict (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      account_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      note text NOT NULL DEFAULT '',
      declared_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_investigator_conflict PRIMARY KEY (id),
      CONSTRAINT uq_investigator_conflict UNIQUE (association_id, account_id, organization_id)
    )`);

    await q.query(`CREATE TABLE enforcement.complaint_investigator (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      complaint_id uuid NOT NULL,
      account_id uuid NOT NULL,
      name text NOT NULL,
      organization_id uuid NULL,
      assigned_by uuid NOT NULL,
      assigned_at timestamptz NOT NULL DEFAULT now(),
      recused_at timestamptz NULL,
      recusal_reason text NULL,
      CONSTRAINT pk_complaint_investigator PRIMARY KEY (id),
      CONSTRAINT fk_complaint_investigator_complaint FOREIGN KEY (association_id, complaint_id) REFERENCES enforcement.complaint (association_id, id) ON DELETE CASCADE,
      CONSTRAINT ck_complaint_investigator_recusal CHECK ((recused_at IS NULL) = (recusal_reason IS NULL))
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_complaint_investigator_active ON enforcement.complaint_investigator (complaint_id, account_id) WHERE recused_at IS NULL`);

    await q.query(`CREATE TABLE enforcement.complainant_identity_read (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      complaint_id uuid NOT NULL,
      reader_account_id uuid NOT NULL,
      purpose text NOT NULL,
      request_id text NULL,
      read_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT pk_complainant_identity_read PRIMARY KEY (id),
      CONSTRAINT fk_complainant_identity_read_complaint FOREIGN KEY (association_id, complaint_id) REFERENCES enforcement.complaint (association_id, id)
    )`);
    await q.query(`CREATE INDEX ix_complainant_identity_read ON enforcement.complainant_identity_read (association_id, read_at, id)`);

    await q.query(`CREATE TABLE enforcement.sanction (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      complaint_id uuid NOT NULL,
      convention_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      grade text NOT NULL,
      basis_articles integer[] NOT NULL,
      summary text NOT NULL,
      publication_scope text NOT NULL,
      published_from date NOT NULL,
      published_until date NOT NULL,
      decided_on date NOT NULL,
      appeal_deadline date NOT NULL,
      status text NOT NULL DEFAULT 'IN_FORCE',
      appeal_grounds text NULL,
      appealed_at timestamptz NULL,
      appeal_outcome text NULL,
      appeal_reason text NULL,
      appeal_decided_on date NULL,
      signature_id uuid NULL,
      delisted_at timestamptz NULL,
      decided_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_sanction PRIMARY KEY (id),
      CONSTRAINT fk_sanction_complaint FOREIGN KEY (association_id, complaint_id) REFERENCES enforcement.complaint (association_id, id),
      CONSTRAINT fk_sanction_convention FOREIGN KEY (association_id, convention_id) REFERENCES enforcement.convention (association_id, id),
      CONSTRAINT ck_sanction_grade CHECK (grade IN ('CRITICISM', 'CONDEMNATION', 'INTERNAL_CIRCULAR', 'MEDIA_EXPOSURE', 'REVOCATION')),
      CONSTRAINT ck_sanction_scope CHECK (publication_scope IN ('INTERNAL', 'PUBLIC')),
      CONSTRAINT ck_sanction_status CHECK (status IN ('IN_FORCE', 'UNDER_APPEAL', 'UPHELD', 'OVERTURNED')),
      CONSTRAINT ck_sanction_period CHECK (published_until >= published_from),
      CONSTRAINT ck_sanction_appeal CHECK (appeal_deadline >= decided_on),
      CONSTRAINT ck_sanction_basis CHECK (cardinality(basis_articles) > 0),
      CONSTRAINT ck_sanction_outcome CHECK (appeal_outcome IS NULL OR appeal_outcome IN ('UPHELD', 'OVERTURNED'))
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_sanction_complaint ON enforcement.sanction (complaint_id)`);
    await q.query(`CREATE INDEX ix_sanction_register ON enforcement.sanction (association_id, published_until) WHERE publication_scope = 'PUBLIC' AND delisted_at IS NULL`);

    await q.query(`CREATE TABLE enforcement.commendation (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      convention_id uuid NOT NULL,
      organization_id uuid NULL,
      person_name text NULL,
      citation text NOT NULL,
      basis_articles integer[] NOT NULL DEFAULT '{}',
      publication_scope text NOT NULL,
      published_from date NOT NULL,
      published_until date NOT NULL,
      decided_on date NOT NULL,
      delisted_at timestamptz NULL,
      decided_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_commendation PRIMARY KEY (id),
      CONSTRAINT fk_commendation_convention FOREIGN KEY (association_id, convention_id) REFERENCES enforcement.convention (association_id, id),
      CONSTRAINT ck_commendation_scope CHECK (publication_scope IN ('INTERNAL', 'PUBLIC')),
      CONSTRAINT ck_commendation_period CHECK (published_until >= published_from),
      CONSTRAINT ck_commendation_subject CHECK (organization_id IS NOT NULL OR person_name IS NOT NULL)
    )`);
    await q.query(`CREATE INDEX ix_commendation_register ON enforcement.commendation (association_id, published_until) WHERE publication_scope = 'PUBLIC' AND delisted_at IS NULL`);

    await q.query(`CREATE TABLE enforcement.dispute (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      convention_id uuid NOT NULL,
      claimant_organization_id uuid NOT NULL,
      other_organization_id uuid NOT NULL,
      subject text NOT NULL,
      stage text NOT NULL DEFAULT 'NEGOTIATION',
      log jsonb NOT NULL DEFAULT '[]',
      mediation_requested_at timestamptz NULL,
      mediation_requested_by uuid NULL,
      settlement_terms text NULL,
      settled_on date NULL,
      failure_reason text NULL,
      failed_on date NULL,
      complaint_id uuid NULL,
      opened_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_dispute PRIMARY KEY (id),
      CONSTRAINT fk_dispute_convention FOREIGN KEY (association_id, convention_id) REFERENCES enforcement.convention (association_id, id),
      CONSTRAINT fk_dispute_complaint FOREIGN KEY (association_id, complaint_id) REFERENCES enforcement.complaint (association_id, id),
      CONSTRAINT uq_dispute_complaint UNIQUE (complaint_id),
      CONSTRAINT ck_dispute_parties CHECK (claimant_organization_id <> other_organization_id),
      CONSTRAINT ck_dispute_stage CHECK (stage IN ('NEGOTIATION', 'MEDIATION', 'SETTLED', 'FAILED')),
      CONSTRAINT ck_dispute_settled CHECK ((stage = 'SETTLED') = (settled_on IS NOT NULL)),
      CONSTRAINT ck_dispute_failed CHECK ((stage = 'FAILED') = (failed_on IS NOT NULL)),
      CONSTRAINT ck_dispute_escalation CHECK (complaint_id IS NULL OR stage = 'FAILED')
    )`);
    await q.query(`CREATE INDEX ix_dispute_page ON enforcement.dispute (association_id, created_at, id)`);

    await q.query(`CREATE TABLE enforcement.oversight_report (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      reporter_organization_id uuid NOT NULL,
      reporter_account_id uuid NOT NULL,
      subject text NOT NULL,
      staff_name text NULL,
      convention_id uuid NULL,
      allegation text NOT NULL,
      evidence jsonb NOT NULL DEFAULT '[]',
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_oversight_report PRIMARY KEY (id),
      CONSTRAINT fk_oversight_report_convention FOREIGN KEY (association_id, convention_id) REFERENCES enforcement.convention (association_id, id),
      CONSTRAINT ck_oversight_report_subject CHECK (subject IN ('EXECUTING_BODY', 'STAFF')),
      CONSTRAINT ck_oversight_report_staff CHECK ((subject = 'STAFF') = (staff_name IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX ix_oversight_report_page ON enforcement.oversight_report (association_id, created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['oversight_report', 'dispute', 'commendation', 'sanction', 'complainant_identity_read', 'complaint_investigator', 'investigator_conflict', 'complaint_activity', 'complaint']) {
      await q.query(`DROP TABLE enforcement.${table}`);
    }
  }
}

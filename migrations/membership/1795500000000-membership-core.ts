import type { MigrationInterface, QueryRunner } from 'typeorm';

const GRADES = `'MEMBER','COUNCIL','STANDING_COUNCIL','VICE_PRESIDENT','PRESIDENT','SUPERVISOR'`;
const STATUSES = `'NONE','PENDING','ACTIVE','GRACE','LAPSED','SUSPENDED','WITHDRAWN','EXPELLED'`;
const CRITERIA = `'LOCAL_REGISTRATION','FIELD_OF_WORK','OPERATING_ONE_YEAR','GOOD_CREDIT','TECHNICAL_CAPACITY','CHARTER_AGREEMENT'`;

/**
 * Organizations in full, people, the association's field-of-work taxonomy, admission (applications,
 * criteria, evidence), memberships with dated status history, dues, public notices and objections,
 * sanctions recorded from enforcement, and race-free number sequences.
 */
export class MembershipCore1795500000000 implements MigrationInterface {
  name = 'MembershipCore1795500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE membership.organization
      ADD COLUMN legal_representative text NULL,
      ADD COLUMN registered_city text NULL,
      ADD COLUMN address text NULL,
      ADD COLUMN founded_on date NULL,
      ADD COLUMN technical_staff_count integer NULL,
      ADD CONSTRAINT ck_organization_technical_staff CHECK (technical_staff_count IS NULL OR technical_staff_count >= 0),
      ADD CONSTRAINT ck_organization_membership_status CHECK (membership_status IN (${STATUSES}))`);
    await q.query(`CREATE TABLE membership.field_of_work (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL REFERENCES membership.association (id) ON DELETE CASCADE,
      name text NOT NULL,
      position integer NOT NULL DEFAULT 0,
      description text NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_field_of_work PRIMARY KEY (id),
      CONSTRAINT uq_field_of_work_name UNIQUE (association_id, name),
      CONSTRAINT uq_field_of_work_tenant UNIQUE (association_id, id)
    )`);
    await q.query(`ALTER TABLE membership.organization ADD CONSTRAINT uq_organization_tenant UNIQUE (association_id, id)`);
    await q.query(`CREATE TABLE membership.organization_field (
      association_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      field_id uuid NOT NULL,
      CONSTRAINT pk_organization_field PRIMARY KEY (organization_id, field_id),
      CONSTRAINT fk_organization_field_organization FOREIGN KEY (association_id, organization_id) REFERENCES membership.organization (association_id, id) ON DELETE CASCADE,
      CONSTRAINT fk_organization_field_field FOREIGN KEY (association_id, field_id) REFERENCES membership.field_of_work (association_id, id)
    )`);
    await q.query(`CREATE INDEX ix_organization_field_field ON membership.organization_field (association_id, field_id)`);
    await q.query(`CREATE TABLE membership.person (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL REFERENCES membership.association (id),
      name text NOT NULL,
      phone text NULL,
      email text NULL,
      employer_organization_id uuid NULL,
      titles text[] NOT NULL DEFAULT '{}',
      revision integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_person PRIMARY KEY (id),
      CONSTRAINT uq_person_tenant UNIQUE (association_id, id),
      CONSTRAINT fk_person_employer FOREIGN KEY (association_id, employer_organization_id) REFERENCES membership.organization (association_id, id)
    )`);
    await q.query(`CREATE INDEX ix_person_page ON membership.person (association_id, created_at, id)`);
    await q.query(`CREATE TABLE membership.membership_application (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL REFERENCES membership.association (id),
      kind text NOT NULL,
      organization_id uuid NULL,
      person_id uuid NULL,
      applicant_name text NOT NULL,
      requested_grade text NOT NULL DEFAULT 'MEMBER',
      branch_of_outside_company boolean NOT NULL DEFAULT false,
      status text NOT NULL DEFAULT 'SUBMITTED',
      site_visit_on date NULL,
      site_visit_result text NULL,
      site_visit_note text NULL,
      admission_notice_number text NULL,
      admission_notice_on date NULL,
      rejection_reasons text NULL,
      decided_by uuid NULL,
      decided_at timestamptz NULL,
      membership_id uuid NULL,
      submitted_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_membership_application PRIMARY KEY (id),
      CONSTRAINT uq_membership_application_tenant UNIQUE (association_id, id),
      CONSTRAINT uq_membership_application_notice UNIQUE (association_id, admission_notice_number),
      CONSTRAINT ck_membership_application_kind CHECK (kind IN ('UNIT','INDIVIDUAL')),
      CONSTRAINT ck_membership_application_subject CHECK ((kind = 'UNIT' AND organization_id IS NOT NULL AND person_id IS NULL) OR (kind = 'INDIVIDUAL' AND person_id IS NOT NULL AND organization_id IS NULL)),
      CONSTRAINT ck_membership_application_grade CHECK (requested_grade IN (${GRADES})),
      CONSTRAINT ck_membership_application_status CHECK (status IN ('SUBMITTED','UNDER_REVIEW','APPROVED','REJECTED','ADMITTED','REVERSED')),
      CONSTRAINT ck_membership_application_site_visit CHECK (site_visit_result IS NULL OR site_visit_result IN ('MET','NOT_MET')),
      CONSTRAINT fk_membership_application_organization FOREIGN KEY (association_id, organization_id) REFERENCES membership.organization (association_id, id),
      CONSTRAINT fk_membership_application_person FOREIGN KEY (association_id, person_id) REFERENCES membership.person (association_id, id)
    )`);
    await q.query(`CREATE INDEX ix_membership_application_page ON membership.membership_application (association_id, created_at, id)`);
    await q.query(`CREATE TABLE membership.application_criterion (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      application_id uuid NOT NULL,
      criterion text NOT NULL,
      applicant_statement text NULL,
      result text NOT NULL DEFAULT 'UNREVIEWED',
      reviewer_note text NULL,
      reviewed_by uuid NULL,
      reviewed_at timestamptz NULL,
      CONSTRAINT pk_application_criterion PRIMARY KEY (id),
      CONSTRAINT uq_application_criterion UNIQUE (application_id, criterion),
      CONSTRAINT ck_application_criterion_criterion CHECK (criterion IN (${CRITERIA})),
      CONSTRAINT ck_application_criterion_result CHECK (result IN ('UNREVIEWED','MET','NOT_MET')),
      CONSTRAINT fk_application_criterion_application FOREIGN KEY (association_id, application_id) REFERENCES membership.membership_application (association_id, id) ON DELETE CASCADE
    )`);
    await q.query(`CREATE TABLE membership.attachment (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      application_id uuid NOT NULL,
      criterion text NULL,
      file_name text NOT NULL,
      mime_type text NOT NULL,
      size_bytes integer NOT NULL,
      sha256 char(64) NOT NULL,
      storage_key text NOT NULL,
      uploaded_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_attachment PRIMARY KEY (id),
      CONSTRAINT uq_attachment_storage_key UNIQUE (storage_key),
      CONSTRAINT ck_attachment_size CHECK (size_bytes > 0),
      CONSTRAINT ck_attachment_criterion CHECK (criterion IS NULL OR criterion IN (${CRITERIA})),
      CONSTRAINT fk_attachment_application FOREIGN KEY (association_id, application_id) REFERENCES membership.membership_application (association_id, id)
    )`);
    await q.query(`CREATE INDEX ix_attachment_application ON membership.attachment (application_id)`);
    await q.query(`CREATE TABLE membership.membership (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL REFERENCES membership.association (id),
      kind text NOT NULL,
      organization_id uuid NULL,
      person_id uuid NULL,
      grade text NOT NULL DEFAULT 'MEMBER',
      status text NOT NULL DEFAULT 'PENDING',
      member_number text NULL,
      certificate_number text NULL,
      admitted_on date NULL,
      valid_until date NULL,
      application_id uuid NULL,
      revision integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_membership PRIMARY KEY (id),
      CONSTRAINT uq_membership_tenant UNIQUE (association_id, id),
      CONSTRAINT uq_membership_member_number UNIQUE (association_id, member_number),
      CONSTRAINT uq_membership_certificate_number UNIQUE (certificate_number),
      CONSTRAINT ck_membership_kind CHECK (kind IN ('UNIT','INDIVIDUAL')),
      CONSTRAINT ck_membership_subject CHECK ((kind = 'UNIT' AND organization_id IS NOT NULL AND person_id IS NULL) OR (kind = 'INDIVIDUAL' AND person_id IS NOT NULL AND organization_id IS NULL)),
      CONSTRAINT ck_membership_grade CHECK (grade IN (${GRADES})),
      CONSTRAINT ck_membership_status CHECK (status IN (${STATUSES})),
      CONSTRAINT ck_membership_numbers CHECK (status IN ('PENDING','NONE') OR (member_number IS NOT NULL AND certificate_number IS NOT NULL)),
      CONSTRAINT fk_membership_organization FOREIGN KEY (association_id, organization_id) REFERENCES membership.organization (association_id, id),
      CONSTRAINT fk_membership_person FOREIGN KEY (association_id, person_id) REFERENCES membership.person (association_id, id),
      CONSTRAINT fk_membership_application FOREIGN KEY (association_id, application_id) REFERENCES membership.membership_application (association_id, id)
    )`);
    // At most one live membership per organization or person.
    await q.query(`CREATE UNIQUE INDEX uq_membership_live_organization ON membership.membership (organization_id) WHERE status IN ('PENDING','ACTIVE','GRACE','SUSPENDED')`);
    await q.query(`CREATE UNIQUE INDEX uq_membership_live_person ON membership.membership (person_id) WHERE status IN ('PENDING','ACTIVE','GRACE','SUSPENDED')`);
    await q.query(`CREATE INDEX ix_membership_page ON membership.membership (association_id, created_at, id)`);
    await q.query(`CREATE INDEX ix_membership_due ON membership.membership (status, valid_until)`);
    await q.query(`CREATE TABLE membership.membership_status_change (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      membership_id uuid NOT NULL,
      previous_status text NOT NULL,
      status text NOT NULL,
      effective_on date NOT NULL,
      reason text NOT NULL,
      decision_reference text NULL,
      decided_by uuid NULL,
      at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_membership_status_change PRIMARY KEY (id),
      CONSTRAINT ck_membership_status_change_status CHECK (status IN (${STATUSES}) AND previous_status IN (${STATUSES})),
      CONSTRAINT fk_membership_status_change_membership FOREIGN KEY (association_id, membership_id) REFERENCES membership.membership (association_id, id) ON DELETE CASCADE
    )`);
    await q.query(`CREATE INDEX ix_membership_status_change_membership ON membership.membership_status_change (membership_id, at)`);
    await q.query(`CREATE INDEX ix_membership_status_change_page ON membership.membership_status_change (association_id, at, id)`);
    await q.query(`ALTER TABLE membership.membership_application ADD CONSTRAINT fk_membership_application_membership FOREIGN KEY (association_id, membership_id) REFERENCES membership.membership (association_id, id)`);
    await q.query(`CREATE TABLE membership.dues_schedule (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL REFERENCES membership.association (id),
      grade text NOT NULL,
      year integer NOT NULL,
      amount_fen bigint NOT NULL,
      due_on date NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_dues_schedule PRIMARY KEY (id),
      CONSTRAINT uq_dues_schedule UNIQUE (association_id, grade, year),
      CONSTRAINT ck_dues_schedule_grade CHECK (grade IN (${GRADES})),
      CONSTRAINT ck_dues_schedule_amount CHECK (amount_fen >= 0),
      CONSTRAINT ck_dues_schedule_year CHECK (year BETWEEN 2000 AND 2200)
    )`);
    await q.query(`CREATE TABLE membership.dues_invoice (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      membership_id uuid NOT NULL,
      number text NOT NULL,
      year integer NOT NULL,
      grade text NOT NULL,
      amount_fen bigint NOT NULL,
      due_on date NOT NULL,
      status text NOT NULL DEFAULT 'OPEN',
      paid_on date NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_dues_invoice PRIMARY KEY (id),
      CONSTRAINT uq_dues_invoice_tenant UNIQUE (association_id, id),
      CONSTRAINT uq_dues_invoice_number UNIQUE (association_id, number),
      CONSTRAINT uq_dues_invoice_year UNIQUE (membership_id, year),
      CONSTRAINT ck_dues_invoice_status CHECK (status IN ('OPEN','PAID','VOID')),
      CONSTRAINT ck_dues_invoice_amount CHECK (amount_fen >= 0),
      CONSTRAINT ck_dues_invoice_paid CHECK ((status = 'PAID') = (paid_on IS NOT NULL)),
      CONSTRAINT fk_dues_invoice_membership FOREIGN KEY (association_id, membership_id) REFERENCES membership.membership (association_id, id)
    )`);
    await q.query(`CREATE TABLE membership.dues_payment (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      invoice_id uuid NOT NULL,
      amount_fen bigint NOT NULL,
      paid_on date NOT NULL,
      method text NOT NULL,
      reference text NULL,
      recorded_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_dues_payment PRIMARY KEY (id),
      CONSTRAINT uq_dues_payment_invoice UNIQUE (invoice_id),
      CONSTRAINT ck_dues_payment_amount CHECK (amount_fen > 0),
      CONSTRAINT fk_dues_payment_invoice FOREIGN KEY (association_id, invoice_id) REFERENCES membership.dues_invoice (association_id, id)
    )`);
    await q.query(`CREATE TABLE membership.public_notice (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      membership_id uuid NOT NULL,
      application_id uuid NULL,
      published_on date NOT NULL,
      objections_until date NOT NULL,
      status text NOT NULL DEFAULT 'OPEN',
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_public_notice PRIMARY KEY (id),
      CONSTRAINT uq_public_notice_tenant UNIQUE (association_id, id),
      CONSTRAINT ck_public_notice_status CHECK (status IN ('OPEN','CONFIRMED','REVERSED')),
      CONSTRAINT ck_public_notice_window CHECK (objections_until >= published_on),
      CONSTRAINT fk_public_notice_membership FOREIGN KEY (association_id, membership_id) REFERENCES membership.membership (association_id, id)
    )`);
    await q.query(`CREATE INDEX ix_public_notice_page ON membership.public_notice (association_id, created_at, id)`);
    await q.query(`CREATE TABLE membership.objection (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      notice_id uuid NOT NULL,
      objector_name text NULL,
      objector_contact text NULL,
      grounds text NOT NULL,
      status text NOT NULL DEFAULT 'RECEIVED',
      decision_note text NULL,
      decided_by uuid NULL,
      decided_at timestamptz NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_objection PRIMARY KEY (id),
      CONSTRAINT ck_objection_status CHECK (status IN ('RECEIVED','UPHELD','DISMISSED')),
      CONSTRAINT fk_objection_notice FOREIGN KEY (association_id, notice_id) REFERENCES membership.public_notice (association_id, id)
    )`);
    await q.query(`CREATE INDEX ix_objection_notice ON membership.objection (notice_id)`);
    await q.query(`CREATE TABLE membership.sanction_record (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      sanction_id uuid NOT NULL,
      case_id uuid NOT NULL,
      convention_id uuid NOT NULL,
      grade text NOT NULL,
      basis_articles text[] NOT NULL DEFAULT '{}',
      decided_on date NOT NULL,
      publication_scope text NOT NULL,
      published_until date NULL,
      event_id uuid NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_sanction_record PRIMARY KEY (id),
      CONSTRAINT uq_sanction_record_sanction UNIQUE (sanction_id),
      CONSTRAINT ck_sanction_record_scope CHECK (publication_scope IN ('INTERNAL','PUBLIC'))
    )`);
    await q.query(`CREATE INDEX ix_sanction_record_organization ON membership.sanction_record (organization_id, decided_on)`);
    await q.query(`CREATE TABLE membership.number_sequence (
      association_id uuid NOT NULL REFERENCES membership.association (id) ON DELETE CASCADE,
      name text NOT NULL,
      last_value integer NOT NULL,
      CONSTRAINT pk_number_sequence PRIMARY KEY (association_id, name),
      CONSTRAINT ck_number_sequence_value CHECK (last_value > 0)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE membership.membership_application DROP CONSTRAINT fk_membership_application_membership`);
    for (const table of [
      'number_sequence',
      'sanction_record',
      'objection',
      'public_notice',
      'dues_payment',
      'dues_invoice',
      'dues_schedule',
      'membership_status_change',
      'membership',
      'attachment',
      'application_criterion',
      'membership_application',
      'person',
      'organization_field',
      'field_of_work',
    ]) {
      await q.query(`DROP TABLE membership.${table}`);
    }
    await q.query(`ALTER TABLE membership.organization
      DROP CONSTRAINT uq_organization_tenant,
      DROP CONSTRAINT ck_organization_membership_status,
      DROP CONSTRAINT ck_organization_technical_staff,
      DROP COLUMN technical_staff_count,
      DROP COLUMN founded_on,
      DROP COLUMN address,
      DROP COLUMN registered_city,
      DROP COLUMN legal_representative`);
  }
}

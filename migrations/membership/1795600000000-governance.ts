import type { MigrationInterface, QueryRunner } from 'typeorm';

const POSTS = `'PRESIDENT','ROTATING_PRESIDENT','VICE_PRESIDENT','STANDING_DIRECTOR','DIRECTOR','SUPERVISOR','CHIEF_SUPERVISOR','SECRETARY_GENERAL','DEPUTY_SECRETARY_GENERAL'`;

/** Council terms and offices, committees, the expert pool with panel draws, and annual awards. */
export class Governance1795600000000 implements MigrationInterface {
  name = 'Governance1795600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE membership.council_term (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL REFERENCES membership.association (id),
      term_number integer NOT NULL,
      name text NOT NULL,
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      electing_congress_reference text NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_council_term PRIMARY KEY (id),
      CONSTRAINT uq_council_term_number UNIQUE (association_id, term_number),
      CONSTRAINT ck_council_term_number CHECK (term_number > 0),
      CONSTRAINT ck_council_term_dates CHECK (ends_on > starts_on)
    )`);
    await q.query(`CREATE TABLE membership.council_office (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL REFERENCES membership.association (id),
      council_term_id uuid NOT NULL REFERENCES membership.council_term (id),
      post text NOT NULL,
      holder_organization_id uuid NULL REFERENCES membership.organization (id),
      holder_person_id uuid NULL,
      holder_name text NOT NULL,
      holder_title text NULL,
      voter_account_id uuid NULL,
      starts_on date NOT NULL,
      ends_on date NULL,
      end_reason text NULL,
      rotation_order integer NULL,
      source text NOT NULL DEFAULT 'MANUAL',
      source_reference text NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_council_office PRIMARY KEY (id),
      CONSTRAINT ck_council_office_post CHECK (post IN (${POSTS})),
      CONSTRAINT ck_council_office_dates CHECK (ends_on IS NULL OR ends_on >= starts_on),
      CONSTRAINT ck_council_office_rotation CHECK ((post = 'ROTATING_PRESIDENT') = (rotation_order IS NOT NULL)),
      CONSTRAINT ck_council_office_rotation_end CHECK (post <> 'ROTATING_PRESIDENT' OR ends_on IS NOT NULL),
      CONSTRAINT ck_council_office_source CHECK (source IN ('MANUAL', 'RESOLUTION'))
    )`);
    await q.query(`CREATE INDEX ix_council_office_term_post ON membership.council_office (council_term_id, post, starts_on)`);
    await q.query(`CREATE INDEX ix_council_office_association ON membership.council_office (association_id, starts_on)`);
    await q.query(`CREATE UNIQUE INDEX uq_council_office_rotation ON membership.council_office (council_term_id, rotation_order) WHERE rotation_order IS NOT NULL`);
    await q.query(`CREATE TABLE membership.resolution_appointment (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL REFERENCES membership.association (id),
      event_id uuid NOT NULL,
      agenda_item_id text NOT NULL,
      item_index integer NOT NULL,
      council_term_id uuid NULL,
      post text NOT NULL,
      holder_name text NOT NULL,
      outcome text NOT NULL,
      reason text NULL,
      office_id uuid NULL REFERENCES membership.council_office (id),
      received_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_resolution_appointment PRIMARY KEY (id),
      CONSTRAINT uq_resolution_appointment UNIQUE (association_id, agenda_item_id, item_index),
      CONSTRAINT ck_resolution_appointment_outcome CHECK (outcome IN ('APPLIED', 'PENDING', 'REJECTED'))
    )`);

    await q.query(`CREATE TABLE membership.committee (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL REFERENCES membership.association (id),
      name text NOT NULL,
      kind text NOT NULL,
      charter text NOT NULL,
      established_on date NOT NULL,
      dissolved_on date NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_committee PRIMARY KEY (id),
      CONSTRAINT uq_committee_name UNIQUE (association_id, name),
      CONSTRAINT ck_committee_kind CHECK (kind IN ('PROFESSIONAL', 'WORKING')),
      CONSTRAINT ck_committee_dates CHECK (dissolved_on IS NULL OR dissolved_on >= established_on)
    )`);
    await q.query(`CREATE INDEX ix_committee_page ON membership.committee (association_id, created_at, id)`);
    await q.query(`CREATE TABLE membership.committee_position (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL REFERENCES membership.association (id),
      committee_id uuid NOT NULL REFERENCES membership.committee (id) ON DELETE CASCADE,
      position text NOT NULL,
      holder_organization_id uuid NULL REFERENCES membership.organization (id),
      holder_person_id uuid NULL,
      holder_name text NOT NULL,
      starts_on date NOT NULL,
      ends_on date NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_committee_position PRIMARY KEY (id),
      CONSTRAINT ck_committee_position CHECK (position IN ('DIRECTOR', 'DEPUTY_DIRECTOR', 'SECRETARY_GENERAL', 'MEMBER')),
      CONSTRAINT ck_committee_position_dates CHECK (ends_on IS NULL OR ends_on >= starts_on)
    )`);
    await q.query(`CREATE INDEX ix_committee_position_committee ON membership.committee_position (committee_id, position)`);
    await q.query(`CREATE TABLE membership.committee_member_unit (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL REFERENCES membership.association (id),
      committee_id uuid NOT NULL REFERENCES membership.committee (id) ON DELETE CASCADE,
      organization_id uuid NOT NULL REFERENCES membership.organization (id),
      joined_on date NOT NULL,
      left_on date NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_committee_member_unit PRIMARY KEY (id),
      CONSTRAINT ck_committee_member_unit_dates CHECK (left_on IS NULL OR left_on >= joined_on)
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_committee_member_unit_current ON membership.committee_member_unit (committee_id, organization_id) WHERE left_on IS NULL`);

    await q.query(`CREATE TABLE membership.expert_batch (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL REFERENCES membership.association (id),
      batch_number integer NOT NULL,
      name text NOT NULL,
      appointed_on date NOT NULL,
      term_ends_on date NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_expert_batch PRIMARY KEY (id),
      CONSTRAINT uq_expert_batch_number UNIQUE (association_id, batch_number),
      CONSTRAINT ck_expert_batch_number CHECK (batch_number > 0),
      CONSTRAINT ck_expert_batch_dates CHECK (term_ends_on > appointed_on)
    )`);
    await q.query(`CREATE TABLE membership.expert (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL REFERENCES membership.association (id),
      batch_id uuid NOT NULL REFERENCES membership.expert_batch (id),
      person_id uuid NULL,
      account_id uuid NULL,
      name text NOT NULL,
      title text NULL,
      employer_organization_id uuid NULL REFERENCES membership.organization (id),
      fields text[] NOT NULL,
      letter_number text NULL,
      letter_date date NULL,
      appointed_on date NOT NULL,
      term_ends_on date NOT NULL,
      ended_on date NULL,
      end_reason text NULL,
      contact_phone text NULL,
      contact_email text NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_expert PRIMARY KEY (id),
      CONSTRAINT uq_expert_letter_number UNIQUE (association_id, letter_number),
      CONSTRAINT ck_expert_fields CHECK (cardinality(fields) > 0),
      CONSTRAINT ck_expert_dates CHECK (term_ends_on >= appointed_on AND (ended_on IS NULL OR ended_on >= appointed_on))
    )`);
    await q.query(`CREATE INDEX ix_expert_page ON membership.expert (association_id, created_at, id)`);
    await q.query(`CREATE INDEX ix_expert_fields ON membership.expert USING gin (fields)`);
    await q.query(`CREATE TABLE membership.expert_conflict (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL REFERENCES membership.association (id),
      expert_id uuid NOT NULL REFERENCES membership.expert (id) ON DELETE CASCADE,
      organization_id uuid NOT NULL REFERENCES membership.organization (id),
      reason text NOT NULL,
      declared_on date NOT NULL,
      CONSTRAINT pk_expert_conflict PRIMARY KEY (id),
      CONSTRAINT uq_expert_conflict UNIQUE (expert_id, organization_id)
    )`);
    await q.query(`CREATE TABLE membership.expert_panel_draw (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL REFERENCES membership.association (id),
      purpose text NOT NULL,
      field text NULL,
      size integer NOT NULL,
      on_date date NOT NULL,
      excluded_organization_ids uuid[] NOT NULL,
      eligible_expert_ids uuid[] NOT NULL,
      drawn_expert_ids uuid[] NOT NULL,
      seed text NOT NULL,
      drawn_by uuid NOT NULL,
      drawn_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_expert_panel_draw PRIMARY KEY (id),
      CONSTRAINT ck_expert_panel_draw_size CHECK (size > 0 AND cardinality(drawn_expert_ids) = size)
    )`);
    await q.query(`CREATE INDEX ix_expert_panel_draw_page ON membership.expert_panel_draw (association_id, drawn_at, id)`);
    await q.query(`CREATE INDEX ix_expert_panel_draw_drawn ON membership.expert_panel_draw USING gin (drawn_expert_ids)`);

    await q.query(`CREATE TABLE membership.award_round (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL REFERENCES membership.association (id),
      year integer NOT NULL,
      category text NOT NULL,
      title text NOT NULL,
      shortlist_size integer NOT NULL,
      status text NOT NULL DEFAULT 'NOMINATING',
      notice_starts_on date NULL,
      notice_ends_on date NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_award_round PRIMARY KEY (id),
      CONSTRAINT uq_award_round UNIQUE (association_id, year, category),
      CONSTRAINT ck_award_round_category CHECK (category IN ('EXCELLENT_MEMBER_UNIT', 'EXCELLENT_WORKER')),
      CONSTRAINT ck_award_round_status CHECK (status IN ('NOMINATING', 'SCORING', 'APPROVAL', 'APPROVAL_FAILED', 'NOTICE', 'FINAL')),
      CONSTRAINT ck_award_round_year CHECK (year BETWEEN 2000 AND 2100),
      CONSTRAINT ck_award_round_shortlist CHECK (shortlist_size > 0),
      CONSTRAINT ck_award_round_notice CHECK (notice_ends_on IS NULL OR notice_ends_on >= notice_starts_on)
    )`);
    await q.query(`CREATE TABLE membership.award_nomination (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL REFERENCES membership.association (id),
      round_id uuid NOT NULL REFERENCES membership.award_round (id) ON DELETE CASCADE,
      nominee_organization_id uuid NULL REFERENCES membership.organization (id),
      nominee_person_id uuid NULL,
      nominee_name text NOT NULL,
      citation text NOT NULL,
      average_score numeric(6,2) NULL,
      rank integer NULL,
      shortlisted boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_award_nomination PRIMARY KEY (id)
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_award_nomination_organization ON membership.award_nomination (round_id, nominee_organization_id) WHERE nominee_person_id IS NULL AND nominee_organization_id IS NOT NULL`);
    await q.query(`CREATE TABLE membership.award_panel_member (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL REFERENCES membership.association (id),
      round_id uuid NOT NULL REFERENCES membership.award_round (id) ON DELETE CASCADE,
      name text NOT NULL,
      person_id uuid NULL,
      account_id uuid NULL,
      organization_id uuid NULL REFERENCES membership.organization (id),
      conflicted_organization_ids uuid[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_award_panel_member PRIMARY KEY (id)
    )`);
    await q.query(`CREATE TABLE membership.award_score (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL REFERENCES membership.association (id),
      nomination_id uuid NOT NULL REFERENCES membership.award_nomination (id) ON DELETE CASCADE,
      panel_member_id uuid NOT NULL REFERENCES membership.award_panel_member (id) ON DELETE CASCADE,
      score numeric(5,2) NOT NULL,
      recorded_by uuid NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_award_score PRIMARY KEY (id),
      CONSTRAINT uq_award_score UNIQUE (nomination_id, panel_member_id),
      CONSTRAINT ck_award_score_range CHECK (score >= 0 AND score <= 100)
    )`);
    await q.query(`CREATE TABLE membership.award_approval_ballot (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL REFERENCES membership.association (id),
      round_id uuid NOT NULL REFERENCES membership.award_round (id) ON DELETE CASCADE,
      electorate_on date NOT NULL,
      roll jsonb NOT NULL,
      opened_by uuid NOT NULL,
      opened_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz NULL,
      passed boolean NULL,
      outcome jsonb NULL,
      CONSTRAINT pk_award_approval_ballot PRIMARY KEY (id)
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_award_approval_ballot_open ON membership.award_approval_ballot (round_id) WHERE closed_at IS NULL`);
    await q.query(`CREATE TABLE membership.award_approval_vote (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL REFERENCES membership.association (id),
      ballot_id uuid NOT NULL REFERENCES membership.award_approval_ballot (id) ON DELETE CASCADE,
      office_id uuid NOT NULL REFERENCES membership.council_office (id),
      position text NOT NULL,
      cast_by uuid NOT NULL,
      cast_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_award_approval_vote PRIMARY KEY (id),
      CONSTRAINT uq_award_approval_vote UNIQUE (ballot_id, office_id),
      CONSTRAINT ck_award_approval_vote_position CHECK (position IN ('YES', 'NO', 'ABSTAIN', 'RECUSE'))
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'award_approval_vote',
      'award_approval_ballot',
      'award_score',
      'award_panel_member',
      'award_nomination',
      'award_round',
      'expert_panel_draw',
      'expert_conflict',
      'expert',
      'expert_batch',
      'committee_member_unit',
      'committee_position',
      'committee',
      'resolution_appointment',
      'council_office',
      'council_term',
    ]) {
      await q.query(`DROP TABLE membership.${table}`);
    }
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Group standards: the lifecycle as data (stages with ISO stage codes and who owes the next action,
 * allowed transitions), the programme settings per association, standards with their append-only
 * transition history, working groups, drafts, consultations and comments, ballots, publication
 * (code counter, patents, joint publishers), reviews, activities, reminders, and the read models of
 * membership's organizations and experts.
 */
const STAGES: Array<[string, string | null, string, string, boolean, number]> = [
  // state, ISO code, owner of the next action, description, before publication, position
  ['PROPOSED', '00.00', 'OFFICE', 'A standard project is proposed.', true, 1],
  ['PROJECT_REVIEW', '10.20', 'BALLOT', 'Experts ballot on the proposal.', true, 2],
  ['APPROVED_PROJECT', '20.00', 'OFFICE', 'Project approved (立项) with a project number and notice; the working group is formed.', true, 3],
  ['DRAFTING', '20.20', 'WORKING_GROUP', 'The working group drafts the text.', true, 4],
  ['PUBLIC_COMMENT', '40.20', 'OFFICE', 'The draft for comment (征求意见稿) with its explanatory note is open for at least 30 days.', true, 5],
  ['COMMENT_RESOLUTION', '40.60', 'WORKING_GROUP', 'Every comment is dispositioned (征求意见汇总处理表).', true, 6],
  ['TECHNICAL_REVIEW', '50.20', 'BALLOT', 'The panel reviews the draft for approval (送审稿).', true, 7],
  ['APPROVAL_PENDING', '50.60', 'OFFICE', 'The draft for approval (报批稿) awaits the approval document.', true, 8],
  ['PUBLISHED', '60.60', 'NONE', 'Published with its T/ code and dates.', false, 9],
  ['UNDER_REVIEW', '90.20', 'OFFICE', 'Periodic review (复审): confirm, revise or withdraw.', false, 10],
  ['REVISION', '90.92', 'OFFICE', 'To be revised by a new project that replaces it; stays in force until then.', false, 11],
  ['WITHDRAWN', '95.99', 'NONE', 'Withdrawn.', false, 12],
  ['TERMINATED', null, 'NONE', 'Stopped before publication.', false, 13],
  ['ON_HOLD', null, 'OFFICE', 'Paused before publication; resumes in the state it was paused in.', false, 14],
];

const PRE_PUBLICATION = STAGES.filter((s) => s[4]).map((s) => s[0]);

const TRANSITIONS: Array<[string, string, string]> = [
  ['PROPOSED', 'PROJECT_REVIEW', 'FORWARD'],
  ['PROJECT_REVIEW', 'APPROVED_PROJECT', 'FORWARD'],
  ['PROJECT_REVIEW', 'PROPOSED', 'BACK'],
  ['APPROVED_PROJECT', 'DRAFTING', 'FORWARD'],
  ['DRAFTING', 'PUBLIC_COMMENT', 'FORWARD'],
  ['PUBLIC_COMMENT', 'COMMENT_RESOLUTION', 'FORWARD'],
  ['COMMENT_RESOLUTION', 'TECHNICAL_REVIEW', 'FORWARD'],
  ['COMMENT_RESOLUTION', 'DRAFTING', 'BACK'],
  ['TECHNICAL_REVIEW', 'APPROVAL_PENDING', 'FORWARD'],
  ['TECHNICAL_REVIEW', 'DRAFTING', 'BACK'],
  ['APPROVAL_PENDING', 'PUBLISHED', 'FORWARD'],
  ['APPROVAL_PENDING', 'TECHNICAL_REVIEW', 'BACK'],
  ['PUBLISHED', 'UNDER_REVIEW', 'FORWARD'],
  ['UNDER_REVIEW', 'PUBLISHED', 'FORWARD'],
  ['UNDER_REVIEW', 'REVISION', 'FORWARD'],
  ['UNDER_REVIEW', 'WITHDRAWN', 'FORWARD'],
  ['REVISION', 'WITHDRAWN', 'FORWARD'],
  ...PRE_PUBLICATION.flatMap((state): Array<[string, string, string]> => [
    [state, 'TERMINATED', 'EXIT'],
    [state, 'ON_HOLD', 'EXIT'],
    ['ON_HOLD', state, 'RESUME'],
  ]),
  ['ON_HOLD', 'TERMINATED', 'EXIT'],
];

export class StandardsLifecycle1795500000000 implements MigrationInterface {
  name = 'StandardsLifecycle1795500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE standards.stage (
      state text NOT NULL,
      iso_stage_code text NULL,
      action_owner text NOT NULL CHECK (action_owner IN ('OFFICE', 'BALLOT', 'WORKING_GROUP', 'NONE')),
      description text NOT NULL,
      before_publication boolean NOT NULL,
      position integer NOT NULL,
      CONSTRAINT pk_stage PRIMARY KEY (state),
      CONSTRAINT uq_stage_position UNIQUE (position)
    )`);
    await q.query(`CREATE TABLE standards.stage_transition (
      from_state text NOT NULL REFERENCES standards.stage (state),
      to_state text NOT NULL REFERENCES standards.stage (state),
      kind text NOT NULL CHECK (kind IN ('FORWARD', 'BACK', 'EXIT', 'RESUME')),
      CONSTRAINT pk_stage_transition PRIMARY KEY (from_state, to_state),
      CONSTRAINT ck_stage_transition_not_self CHECK (from_state <> to_state)
    )`);
    for (const [state, code, owner, description, before, position] of STAGES) {
      await q.query(`INSERT INTO standards.stage (state, iso_stage_code, action_owner, description, before_publication, position) VALUES ($1, $2, $3, $4, $5, $6)`, [state, code, owner, description, before, position]);
    }
    for (const [from, to, kind] of TRANSITIONS) {
      await q.query(`INSERT INTO standards.stage_transition (from_state, to_state, kind) VALUES ($1, $2, $3)`, [from, to, kind]);
    }

    await q.query(`CREATE TABLE standards.programme (
      association_id uuid NOT NULL,
      code text NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9]{1,15}$'),
      minimum_working_group_units integer NOT NULL CHECK (minimum_working_group_units BETWEEN 1 AND 100),
      comment_days integer NOT NULL CHECK (comment_days BETWEEN 30 AND 365),
      review_interval_years integer NOT NULL CHECK (review_interval_years BETWEEN 1 AND 5),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_programme PRIMARY KEY (association_id),
      CONSTRAINT uq_programme_code UNIQUE (code)
    )`);
    await q.query(`CREATE TABLE standards.code_counter (
      association_id uuid NOT NULL REFERENCES standards.programme (association_id),
      year integer NOT NULL CHECK (year BETWEEN 1900 AND 9999),
      last_sequence integer NOT NULL CHECK (last_sequence >= 1),
      CONSTRAINT pk_code_counter PRIMARY KEY (association_id, year)
    )`);

    await q.query(`CREATE TABLE standards.standard (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL REFERENCES standards.programme (association_id),
      title text NOT NULL,
      english_title text NULL,
      state text NOT NULL REFERENCES standards.stage (state),
      held_from text NULL REFERENCES standards.stage (state),
      scope text NOT NULL,
      necessity text NOT NULL,
      related_standards text NOT NULL,
      planned_units text[] NOT NULL,
      patent_pre_disclosure text NOT NULL,
      touches_consumers boolean NOT NULL DEFAULT false,
      proposer_account_id text NOT NULL,
      proposer_name text NOT NULL,
      proposer_organization_id uuid NULL,
      project_number text NULL,
      lead_unit_organization_id uuid NULL,
      project_plan text NULL,
      project_deadline date NULL,
      project_approved_on date NULL,
      code text NULL,
      code_year integer NULL,
      code_sequence integer NULL,
      approval_document_number text NULL,
      published_on date NULL,
      implemented_on date NULL,
      next_review_due date NULL,
      last_confirmed_on date NULL,
      platform_reference text NULL,
      platform_submitted_on date NULL,
      replaces_standard_id uuid NULL REFERENCES standards.standard (id),
      revision integer NOT NULL DEFAULT 1,
      state_entered_at timestamptz NOT NULL DEFAULT now(),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_standard PRIMARY KEY (id),
      CONSTRAINT uq_standard_code UNIQUE (code),
      CONSTRAINT uq_standard_code_sequence UNIQUE (association_id, code_year, code_sequence),
      CONSTRAINT uq_standard_project_number UNIQUE (association_id, project_number),
      CONSTRAINT ck_standard_dates CHECK (implemented_on IS NULL OR published_on IS NULL OR implemented_on >= published_on),
      CONSTRAINT ck_standard_published_has_code CHECK (state NOT IN ('PUBLISHED', 'UNDER_REVIEW') OR (code IS NOT NULL AND published_on IS NOT NULL AND approval_document_number IS NOT NULL)),
      CONSTRAINT ck_standard_held CHECK ((state = 'ON_HOLD') = (held_from IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX ix_standard_page ON standards.standard (association_id, created_at, id)`);
    await q.query(`CREATE INDEX ix_standard_state ON standards.standard (association_id, state)`);
    await q.query(`CREATE INDEX ix_standard_review_due ON standards.standard (next_review_due) WHERE state = 'PUBLISHED'`);

    await q.query(`CREATE TABLE standards.standard_transition (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      position bigserial NOT NULL,
      association_id uuid NOT NULL,
      standard_id uuid NOT NULL REFERENCES standards.standard (id),
      from_state text NULL REFERENCES standards.stage (state),
      to_state text NOT NULL REFERENCES standards.stage (state),
      iso_stage_code text NULL,
      actor_account_id text NOT NULL,
      actor_name text NOT NULL,
      actor_organization_id uuid NULL,
      reason text NULL,
      attachments jsonb NOT NULL DEFAULT '[]',
      occurred_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_standard_transition PRIMARY KEY (id)
    )`);
    await q.query(`CREATE INDEX ix_standard_transition_history ON standards.standard_transition (standard_id, position)`);
    // Append-only: the history of a standard is evidence and is never rewritten.
    await q.query(`CREATE FUNCTION standards.refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'standard_transition is append-only'; END $$`);
    await q.query(`CREATE TRIGGER trg_standard_transition_append_only BEFORE UPDATE OR DELETE ON standards.standard_transition
      FOR EACH ROW EXECUTE FUNCTION standards.refuse_history_change()`);

    await q.query(`CREATE TABLE standards.working_group_member (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      standard_id uuid NOT NULL REFERENCES standards.standard (id),
      account_id text NOT NULL,
      display_name text NOT NULL,
      organization_id uuid NULL,
      role text NOT NULL CHECK (role IN ('CONVENER', 'EDITOR', 'DRAFTER', 'EXPERT', 'SECRETARY', 'OBSERVER')),
      joined_at timestamptz NOT NULL DEFAULT now(),
      left_at timestamptz NULL,
      left_reason text NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_working_group_member PRIMARY KEY (id)
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_working_group_member_active ON standards.working_group_member (standard_id, account_id, role) WHERE left_at IS NULL`);

    await q.query(`CREATE TABLE standards.draft_version (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      standard_id uuid NOT NULL REFERENCES standards.standard (id),
      version text NOT NULL CHECK (version ~ '^[0-9]{2,3}$'),
      label text NOT NULL CHECK (label IN ('工作组讨论稿', '征求意见稿', '送审稿', '报批稿', '发布稿')),
      text text NULL,
      clauses jsonb NULL,
      explanatory_note text NULL,
      frozen_at timestamptz NULL,
      author_account_id text NOT NULL,
      author_name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_draft_version PRIMARY KEY (id),
      CONSTRAINT uq_draft_version UNIQUE (standard_id, version),
      CONSTRAINT ck_draft_version_content CHECK (text IS NOT NULL OR clauses IS NOT NULL)
    )`);

    await q.query(`CREATE TABLE standards.consultation (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      standard_id uuid NOT NULL REFERENCES standards.standard (id),
      draft_version_id uuid NOT NULL REFERENCES standards.draft_version (id),
      opens_on date NOT NULL,
      closes_on date NOT NULL,
      is_public boolean NOT NULL,
      channels text[] NOT NULL,
      status text NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
      closed_at timestamptz NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_consultation PRIMARY KEY (id),
      CONSTRAINT ck_consultation_minimum_period CHECK (closes_on >= opens_on + 30)
    )`);
    await q.query(`CREATE INDEX ix_consultation_due ON standards.consultation (closes_on) WHERE status = 'OPEN'`);

    await q.query(`CREATE TABLE standards.comment (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      standard_id uuid NOT NULL REFERENCES standards.standard (id),
      consultation_id uuid NOT NULL REFERENCES standards.consultation (id),
      commenter_kind text NOT NULL CHECK (commenter_kind IN ('MEMBER', 'EXPERT', 'PUBLIC')),
      commenter_account_id text NULL,
      commenter_name text NOT NULL,
      commenter_organization text NULL,
      commenter_contact text NULL,
      clause text NOT NULL,
      paragraph text NULL,
      comment_type text NOT NULL CHECK (comment_type IN ('ge', 'te', 'ed')),
      comment text NOT NULL,
      proposed_change text NULL,
      disposition text NULL CHECK (disposition IN ('ACCEPTED', 'PARTLY_ACCEPTED', 'REJECTED', 'NOTED')),
      observation text NULL,
      resolved_by_account_id text NULL,
      resolved_at timestamptz NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_comment PRIMARY KEY (id),
      CONSTRAINT ck_comment_disposition_reason CHECK (disposition IS NULL OR disposition = 'ACCEPTED' OR length(coalesce(observation, '')) > 0)
    )`);
    await q.query(`CREATE INDEX ix_comment_page ON standards.comment (consultation_id, created_at, id)`);

    await q.query(`CREATE TABLE standards.ballot (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      standard_id uuid NOT NULL REFERENCES standards.standard (id),
      kind text NOT NULL CHECK (kind IN ('PROJECT_REVIEW', 'TECHNICAL_REVIEW')),
      rule text NOT NULL,
      status text NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
      passed boolean NULL,
      outcome jsonb NULL,
      opened_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz NULL,
      CONSTRAINT pk_ballot PRIMARY KEY (id)
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_ballot_open ON standards.ballot (standard_id, kind) WHERE status = 'OPEN'`);
    await q.query(`CREATE TABLE standards.ballot_voter (
      ballot_id uuid NOT NULL REFERENCES standards.ballot (id),
      account_id text NOT NULL,
      display_name text NOT NULL,
      organization_id uuid NULL,
      expert_id uuid NULL,
      exclusion_reason text NULL CHECK (exclusion_reason IN ('DRAFTER', 'CONFLICT_OF_INTEREST')),
      exclusion_note text NULL,
      position text NULL CHECK (position IN ('YES', 'NO', 'ABSTAIN', 'RECUSE')),
      cast_at timestamptz NULL,
      present boolean NOT NULL DEFAULT false,
      CONSTRAINT pk_ballot_voter PRIMARY KEY (ballot_id, account_id),
      CONSTRAINT ck_ballot_voter_excluded_no_vote CHECK (exclusion_reason IS NULL OR position IS NULL)
    )`);
    await q.query(`CREATE INDEX ix_ballot_voter_account ON standards.ballot_voter (account_id)`);

    await q.query(`CREATE TABLE standards.patent_disclosure (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      standard_id uuid NOT NULL REFERENCES standards.standard (id),
      patent_number text NOT NULL,
      title text NOT NULL,
      holder text NOT NULL,
      licence_declaration text NOT NULL CHECK (licence_declaration IN ('FREE_OF_CHARGE', 'REASONABLE_AND_NON_DISCRIMINATORY', 'NOT_WILLING')),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_patent_disclosure PRIMARY KEY (id),
      CONSTRAINT uq_patent_disclosure UNIQUE (standard_id, patent_number)
    )`);
    await q.query(`CREATE TABLE standards.joint_publisher (
      standard_id uuid NOT NULL REFERENCES standards.standard (id),
      association_id uuid NOT NULL,
      name text NOT NULL,
      position integer NOT NULL,
      CONSTRAINT pk_joint_publisher PRIMARY KEY (standard_id, name)
    )`);
    await q.query(`CREATE TABLE standards.activity (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      standard_id uuid NOT NULL REFERENCES standards.standard (id),
      kind text NOT NULL CHECK (kind IN ('PROMOTION', 'SEMINAR')),
      title text NOT NULL,
      held_on date NOT NULL,
      location text NULL,
      participant_count integer NULL CHECK (participant_count >= 0),
      notes text NULL,
      recorded_by_account_id text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_activity PRIMARY KEY (id)
    )`);
    await q.query(`CREATE TABLE standards.reminder (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      standard_id uuid NOT NULL REFERENCES standards.standard (id),
      state text NOT NULL,
      owed_by text NOT NULL,
      recipients text[] NOT NULL,
      sent_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_reminder PRIMARY KEY (id)
    )`);
    await q.query(`CREATE INDEX ix_reminder_standard ON standards.reminder (standard_id, sent_at)`);

    await q.query(`CREATE TABLE standards.organization_directory (
      organization_id uuid NOT NULL,
      association_id uuid NOT NULL,
      name text NOT NULL,
      credit_code varchar(18) NOT NULL,
      membership_status text NOT NULL,
      revision integer NOT NULL,
      last_event_id uuid NOT NULL,
      source_updated_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_organization_directory PRIMARY KEY (organization_id)
    )`);
    await q.query(`CREATE INDEX ix_organization_directory_association ON standards.organization_directory (association_id)`);
    await q.query(`CREATE TABLE standards.expert_directory (
      expert_id uuid NOT NULL,
      association_id uuid NOT NULL,
      person_id uuid NOT NULL,
      name text NOT NULL,
      fields text[] NOT NULL,
      conflicted_organization_ids uuid[] NOT NULL,
      status text NOT NULL CHECK (status IN ('APPOINTED', 'ENDED')),
      term_ends_on date NULL,
      last_event_id uuid NOT NULL,
      source_updated_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_expert_directory PRIMARY KEY (expert_id)
    )`);
    await q.query(`CREATE INDEX ix_expert_directory_association ON standards.expert_directory (association_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'expert_directory', 'organization_directory', 'reminder', 'activity', 'joint_publisher', 'patent_disclosure', 'ballot_voter', 'ballot',
      'comment', 'consultation', 'draft_version', 'working_group_member', 'standard_transition',
    ]) await q.query(`DROP TABLE standards.${table}`);
    await q.query(`DROP FUNCTION standards.refuse_history_change()`);
    for (const table of ['standard', 'code_counter', 'programme', 'stage_transition', 'stage']) await q.query(`DROP TABLE standards.${table}`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events, organizers, sessions, registrations (waitlist, offers, check-in, attendance, certificates),
 * reminders, meeting agendas and votes; plus read models of membership's members and council offices.
 */
export class EventsDomain1795500000000 implements MigrationInterface {
  name = 'EventsDomain1795500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE events.member_directory (
      organization_id uuid NOT NULL,
      association_id uuid NOT NULL,
      name text NOT NULL,
      membership_status text NOT NULL,
      member_number text,
      grade text,
      admitted_on date,
      revision integer NOT NULL,
      last_event_id uuid NOT NULL,
      source_updated_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_member_directory PRIMARY KEY (organization_id)
    )`);
    await q.query(`CREATE INDEX ix_member_directory_status ON events.member_directory (association_id, membership_status)`);

    await q.query(`CREATE TABLE events.individual_member (
      membership_id uuid NOT NULL,
      association_id uuid NOT NULL,
      person_id uuid NOT NULL,
      name text NOT NULL,
      member_number text NOT NULL,
      admitted_on date NOT NULL,
      last_event_id uuid NOT NULL,
      CONSTRAINT pk_individual_member PRIMARY KEY (membership_id)
    )`);
    await q.query(`CREATE INDEX ix_individual_member_person ON events.individual_member (association_id, person_id)`);

    await q.query(`CREATE TABLE events.council_office (
      office_id uuid NOT NULL,
      association_id uuid NOT NULL,
      council_term_id uuid NOT NULL,
      post text NOT NULL,
      holder_organization_id uuid,
      holder_person_id uuid,
      holder_name text NOT NULL,
      starts_on date NOT NULL,
      ends_on date,
      change text NOT NULL CHECK (change IN ('APPOINTED', 'ENDED')),
      last_event_id uuid NOT NULL,
      source_updated_at timestamptz NOT NULL,
      CONSTRAINT pk_council_office PRIMARY KEY (office_id),
      CONSTRAINT ck_council_office_holder CHECK (holder_organization_id IS NOT NULL OR holder_person_id IS NOT NULL)
    )`);
    await q.query(`CREATE INDEX ix_council_office_dates ON events.council_office (association_id, starts_on, ends_on)`);

    await q.query(`CREATE TABLE events.event (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      category text NOT NULL CHECK (category IN ('MEMBER_CONGRESS','COUNCIL_MEETING','FORUM','COMPETITION','TRAINING','POLICY_BRIEFING','VISIT','PUBLICITY_WEEK')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      description text,
      venue text,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      capacity integer CHECK (capacity IS NULL OR capacity > 0),
      audience text NOT NULL CHECK (audience IN ('PUBLIC','MEMBERS_ONLY','COUNCIL_ONLY','INVITED')),
      invited_organization_ids uuid[] NOT NULL DEFAULT '{}',
      requires_approval boolean NOT NULL DEFAULT false,
      per_unit_limit integer CHECK (per_unit_limit IS NULL OR per_unit_limit > 0),
      cancellation_cutoff_at timestamptz,
      offer_minutes integer NOT NULL DEFAULT 1440 CHECK (offer_minutes > 0),
      allow_proxy boolean NOT NULL DEFAULT false,
      status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','PUBLISHED','CANCELLED')),
      created_by uuid,
      published_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_event PRIMARY KEY (id),
      CONSTRAINT uq_event_tenant UNIQUE (association_id, id),
      CONSTRAINT ck_event_times CHECK (ends_at >= starts_at)
    )`);
    await q.query(`CREATE INDEX ix_event_upcoming ON events.event (association_id, status, starts_at, id)`);

    await q.query(`CREATE TABLE events.event_organizer (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      event_id uuid NOT NULL,
      name text NOT NULL,
      organization_id uuid,
      role text NOT NULL CHECK (role IN ('GUIDANCE','HOST','ORGANIZER','CO_ORGANIZER','SUPPORTER')),
      position integer NOT NULL,
      CONSTRAINT pk_event_organizer PRIMARY KEY (id),
      CONSTRAINT fk_event_organizer_event FOREIGN KEY (association_id, event_id) REFERENCES events.event (association_id, id) ON DELETE CASCADE
    )`);
    await q.query(`CREATE INDEX ix_event_organizer_event ON events.event_organizer (event_id, position)`);

    await q.query(`CREATE TABLE events.event_session (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      event_id uuid NOT NULL,
      title text NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      location text,
      CONSTRAINT pk_event_session PRIMARY KEY (id),
      CONSTRAINT fk_event_session_event FOREIGN KEY (association_id, event_id) REFERENCES events.event (association_id, id) ON DELETE CASCADE,
      CONSTRAINT ck_event_session_times CHECK (ends_at >= starts_at)
    )`);
    await q.query(`CREATE INDEX ix_event_session_event ON events.event_session (event_id, starts_at)`);

    await q.query(`CREATE TABLE events.registration (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      event_id uuid NOT NULL,
      organization_id uuid,
      person_id uuid,
      account_id uuid,
      attendee_name text NOT NULL,
      attendee_email text,
      attendee_phone text,
      person_key text NOT NULL,
      status text NOT NULL CHECK (status IN ('PENDING_APPROVAL','CONFIRMED','WAITLISTED','OFFERED','CANCELLED','REJECTED','EXPIRED')),
      waitlisted_at timestamptz,
      offer_expires_at timestamptz,
      check_in_token_hash bytea NOT NULL,
      checked_in_at timestamptz,
      attendance text CHECK (attendance IN ('PRESENT','PROXY','ABSENT')),
      proxy_holder_name text,
      attendance_recorded_at timestamptz,
      certificate_number text,
      certificate_issued_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_registration PRIMARY KEY (id),
      CONSTRAINT fk_registration_event FOREIGN KEY (association_id, event_id) REFERENCES events.event (association_id, id),
      CONSTRAINT uq_registration_token UNIQUE (check_in_token_hash),
      CONSTRAINT uq_registration_certificate UNIQUE (certificate_number),
      CONSTRAINT ck_registration_offer CHECK ((status = 'OFFERED') = (offer_expires_at IS NOT NULL))
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_registration_person_active ON events.registration (event_id, person_key)
      WHERE status IN ('PENDING_APPROVAL','CONFIRMED','WAITLISTED','OFFERED')`);
    await q.query(`CREATE INDEX ix_registration_event_status ON events.registration (event_id, status, waitlisted_at)`);
    await q.query(`CREATE INDEX ix_registration_page ON events.registration (event_id, created_at, id)`);
    await q.query(`CREATE INDEX ix_registration_offers ON events.registration (offer_expires_at) WHERE status = 'OFFERED'`);

    await q.query(`CREATE TABLE events.registration_reminder (
      registration_id uuid NOT NULL,
      association_id uuid NOT NULL,
      kind text NOT NULL,
      sent_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_registration_reminder PRIMARY KEY (registration_id, kind),
      CONSTRAINT fk_registration_reminder FOREIGN KEY (registration_id) REFERENCES events.registration (id) ON DELETE CASCADE
    )`);

    await q.query(`CREATE TABLE events.agenda_item (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      event_id uuid NOT NULL,
      position integer NOT NULL,
      title text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('GENERAL','ELECTION','APPOINTMENT','CHARTER','CONVENTION')),
      rule text NOT NULL,
      appointments jsonb NOT NULL DEFAULT '[]',
      status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','VOTING','ADOPTED','REJECTED')),
      electorate_roll jsonb,
      electorate_size integer,
      present_count integer,
      yes integer,
      no integer,
      abstain integer,
      explanation text,
      opened_at timestamptz,
      closed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_agenda_item PRIMARY KEY (id),
      CONSTRAINT fk_agenda_item_event FOREIGN KEY (association_id, event_id) REFERENCES events.event (association_id, id),
      CONSTRAINT uq_agenda_item_position UNIQUE (event_id, position)
    )`);

    await q.query(`CREATE TABLE events.meeting_vote (
      agenda_item_id uuid NOT NULL,
      voter_id uuid NOT NULL,
      association_id uuid NOT NULL,
      position text NOT NULL CHECK (position IN ('YES','NO','ABSTAIN','RECUSE')),
      cast_by uuid NOT NULL,
      cast_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_meeting_vote PRIMARY KEY (agenda_item_id, voter_id),
      CONSTRAINT fk_meeting_vote_item FOREIGN KEY (agenda_item_id) REFERENCES events.agenda_item (id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['meeting_vote', 'agenda_item', 'registration_reminder', 'registration', 'event_session', 'event_organizer', 'event', 'council_office', 'individual_member', 'member_directory']) {
      await q.query(`DROP TABLE events.${table}`);
    }
  }
}

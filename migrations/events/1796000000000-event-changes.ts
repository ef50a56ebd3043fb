import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Changes to events after creation: a revision per event (the iCal SEQUENCE), who called an event off,
 * when and why, and the append-only history of every change (fields before and after, reason, actor).
 */
export class EventChanges1796000000000 implements MigrationInterface {
  name = 'EventChanges1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE events.event
      ADD COLUMN revision integer NOT NULL DEFAULT 0 CHECK (revision >= 0),
      ADD COLUMN cancelled_at timestamptz,
      ADD COLUMN cancelled_by uuid,
      ADD COLUMN cancellation_reason text`);
    // Nothing reached CANCELLED before; should a row have been set by hand, it gets a date so the rule below holds.
    await q.query(`UPDATE events.event SET cancelled_at = updated_at WHERE status = 'CANCELLED' AND cancelled_at IS NULL`);
    await q.query(`ALTER TABLE events.event ADD CONSTRAINT ck_event_cancelled CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))`);

    await q.query(`CREATE TABLE events.event_change (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL,
      event_id uuid NOT NULL,
      revision integer NOT NULL CHECK (revision > 0),
      kind text NOT NULL CHECK (kind IN ('UPDATED','CANCELLED')),
      reason text,
      before jsonb NOT NULL,
      after jsonb NOT NULL,
      actor_account_id uuid NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_event_change PRIMARY KEY (id),
      CONSTRAINT fk_event_change_event FOREIGN KEY (association_id, event_id) REFERENCES events.event (association_id, id),
      CONSTRAINT uq_event_change_revision UNIQUE (event_id, revision)
    )`);
    // Append-only: what was announced and changed, and why, is kept as it was recorded.
    await q.query(`CREATE FUNCTION events.refuse_event_change_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'event_change is append-only'; END $$`);
    await q.query(`CREATE TRIGGER trg_event_change_append_only BEFORE UPDATE OR DELETE ON events.event_change
      FOR EACH ROW EXECUTE FUNCTION events.refuse_event_change_rewrite()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE events.event_change`);
    await q.query(`DROP FUNCTION events.refuse_event_change_rewrite()`);
    await q.query(`ALTER TABLE events.event DROP CONSTRAINT ck_event_cancelled`);
    await q.query(`ALTER TABLE events.event DROP COLUMN cancellation_reason, DROP COLUMN cancelled_by, DROP COLUMN cancelled_at, DROP COLUMN revision`);
  }
}

/**
 * Outbox and inbox tables, version 1, used by each service's first migration. Frozen like any landed
 * migration: a change to these tables is a new migration, never an edit here.
 */
export function messagingTablesV1(schema: string): { up: string[]; down: string[] } {
  return {
    up: [
      `CREATE TABLE "${schema}".outbox_event (
        position bigserial NOT NULL,
        id uuid NOT NULL,
        type text NOT NULL,
        version integer NOT NULL,
        association_id uuid NULL,
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        causation_id uuid NULL,
        correlation_id text NULL,
        published_at timestamptz NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text NULL,
        CONSTRAINT pk_outbox_event PRIMARY KEY (id)
      )`,
      `CREATE INDEX ix_outbox_event_due ON "${schema}".outbox_event (next_attempt_at, position) WHERE published_at IS NULL`,
      `CREATE INDEX ix_outbox_event_published ON "${schema}".outbox_event (published_at) WHERE published_at IS NOT NULL`,
      `CREATE TABLE "${schema}".inbox_event (
        event_id uuid NOT NULL,
        type text NOT NULL,
        occurred_at timestamptz NULL,
        handled_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_inbox_event PRIMARY KEY (event_id)
      )`,
      `CREATE INDEX ix_inbox_event_handled_at ON "${schema}".inbox_event (handled_at)`,
    ],
    down: [`DROP TABLE "${schema}".inbox_event`, `DROP TABLE "${schema}".outbox_event`],
  };
}

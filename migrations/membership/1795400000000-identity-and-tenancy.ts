import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesV1 } from '../_shared/messaging-tables-v1';

export class IdentityAndTenancy1795400000000 implements MigrationInterface {
  name = 'IdentityAndTenancy1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE membership.association (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name text NOT NULL,
      short_code text NOT NULL,
      executing_body text NULL,
      supervising_authority text NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_association PRIMARY KEY (id),
      CONSTRAINT uq_association_short_code UNIQUE (short_code),
      CONSTRAINT ck_association_short_code CHECK (short_code ~ '^[A-Z][A-Z0-9]{1,15}$')
    )`);
    await q.query(`CREATE TABLE membership.account (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      email text NOT NULL,
      display_name text NOT NULL,
      password_hash text NULL,
      platform_admin boolean NOT NULL DEFAULT false,
      disabled_at timestamptz NULL,
      last_login_at timestamptz NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_account PRIMARY KEY (id),
      CONSTRAINT uq_account_email UNIQUE (email),
      CONSTRAINT ck_account_email_lower CHECK (email = lower(email))
    )`);
    await q.query(`CREATE TABLE membership.role_grant (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      account_id uuid NOT NULL REFERENCES membership.account (id) ON DELETE CASCADE,
      association_id uuid NOT NULL REFERENCES membership.association (id) ON DELETE CASCADE,
      role text NOT NULL,
      organization_id uuid NULL,
      granted_by uuid NULL,
      granted_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_role_grant PRIMARY KEY (id),
      CONSTRAINT ck_role_grant_member_rep CHECK ((role = 'MEMBER_REP') = (organization_id IS NOT NULL))
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_role_grant ON membership.role_grant (account_id, association_id, role, COALESCE(organization_id, '00000000-0000-0000-0000-000000000000'))`);
    await q.query(`CREATE INDEX ix_role_grant_association ON membership.role_grant (association_id)`);
    await q.query(`CREATE TABLE membership.api_client (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name text NOT NULL,
      key_hash text NOT NULL,
      key_prefix text NOT NULL,
      association_ids uuid[] NOT NULL,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz NULL,
      last_used_at timestamptz NULL,
      CONSTRAINT pk_api_client PRIMARY KEY (id),
      CONSTRAINT uq_api_client_key_hash UNIQUE (key_hash),
      CONSTRAINT ck_api_client_scope CHECK (cardinality(association_ids) > 0)
    )`);
    await q.query(`CREATE TABLE membership.organization (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NOT NULL REFERENCES membership.association (id),
      name text NOT NULL,
      credit_code varchar(18) NOT NULL,
      membership_status text NOT NULL DEFAULT 'NONE',
      revision integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_organization PRIMARY KEY (id),
      CONSTRAINT uq_organization_credit_code UNIQUE (association_id, credit_code)
    )`);
    await q.query(`CREATE INDEX ix_organization_page ON membership.organization (association_id, created_at, id)`);
    await q.query(`CREATE TABLE membership.audit_entry (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      association_id uuid NULL,
      actor_account_id uuid NULL,
      action text NOT NULL,
      subject_type text NOT NULL,
      subject_id text NULL,
      details jsonb NOT NULL DEFAULT '{}',
      request_id text NULL,
      at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_audit_entry PRIMARY KEY (id)
    )`);
    await q.query(`CREATE INDEX ix_audit_entry_association_at ON membership.audit_entry (association_id, at)`);
    for (const sql of messagingTablesV1('membership').up) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of messagingTablesV1('membership').down) await q.query(sql);
    for (const table of ['audit_entry', 'organization', 'api_client', 'role_grant', 'account', 'association']) {
      await q.query(`DROP TABLE membership.${table}`);
    }
  }
}

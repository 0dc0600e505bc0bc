import { sqlMigration } from '@taizhang/bootstrap';

/** The org-tree replica until it moved into the directory (1765000000200). */
export const CREATE_GATEWAY_ORG_UNITS = `
  CREATE TABLE gateway_org_units (
    org_unit_id text PRIMARY KEY,
    parent_id text,
    kind text NOT NULL,
    org_path text NOT NULL,
    name text NOT NULL,
    dissolved boolean NOT NULL DEFAULT false,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`;

/** The gateway's own tables: user accounts with their change history, and the org-tree replica. */
export const CreateGatewayTables1760100000000 = sqlMigration('CreateGatewayTables1760100000000', {
  up: [
    CREATE_GATEWAY_ORG_UNITS,
    `
      CREATE TABLE gateway_users (
        id uuid PRIMARY KEY,
        username text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL
          CHECK (role IN ('union_cadre', 'federation_officer', 'auditor', 'admin')),
        org_unit_id text CHECK (org_unit_id IS NOT NULL OR role = 'admin'),
        disabled boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        created_by text NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by text NOT NULL
      )`,
    'CREATE UNIQUE INDEX gateway_users_username ON gateway_users (username)',
    // Who changed an account, when and how; never the password itself.
    `
      CREATE TABLE gateway_user_changes (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES gateway_users (id),
        changed_at timestamptz NOT NULL,
        changed_by text NOT NULL,
        change text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'
      )`,
    'CREATE INDEX gateway_user_changes_user ON gateway_user_changes (user_id, id)',
  ],
  down: [
    'DROP TABLE gateway_user_changes',
    'DROP TABLE gateway_users',
    'DROP TABLE gateway_org_units',
  ],
});

import type { Pool, PoolClient } from 'pg';

import type { Role } from '@taizhang/auth';

/** An account as stored, without its password hash. */
export interface UserRow {
  id: string;
  username: string;
  role: Role;
  orgUnitId: string | null;
  /** The unit's path in the org-tree replica. */
  orgPath: string | null;
  disabled: boolean;
  version: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}

/** What sign-in needs of an account. */
export interface Credentials {
  id: string;
  passwordHash: string;
  disabled: boolean;
}

/** One recorded change to an account. */
export interface UserChange {
  changedAt: Date;
  changedBy: string;
  change: string;
  details: Record<string, unknown>;
}

const USER_COLUMNS = `u.id, u.username, u.role, u.org_unit_id AS "orgUnitId", o.org_path AS "orgPath",
  u.disabled, u.version, u.created_at AS "createdAt", u.created_by AS "createdBy",
  u.updated_at AS "updatedAt", u.updated_by AS "updatedBy"`;

const FROM_USERS = 'gateway_users u LEFT JOIN org_units_now o ON o.unit_id = u.org_unit_id';

const FIND_USER = `SELECT ${USER_COLUMNS} FROM ${FROM_USERS} WHERE u.id = $1`;

const FIND_USER_FOR_UPDATE = `SELECT ${USER_COLUMNS} FROM ${FROM_USERS} WHERE u.id = $1 FOR UPDATE OF u`;

const LIST_USERS = `SELECT ${USER_COLUMNS} FROM ${FROM_USERS} ORDER BY u.username LIMIT $1 OFFSET $2`;

const FIND_CREDENTIALS = `
  SELECT id, password_hash AS "passwordHash", disabled FROM gateway_users WHERE username = $1`;

const INSERT_USER = `
  INSERT INTO gateway_users (id, username, password_hash, role, org_unit_id,
                             created_at, created_by, updated_at, updated_by)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $6, $7)
  ON CONFLICT (username) DO NOTHING`;

const UPDATE_USER = `
  UPDATE gateway_users
  SET role = $2, org_unit_id = $3, disabled = $4, password_hash = coalesce($5, password_hash),
      version = version + 1, updated_at = $6, updated_by = $7
  WHERE id = $1`;

const INSERT_CHANGE = `
  INSERT INTO gateway_user_changes (user_id, changed_at, changed_by, change, details)
  VALUES ($1, $2, $3, $4, $5)`;

const LIST_CHANGES = `
  SELECT changed_at AS "changedAt", changed_by AS "changedBy", change, details
  FROM gateway_user_changes WHERE user_id = $1 ORDER BY id`;

const ANY_ADMIN = "SELECT 1 FROM gateway_users WHERE role = 'admin' LIMIT 1";

type Queryable = Pool | PoolClient;

export const findUser = async (db: Queryable, id: string): Promise<UserRow | null> =>
  (await db.query<UserRow>(FIND_USER, [id])).rows[0] ?? null;

export const findUserForUpdate = async (tx: PoolClient, id: string): Promise<UserRow | null> =>
  (await tx.query<UserRow>(FIND_USER_FOR_UPDATE, [id])).rows[0] ?? null;

export const listUsers = async (
  db: Queryable,
  { limit, offset }: { limit: number; offset: number },
): Promise<UserRow[]> => (await db.query<UserRow>(LIST_USERS, [limit, offset])).rows;

export const findCredentials = async (
  db: Queryable,
  username: string,
): Promise<Credentials | null> =>
  (await db.query<Credentials>(FIND_CREDENTIALS, [username])).rows[0] ?? null;

/** A new account; false when the username is taken. */
export const insertUser = async (
  tx: PoolClient,
  user: {
    id: string;
    username: string;
    passwordHash: string;
    role: Role;
    orgUnitId: string | null;
    at: Date;
    by: string;
  },
): Promise<boolean> => {
  const { rowCount } = await tx.query(INSERT_USER, [
    user.id,
    user.username,
    user.passwordHash,
    user.role,
    user.orgUnitId,
    user.at,
    user.by,
  ]);

  return rowCount === 1;
};

export const updateUser = async (
  tx: PoolClient,
  id: string,
  next: {
    role: Role;
    orgUnitId: string | null;
    disabled: boolean;
    passwordHash: string | null;
    at: Date;
    by: string;
  },
): Promise<void> => {
  await tx.query(UPDATE_USER, [
    id,
    next.role,
    next.orgUnitId,
    next.disabled,
    next.passwordHash,
    next.at,
    next.by,
  ]);
};

export const insertChange = async (
  tx: PoolClient,
  userId: string,
  change: UserChange,
): Promise<void> => {
  await tx.query(INSERT_CHANGE, [
    userId,
    change.changedAt,
    change.changedBy,
    change.change,
    change.details,
  ]);
};

export const listChanges = async (db: Queryable, userId: string): Promise<UserChange[]> =>
  (await db.query<UserChange>(LIST_CHANGES, [userId])).rows;

export const anyAdminExists = async (db: Queryable): Promise<boolean> =>
  ((await db.query(ANY_ADMIN)).rowCount ?? 0) > 0;

/** Runs `work` in one transaction on a pooled connection. */
export const inTransaction = async <T>(
  pool: Pool,
  work: (tx: PoolClient) => Promise<T>,
): Promise<T> => {
  const tx = await pool.connect();
  try {
    await tx.query('BEGIN');
    const result = await work(tx);
    await tx.query('COMMIT');

    return result;
  } catch (error) {
    await tx.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    tx.release();
  }
};

import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import type { Pool, PoolClient } from 'pg';

import type { AuthenticatedUser, Role } from '@taizhang/auth';
import { ConcurrencyError, NotFoundError } from '@taizhang/event-store';

import { findOrgUnit } from '../org-tree';
import { SessionStore } from '../shared/session-store';
import type { Clock } from '../shared/tokens';
import { CLOCK, PG_POOL } from '../shared/tokens';
import type { UpdateUserDto } from './dto/user.dto';
import { PasswordHasher } from './password-hasher';
import { ownAccount, UsernameTakenError } from './user.errors';
import { checkPlacement } from './user-placement';
import type { UserChange, UserRow } from './users.sql';
import {
  findUser,
  findUserForUpdate,
  insertChange,
  insertUser,
  inTransaction,
  listChanges,
  listUsers,
  updateUser,
} from './users.sql';

/** A new account. */
export interface NewUser {
  username: string;
  password: string;
  role: Role;
  orgUnitId: string | null;
}

const userNotFound = (id: string) => new NotFoundError(`No user ${id}. / 未找到该用户。`);

// What a patch changes, in the words of the change history.
const changesOf = (
  current: UserRow,
  next: { role: Role; orgUnitId: string | null; disabled: boolean },
  passwordChanged: boolean,
): Omit<UserChange, 'changedAt' | 'changedBy'>[] => [
  ...(next.role !== current.role
    ? [{ change: 'role_changed', details: { from: current.role, to: next.role } }]
    : []),
  ...(next.orgUnitId !== current.orgUnitId
    ? [{ change: 'org_unit_changed', details: { from: current.orgUnitId, to: next.orgUnitId } }]
    : []),
  ...(next.disabled !== current.disabled
    ? [{ change: next.disabled ? 'disabled' : 'enabled', details: {} }]
    : []),
  ...(passwordChanged ? [{ change: 'password_changed', details: {} }] : []),
];

// The account as the patch leaves it; `orgUnitId: null` takes an admin out of any unit.
const patched = (current: UserRow, patch: UpdateUserDto) => ({
  role: patch.role ?? current.role,
  orgUnitId: patch.orgUnitId === undefined ? current.orgUnitId : patch.orgUnitId,
  disabled: patch.disabled ?? current.disabled,
});

// If-Match: only the version the admin read may be changed.
const assertVersion = (current: UserRow, expected: number | undefined): void => {
  if (expected !== undefined && expected !== current.version)
    throw new ConcurrencyError(`user-${current.id}`, expected, current.version);
};

/** Accounts: created, changed and listed by an admin; each change recorded with who and when. */
@Injectable()
export class UsersService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionStore,
  ) {}

  /** Creates an account; `by` is the admin's id, or `system` for the first admin. */
  async create(user: NewUser, by: string): Promise<UserRow> {
    await this.checkPlacement(user.role, user.orgUnitId);
    const id = randomUUID();
    const passwordHash = await this.passwords.hash(user.password);
    const at = this.clock();
    await inTransaction(this.pool, async (tx) => {
      if (!(await insertUser(tx, { id, ...user, passwordHash, at, by })))
        throw new UsernameTakenError(user.username);
      await insertChange(tx, id, {
        changedAt: at,
        changedBy: by,
        change: 'created',
        details: { role: user.role, orgUnitId: user.orgUnitId },
      });
    });

    return (await findUser(this.pool, id))!;
  }

  async get(id: string): Promise<UserRow> {
    const user = await findUser(this.pool, id);
    if (!user) throw userNotFound(id);

    return user;
  }

  list(page: { limit: number; offset: number }): Promise<UserRow[]> {
    return listUsers(this.pool, page);
  }

  async changes(id: string): Promise<UserChange[]> {
    await this.get(id);

    return listChanges(this.pool, id);
  }

  /**
   * Changes role, unit, disabled or password. Any of them ends the account's sessions, so the
   * next request signs in again under the new terms. `If-Match` guards against a lost update.
   */
  async update(
    id: string,
    patch: UpdateUserDto,
    admin: AuthenticatedUser,
    expectedVersion: number | undefined,
  ): Promise<UserRow> {
    const passwordHash = patch.password ? await this.passwords.hash(patch.password) : null;
    const changed = await inTransaction(this.pool, (tx) =>
      this.applyUpdate(tx, id, patch, passwordHash, admin, expectedVersion),
    );
    if (changed) await this.sessions.endAll(id);

    return this.get(id);
  }

  private async applyUpdate(
    tx: PoolClient,
    id: string,
    patch: UpdateUserDto,
    passwordHash: string | null,
    admin: AuthenticatedUser,
    expectedVersion: number | undefined,
  ): Promise<boolean> {
    const current = await findUserForUpdate(tx, id);
    if (!current) throw userNotFound(id);
    assertVersion(current, expectedVersion);
    const next = patched(current, patch);
    if (admin.id === id && (next.role !== current.role || next.disabled)) throw ownAccount();
    const changes = changesOf(current, next, passwordHash !== null);
    if (changes.length === 0) return false;
    if (next.role !== current.role || next.orgUnitId !== current.orgUnitId)
      await this.checkPlacement(next.role, next.orgUnitId);
    const at = this.clock();
    await updateUser(tx, id, { ...next, passwordHash, at, by: admin.id });
    for (const change of changes)
      await insertChange(tx, id, { ...change, changedAt: at, changedBy: admin.id });

    return true;
  }

  private async checkPlacement(role: Role, orgUnitId: string | null): Promise<void> {
    checkPlacement(role, orgUnitId, orgUnitId ? await findOrgUnit(this.pool, orgUnitId) : null);
  }
}

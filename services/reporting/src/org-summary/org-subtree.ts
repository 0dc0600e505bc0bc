import type { Pool } from 'pg';

import type { AuthenticatedUser } from '@taizhang/auth';
import { assertInScope } from '@taizhang/auth';
import { NotFoundError } from '@taizhang/event-store';

const FIND_PATH = 'SELECT org_path FROM org_unit_facts WHERE org_unit_id = $1';

/** A unit's org path as reporting knows it, or null for a unit it never heard of. */
export const findOrgPath = async (pool: Pool, orgUnitId: string): Promise<string | null> => {
  const found = await pool.query<{ org_path: string }>(FIND_PATH, [orgUnitId]);

  return found.rows[0]?.org_path ?? null;
};

/** What `read` answers about a unit, or null (without reading) for a unit reporting never heard of. */
export const ofKnownUnit = async <T>(
  pool: Pool,
  orgUnitId: string,
  read: () => Promise<T>,
): Promise<T | null> => ((await findOrgPath(pool, orgUnitId)) === null ? null : read());

/** The unit's current path as reporting stores it, in the caller's subtree; else 404 either way. */
export const requireOrgPathInScope = async (
  pool: Pool,
  user: AuthenticatedUser,
  orgUnitId: string,
): Promise<string> => {
  const path = await findOrgPath(pool, orgUnitId);
  assertInScope(user, path, {
    notFound: () =>
      new NotFoundError(`No org unit ${orgUnitId} is known to reporting. / 未找到该组织。`),
  });

  return path;
};

import type { Pool } from 'pg';

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

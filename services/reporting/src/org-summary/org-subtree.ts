import type { Pool } from 'pg';

const FIND_PATH = 'SELECT org_path FROM org_unit_facts WHERE org_unit_id = $1';

/** A unit's org path as reporting knows it, or null for a unit it never heard of. */
export const findOrgPath = async (pool: Pool, orgUnitId: string): Promise<string | null> => {
  const found = await pool.query<{ org_path: string }>(FIND_PATH, [orgUnitId]);

  return found.rows[0]?.org_path ?? null;
};

// Paths are ids joined by '/', but a LIKE pattern must never be widened by what an id contains.
const escapeLike = (value: string): string => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The values of `org_path = $1 OR org_path LIKE $2`: the unit itself and everything under it. */
export const subtreeParams = (orgPath: string): [string, string] => [
  orgPath,
  `${escapeLike(orgPath)}/%`,
];

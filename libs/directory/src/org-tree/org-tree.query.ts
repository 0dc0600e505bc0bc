import type { Pool, PoolClient } from 'pg';

type Db = Pool | PoolClient;

/** One org unit where it is now. */
export interface OrgUnitNow {
  orgUnitId: string;
  parentId: string | null;
  kind: string;
  orgPath: string;
  name: string;
  ended: boolean;
}

const COLUMNS = `unit_id AS "orgUnitId", parent_id AS "parentId", kind, org_path AS "orgPath",
  name, ended`;

const WHERE_IS = `SELECT ${COLUMNS} FROM org_units_now WHERE unit_id = $1`;

const LIST = `SELECT ${COLUMNS} FROM org_units_now ORDER BY org_path LIMIT $1 OFFSET $2`;

const CURRENT_PATHS = `
  SELECT unit_id, org_path FROM org_paths WHERE unit_id = ANY($1::text[]) AND valid_to = 'infinity'`;

const PATH_ON = `
  SELECT org_path FROM org_paths WHERE unit_id = $1 AND valid_from <= $2 AND ($2 < valid_to OR valid_to = 'infinity')`;

// Children and subtree on a date: the paths that hold on it, below the unit's own path then.
const CHILDREN_ON = `
  SELECT c.unit_id FROM org_paths p
  JOIN org_paths c ON c.org_path = p.org_path || '/' || c.unit_id
    AND c.valid_from <= $2 AND ($2 < c.valid_to OR c.valid_to = 'infinity')
  WHERE p.unit_id = $1 AND p.valid_from <= $2 AND ($2 < p.valid_to OR p.valid_to = 'infinity')
  ORDER BY c.unit_id`;

const SUBTREE_ON = `
  SELECT s.unit_id FROM org_paths p
  JOIN org_paths s ON starts_with(s.org_path, p.org_path || '/')
    AND s.valid_from <= $2 AND ($2 < s.valid_to OR s.valid_to = 'infinity')
  WHERE p.unit_id = $1 AND p.valid_from <= $2 AND ($2 < p.valid_to OR p.valid_to = 'infinity')
  ORDER BY s.org_path`;

// "Now": the intervals that hold until infinity (a date compares below infinity anyway).
const NOW = 'infinity';

/** Where unit `id` is now (current path, kind, name, ended), or null if the tree has not heard of it. */
export const whereIsUnit = async (db: Db, id: string): Promise<OrgUnitNow | null> =>
  (await db.query<OrgUnitNow>(WHERE_IS, [id])).rows[0] ?? null;

/** Every unit where it is now, in path order (a parent before its children). */
export const listOrgUnits = async (
  db: Db,
  { limit, offset }: { limit: number; offset: number },
): Promise<OrgUnitNow[]> => (await db.query<OrgUnitNow>(LIST, [limit, offset])).rows;

/** The current paths of those of `ids` the tree places. */
export const currentPathsOf = async (
  db: Db,
  ids: readonly string[],
): Promise<Map<string, string>> => {
  const { rows } = await db.query<{ unit_id: string; org_path: string }>(CURRENT_PATHS, [ids]);

  return new Map(rows.map((row) => [row.unit_id, row.org_path]));
};

/** The path of unit `id` on `day` (YYYY-MM-DD), or null where it had none. */
export const pathOn = async (db: Db, id: string, day: string): Promise<string | null> =>
  (await db.query<{ org_path: string }>(PATH_ON, [id, day])).rows[0]?.org_path ?? null;

/** The units directly under `id` on `day` (now when no day is given). */
export const childrenOf = async (db: Db, id: string, day: string = NOW): Promise<string[]> =>
  (await db.query<{ unit_id: string }>(CHILDREN_ON, [id, day])).rows.map((row) => row.unit_id);

/** Every unit below `id` on `day` (now when no day is given), a parent before its children. */
export const subtreeOf = async (db: Db, id: string, day: string = NOW): Promise<string[]> =>
  (await db.query<{ unit_id: string }>(SUBTREE_ON, [id, day])).rows.map((row) => row.unit_id);

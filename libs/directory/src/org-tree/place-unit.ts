import type { PoolClient } from 'pg';

/** A unit's parent from a date ('-infinity' for where it was placed when created). */
export interface Placement {
  unitId: string;
  validFrom: string;
  parentId: string | null;
  kind: string;
}

/**
 * What a service does with the units whose paths a placement changes, inside the same
 * transaction: reporting takes their figures off the old paths before and puts them back along
 * the new ones after.
 */
export interface SubtreeMoveHooks {
  beforePathsChange?(tx: PoolClient, subtreeUnitIds: string[]): Promise<void>;
  afterPathsChange?(tx: PoolClient, subtreeUnitIds: string[]): Promise<void>;
}

// Readers of the paths (reporting's figures) share this key while a placement takes it alone,
// so nothing is ever read along half an old and half a new tree.
export const ORG_TREE_LOCK = 7_321_001;
export const LOCK_ORG_TREE_SHARED = `SELECT pg_advisory_xact_lock_shared(${ORG_TREE_LOCK})`;
export const LOCK_ORG_TREE = `SELECT pg_advisory_xact_lock(${ORG_TREE_LOCK})`;

const PLACE = `
  INSERT INTO org_placements (unit_id, valid_from, parent_id, kind) VALUES ($1, $2, $3, $4)
  ON CONFLICT (unit_id, valid_from) DO NOTHING`;

const CHILDREN = `SELECT DISTINCT unit_id FROM org_placements WHERE parent_id = ANY($1::text[])`;

// Each placement holds until the next; within it, the path is the parent's path over the part
// of the placement each of the parent's own paths covers. A unit whose parent is not known yet
// has no path until the parent arrives (then the parent's recomputation reaches it).
const REMOVE_PATHS = 'DELETE FROM org_paths WHERE unit_id = $1';
const RECOMPUTE_PATHS = `
  INSERT INTO org_paths (unit_id, valid_from, valid_to, org_path)
  SELECT pl.unit_id,
         greatest(pl.valid_from, coalesce(pp.valid_from, '-infinity')),
         least(pl.valid_to, coalesce(pp.valid_to, 'infinity')),
         coalesce(pp.org_path || '/', '') || pl.unit_id
  FROM (
    SELECT unit_id, valid_from, parent_id,
           coalesce(lead(valid_from) OVER (ORDER BY valid_from), 'infinity') AS valid_to
    FROM org_placements WHERE unit_id = $1
  ) AS pl
  LEFT JOIN org_paths pp
    ON pp.unit_id = pl.parent_id AND pp.valid_to > pl.valid_from AND pp.valid_from < pl.valid_to
  WHERE pl.parent_id IS NULL OR pp.unit_id IS NOT NULL`;

/** The unit and everything placed under it at any time, top-down, level by level. */
const subtreeOf = async (tx: PoolClient, unitId: string): Promise<string[]> => {
  const levels: string[][] = [[unitId]];
  for (;;) {
    const { rows } = await tx.query<{ unit_id: string }>(CHILDREN, [levels[levels.length - 1]]);
    if (rows.length === 0) break;
    levels.push(rows.map((row) => row.unit_id));
  }

  return levels.flat();
};

/**
 * Records where a unit sits from a date and, when that is news, recomputes the paths of the unit
 * and of everything under it (the one subtree move: moving a unit carries its subtree's paths),
 * between the hooks. Holds the tree lock alone meanwhile.
 */
export const placeUnit = async (
  tx: PoolClient,
  placement: Placement,
  hooks: SubtreeMoveHooks = {},
): Promise<void> => {
  await tx.query(LOCK_ORG_TREE);
  const placed = await tx.query(PLACE, [
    placement.unitId,
    placement.validFrom,
    placement.parentId,
    placement.kind,
  ]);
  if (placed.rowCount === 0) return;
  const subtree = await subtreeOf(tx, placement.unitId);
  await hooks.beforePathsChange?.(tx, subtree);
  for (const unitId of subtree) {
    await tx.query(REMOVE_PATHS, [unitId]);
    await tx.query({ name: 'directory-recompute-paths', text: RECOMPUTE_PATHS, values: [unitId] });
  }
  await hooks.afterPathsChange?.(tx, subtree);
};

// Every path from the placements at once: the recursion of placeUnit over the whole tree.
const REBUILD_ALL_PATHS = `
  WITH RECURSIVE pl AS (
    SELECT unit_id, valid_from, parent_id,
           coalesce(lead(valid_from) OVER (PARTITION BY unit_id ORDER BY valid_from), 'infinity')
             AS valid_to
    FROM org_placements
  ), paths AS (
    SELECT unit_id, valid_from, valid_to, unit_id AS org_path FROM pl WHERE parent_id IS NULL
    UNION ALL
    SELECT pl.unit_id, greatest(pl.valid_from, pp.valid_from), least(pl.valid_to, pp.valid_to),
           pp.org_path || '/' || pl.unit_id
    FROM pl JOIN paths pp
      ON pp.unit_id = pl.parent_id AND pp.valid_to > pl.valid_from AND pp.valid_from < pl.valid_to
  )
  INSERT INTO org_paths (unit_id, valid_from, valid_to, org_path)
  SELECT unit_id, valid_from, valid_to, org_path FROM paths`;

/** A unit as `org_units` keeps it: kind, name, the path its own events last gave it, ended? */
export interface UnitOnRecord {
  unitId: string;
  kind: string;
  name: string;
  recordedPath: string;
  ended: boolean;
}

const INSERT_PLACEMENTS = `
  INSERT INTO org_placements (unit_id, valid_from, parent_id, kind)
  SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::text[])
  ON CONFLICT (unit_id, valid_from) DO NOTHING`;

const INSERT_UNITS = `
  INSERT INTO org_units (unit_id, kind, name, recorded_path, ended)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[])`;

/**
 * Fills the tree in a migration from what a service read of its history: the placements
 * (a `validFrom` of `-infinity` for since always), optionally the units, then every path
 * computed from the placements.
 */
export const fillOrgTree = async (
  runner: { query(sql: string, parameters?: unknown[]): Promise<unknown> },
  rows: { placements: readonly Placement[]; units?: readonly UnitOnRecord[] },
): Promise<void> => {
  const { placements, units = [] } = rows;
  await runner.query(INSERT_PLACEMENTS, [
    placements.map((placement) => placement.unitId),
    placements.map((placement) => placement.validFrom),
    placements.map((placement) => placement.parentId),
    placements.map((placement) => placement.kind),
  ]);
  await runner.query(INSERT_UNITS, [
    units.map((unit) => unit.unitId),
    units.map((unit) => unit.kind),
    units.map((unit) => unit.name),
    units.map((unit) => unit.recordedPath),
    units.map((unit) => unit.ended),
  ]);
  await runner.query(REBUILD_ALL_PATHS);
};

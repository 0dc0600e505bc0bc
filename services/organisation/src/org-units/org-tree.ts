import type { Pool, PoolClient } from 'pg';

import type { OrgUnitRef } from '@taizhang/event-store';

// The federation units with their paths as they are now. Written in the transaction of the
// command that creates or moves a unit, so the next command reads the path the tree has.
const PLACE = `
  INSERT INTO org_tree (org_unit_id, parent_id, org_path) VALUES ($1, $2, $3)
  ON CONFLICT (org_unit_id) DO UPDATE SET parent_id = EXCLUDED.parent_id, org_path = EXCLUDED.org_path`;

// Everything under a moved unit keeps its place below it: the old path prefix becomes the new.
const MOVE_SUBTREE = `
  UPDATE org_tree
  SET org_path = $3 || substr(org_path, length($2) + 1),
      parent_id = CASE WHEN org_unit_id = $1 THEN $4 ELSE parent_id END
  WHERE org_path = $2 OR starts_with(org_path, $2 || '/')`;

const FIND = 'SELECT org_unit_id, org_path FROM org_tree WHERE org_unit_id = ANY($1::text[])';

/** Records a new federation unit in the current tree. */
export const placeInOrgTree = (
  client: PoolClient,
  unit: { id: string; parentId: string | null; orgPath: string },
): Promise<unknown> => client.query(PLACE, [unit.id, unit.parentId, unit.orgPath]);

/** Moves a federation unit and its whole subtree in the current tree. */
export const moveInOrgTree = (
  client: PoolClient,
  move: { orgUnitId: string; previousOrgPath: string; orgPath: string; parentId: string },
): Promise<unknown> =>
  client.query(MOVE_SUBTREE, [move.orgUnitId, move.previousOrgPath, move.orgPath, move.parentId]);

/**
 * The unit at its current path. `recorded` is the path its own stream last gave it, which a move
 * of a unit above it (a union's street to another district) does not change: a federation unit
 * is found in the tree itself, anything else (a union, an employer) under its parent's current
 * path. A unit the tree does not know keeps the recorded path.
 */
export const currentOrgUnit = async (pool: Pool, recorded: OrgUnitRef): Promise<OrgUnitRef> => {
  const segments = recorded.path.split('/');
  const parentId = segments.length > 1 ? segments[segments.length - 2]! : null;
  const { rows } = await pool.query<{ org_unit_id: string; org_path: string }>(FIND, [
    parentId === null ? [recorded.id] : [recorded.id, parentId],
  ]);
  const own = rows.find((row) => row.org_unit_id === recorded.id);
  if (own) return { id: recorded.id, path: own.org_path };
  const parent = rows.find((row) => row.org_unit_id === parentId);

  return parent ? { id: recorded.id, path: `${parent.org_path}/${recorded.id}` } : recorded;
};

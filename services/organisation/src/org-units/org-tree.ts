import DataLoader from 'dataloader';
import type { Pool, PoolClient } from 'pg';

import type { OrgUnitRef } from '@taizhang/event-store';
import { BATCH_PER_TURN } from '@taizhang/event-store';

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

/** Reads current paths from the tree: the paths of those of `ids` it holds. */
export interface OrgTreeReader {
  pathsOf(ids: readonly string[]): Promise<Map<string, string>>;
}

/** The tree read with one query per call. */
export const orgTreeOf = (pool: Pool): OrgTreeReader => ({
  pathsOf: async (ids) => {
    const { rows } = await pool.query<{ org_unit_id: string; org_path: string }>(FIND, [ids]);

    return new Map(rows.map((row) => [row.org_unit_id, row.org_path]));
  },
});

/**
 * The tree read for concurrent requests (many joins at once, each placing its union) in one
 * query per turn of the event loop. Nothing is cached: a move is seen by the next turn.
 */
export const batchedOrgTreeOf = (pool: Pool): OrgTreeReader => {
  const direct = orgTreeOf(pool);
  const loader = new DataLoader<string, string | null>(async (ids) => {
    const paths = await direct.pathsOf([...new Set(ids)]);

    return ids.map((id) => paths.get(id) ?? null);
  }, BATCH_PER_TURN);

  return {
    pathsOf: async (ids) => {
      const paths = await loader.loadMany(ids);

      return new Map(
        ids.flatMap((id, index) => {
          const path = paths[index];
          if (path instanceof Error) throw path;

          return path ? [[id, path] as const] : [];
        }),
      );
    },
  };
};

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
const currentOrgUnit = async (tree: OrgTreeReader, recorded: OrgUnitRef): Promise<OrgUnitRef> => {
  const segments = recorded.path.split('/');
  const parentId = segments.length > 1 ? segments[segments.length - 2]! : null;
  const paths = await tree.pathsOf(parentId === null ? [recorded.id] : [recorded.id, parentId]);
  const own = paths.get(recorded.id);
  if (own) return { id: recorded.id, path: own };
  const parent = parentId === null ? undefined : paths.get(parentId);

  return parent ? { id: recorded.id, path: `${parent}/${recorded.id}` } : recorded;
};

/**
 * A unit's state with the path the tree gives it now ({@link currentOrgUnit}), or as it was when
 * that is the recorded one.
 */
export const atCurrentPath = async <T extends { orgPath: string }>(
  tree: OrgTreeReader,
  id: string,
  state: T,
): Promise<T> => {
  const current = await currentOrgUnit(tree, { id, path: state.orgPath });

  return current.path === state.orgPath ? state : { ...state, orgPath: current.path };
};

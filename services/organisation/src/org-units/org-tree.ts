import DataLoader from 'dataloader';
import type { Pool, PoolClient } from 'pg';

import { currentPathsOf, placeUnit, SINCE_ALWAYS } from '@taizhang/directory';
import type { OrgUnitRef } from '@taizhang/event-store';
import { BATCH_PER_TURN } from '@taizhang/event-store';

// The federation units in the org tree in time of @taizhang/directory, written in the
// transaction of the command that creates or moves a unit, so the next command reads the path
// the tree has. Unions and employers are not placed: they stand under their parent's path.
const FEDERATION = 'federation';

/** Reads current paths from the tree: the paths of those of `ids` it holds. */
export interface OrgTreeReader {
  pathsOf(ids: readonly string[]): Promise<Map<string, string>>;
}

/** The tree read with one query per call. */
export const orgTreeOf = (pool: Pool): OrgTreeReader => ({
  pathsOf: (ids) => currentPathsOf(pool, ids),
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

/** Records a new federation unit in the tree, under its parent since always. */
export const placeInOrgTree = (
  client: PoolClient,
  unit: { id: string; parentId: string | null; orgPath: string },
): Promise<void> =>
  placeUnit(client, {
    unitId: unit.id,
    validFrom: SINCE_ALWAYS,
    parentId: unit.parentId,
    kind: FEDERATION,
  });

/** Moves a federation unit and its whole subtree in the tree, from the move's date. */
export const moveInOrgTree = (
  client: PoolClient,
  move: { orgUnitId: string; parentId: string; effectiveOn: string },
): Promise<void> =>
  placeUnit(client, {
    unitId: move.orgUnitId,
    validFrom: move.effectiveOn,
    parentId: move.parentId,
    kind: FEDERATION,
  });

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

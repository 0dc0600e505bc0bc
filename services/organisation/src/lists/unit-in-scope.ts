import type { Caller } from '@taizhang/auth';
import { assertInScope } from '@taizhang/auth';
import { currentPathsOf } from '@taizhang/directory';
import type { PostgresEventStore } from '@taizhang/event-store';
import { NotFoundError } from '@taizhang/event-store';

import { readUnionAtCurrentPath } from '../unions';

export interface UnitInScope {
  id: string;
  kind: 'federation' | 'union';
  path: string;
  name: string | null;
}

const notFound = (unitId: string) =>
  new NotFoundError(`Org unit ${unitId} does not exist. / 组织不存在。`);

/**
 * Any org unit a list is asked for, where it is now: a federation unit from the org tree, a union
 * (not a founding application: that is no unit yet) from its stream at its current path. 404
 * when unknown or outside the caller's subtree, the same either way.
 */
export const requireUnitInScope = async (
  store: PostgresEventStore,
  user: Caller,
  unitId: string,
  kinds: readonly UnitInScope['kind'][] = ['federation', 'union'],
): Promise<UnitInScope> => {
  const federationPath = kinds.includes('federation')
    ? (await currentPathsOf(store.pool, [unitId])).get(unitId)
    : undefined;
  if (federationPath !== undefined) {
    assertInScope(user, federationPath, { notFound: () => notFound(unitId) });

    return { id: unitId, kind: 'federation', path: federationPath, name: null };
  }
  const { state } = kinds.includes('union')
    ? await readUnionAtCurrentPath(store, unitId)
    : { state: { status: 'None' as const } };
  const isUnit =
    state.status === 'Registered' || state.status === 'Dissolved' || state.status === 'Merged';
  assertInScope(user, isUnit ? state.orgPath : null, { notFound: () => notFound(unitId) });

  return {
    id: unitId,
    kind: 'union',
    path: isUnit ? state.orgPath : '',
    name: isUnit ? state.name : null,
  };
};

/** The id of the caller's own unit: the last segment of its path (paths are ids joined by '/'). */
export const ownUnitOf = (user: Caller): string | null =>
  user.orgPath ? (user.orgPath.split('/').pop() ?? null) : null;

import type { PostgresEventStore } from '@taizhang/event-store';
import { aggregateStream } from '@taizhang/event-store';

import type { OrgTreeReader } from '../org-units';
import { atCurrentPath, orgTreeOf } from '../org-units';
import { unionDecider } from './union.decider';
import type { Union } from './union.state';

/**
 * The union with the path the tree gives it now: its own stream records its own moves, but not
 * those of the street or district above it.
 */
export const withCurrentPath = async (tree: OrgTreeReader, union: Union): Promise<Union> =>
  union.status === 'None' ? union : atCurrentPath(tree, union.id, union);

/** The union's stream folded, at its current path (status `None` when there is no such union). */
export const readUnionAtCurrentPath = async (
  store: PostgresEventStore,
  unionId: string,
): Promise<{ state: Union; version: number; recordedPath: string | null }> => {
  const { state, version } = await aggregateStream(store, `union-${unionId}`, unionDecider);

  return {
    state: await withCurrentPath(orgTreeOf(store.pool), state),
    version,
    recordedPath: state.status === 'None' ? null : state.orgPath,
  };
};

import type { PostgresEventStore } from '@taizhang/event-store';
import { aggregateStream } from '@taizhang/event-store';

import { atCurrentPath, orgTreeOf } from './org-tree';
import type { ParentRef } from './org-unit.commands';
import type { OrgUnit } from './org-unit.decider';
import { orgUnitDecider } from './org-unit.decider';

export const orgUnitStreamId = (orgUnitId: string): string => `org-unit-${orgUnitId}`;

/** A federation unit's stream folded, with the path the tree gives it now. */
export const loadOrgUnit = async (
  store: PostgresEventStore,
  orgUnitId: string,
): Promise<{ state: OrgUnit; version: number }> => {
  const { state, version } = await aggregateStream(
    store,
    orgUnitStreamId(orgUnitId),
    orgUnitDecider,
  );
  if (state.status !== 'Active') return { state, version };

  return { state: await atCurrentPath(orgTreeOf(store.pool), state.id, state), version };
};

/** The parent as its own stream says, at its current path, or null when there is no such unit. */
export const loadParentRef = async (
  store: PostgresEventStore,
  parentId: string,
): Promise<ParentRef | null> => {
  const { state } = await loadOrgUnit(store, parentId);

  return state.status === 'Active'
    ? { id: state.id, kind: state.kind, orgPath: state.orgPath }
    : null;
};

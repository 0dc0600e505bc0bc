import type { PostgresEventStore } from '@taizhang/event-store';
import { aggregateStream } from '@taizhang/event-store';

import type { ParentRef } from './org-unit.commands';
import { orgUnitDecider } from './org-unit.decider';

export const orgUnitStreamId = (orgUnitId: string): string => `org-unit-${orgUnitId}`;

/** The parent as its own stream says, or null when there is no such unit. */
export const loadParentRef = async (
  store: PostgresEventStore,
  parentId: string,
): Promise<ParentRef | null> => {
  const { state } = await aggregateStream(store, orgUnitStreamId(parentId), orgUnitDecider);

  return state.status === 'Active'
    ? { id: state.id, kind: state.kind, orgPath: state.orgPath }
    : null;
};

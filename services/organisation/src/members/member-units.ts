import type { OrgUnitRef, PostgresEventStore } from '@taizhang/event-store';

import { loadParentRef } from '../org-units';
import type { Union } from '../unions';
import { readUnionAtCurrentPath } from '../unions';
import type { Member } from './member.state';

/** The union as its own stream says now, at its current path (`None` when there is none). */
export const readUnion = async (store: PostgresEventStore, unionId: string): Promise<Union> =>
  (await readUnionAtCurrentPath(store, unionId)).state;

const unionRef = async (store: PostgresEventStore, unionId: string): Promise<OrgUnitRef> => {
  const union = await readUnion(store, unionId);

  return { id: unionId, path: 'orgPath' in union ? union.orgPath : unionId };
};

/**
 * The org unit a member's records concern now, at its current path: the union, or the holder of
 * a retained membership (the union or its federation), or the union they last belonged to.
 */
export const memberUnit = async (
  store: PostgresEventStore,
  member: Exclude<Member, { status: 'None' }>,
): Promise<OrgUnitRef> => {
  // Held by a street, community or village before a union exists: that unit's own path.
  if (member.heldByFederation) {
    const holder = await loadParentRef(store, member.unionId);

    return { id: member.unionId, path: holder?.orgPath ?? member.unionId };
  }
  if (member.status === 'Retained' && member.retention.heldBy === 'federation') {
    const federation = await loadParentRef(store, member.retention.heldByOrgUnitId);

    return {
      id: member.retention.heldByOrgUnitId,
      path: federation?.orgPath ?? member.retention.heldByOrgUnitId,
    };
  }

  return unionRef(store, member.unionId);
};

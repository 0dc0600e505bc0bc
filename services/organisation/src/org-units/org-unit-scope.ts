import type { Caller } from '@taizhang/auth';
import { atOwnPath, canReach, scopedLoader } from '@taizhang/auth';
import type { PostgresEventStore } from '@taizhang/event-store';
import { NotFoundError } from '@taizhang/event-store';

import type { ParentRef } from './org-unit.commands';
import type { OrgUnit } from './org-unit.decider';
import { loadOrgUnit, loadParentRef } from './org-unit-streams';

/**
 * A federation unit the caller may reach, by its current path: 404 when it does not exist
 * or lies outside the caller's subtree (the same answer, so ids cannot be probed).
 */
export const loadOrgUnitInScope = scopedLoader({
  load: loadOrgUnit,
  exists: (state: OrgUnit): state is Extract<OrgUnit, { status: 'Active' }> =>
    state.status === 'Active',
  unitOf: atOwnPath,
  notFound: (orgUnitId) =>
    new NotFoundError(`Org unit ${orgUnitId} does not exist. / 组织不存在。`),
});

/**
 * The unit a creating command places something under (a union's parent, an employer's street,
 * an awarding federation), or null when it does not exist OR the caller cannot reach it: the
 * command then answers as for an unknown parent, so a foreign id tells nothing.
 */
export const loadParentInScope = async (
  store: PostgresEventStore,
  user: Caller,
  parentId: string,
): Promise<ParentRef | null> => {
  const parent = await loadParentRef(store, parentId);

  return parent && canReach(user, parent.orgPath) ? parent : null;
};

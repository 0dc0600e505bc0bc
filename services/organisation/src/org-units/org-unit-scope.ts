import type { Caller, ScopeOptions } from '@taizhang/auth';
import { canReach, loadInScope } from '@taizhang/auth';
import type { PostgresEventStore } from '@taizhang/event-store';
import { NotFoundError } from '@taizhang/event-store';

import type { ParentRef } from './org-unit.commands';
import type { OrgUnit } from './org-unit.decider';
import { loadOrgUnit, loadParentRef } from './org-unit-streams';

/**
 * A federation unit the caller may reach, by its current path: 404 when it does not exist
 * or lies outside the caller's subtree (the same answer, so ids cannot be probed).
 */
export const loadOrgUnitInScope = (
  store: PostgresEventStore,
  user: Caller,
  orgUnitId: string,
  options: ScopeOptions = {},
) =>
  loadInScope(
    user,
    {
      load: () => loadOrgUnit(store, orgUnitId),
      exists: (state): state is Extract<OrgUnit, { status: 'Active' }> => state.status === 'Active',
      unitOf: (state) => ({ id: orgUnitId, path: state.orgPath }),
      notFound: () => new NotFoundError(`Org unit ${orgUnitId} does not exist. / 组织不存在。`),
    },
    options,
  );

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

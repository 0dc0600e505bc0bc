import type { ScopeOptions } from '@taizhang/auth';
import { scopedLoader } from '@taizhang/auth';
import type { OrgUnitNow } from '@taizhang/directory';
import { whereIsUnit } from '@taizhang/directory';
import type { PostgresEventStore } from '@taizhang/event-store';
import { NotFoundError } from '@taizhang/event-store';

import type { WarningUnit } from './warning.commands';

/**
 * The union or federation a warning is raised by, as the org tree replica places it now: 404
 * when the tree has not heard of it, or outside the caller's scope.
 */
const unitInScope = scopedLoader({
  load: async (store: PostgresEventStore, id: string) => ({
    state: await whereIsUnit(store.pool, id),
    version: 0,
  }),
  exists: (unit: OrgUnitNow | null): unit is OrgUnitNow => unit !== null,
  unitOf: (unit: OrgUnitNow, id: string) => ({ id, path: unit.orgPath }),
  notFound: (id: string) =>
    new NotFoundError(`Organisation unit ${id} does not exist. / 组织不存在。`),
});

export const loadWarningUnitInScope = (
  store: PostgresEventStore,
  user: Parameters<typeof unitInScope>[1],
  orgUnitId: string,
  options: ScopeOptions = {},
) => unitInScope(store, user, orgUnitId, options);

/** The unit as the warning decider sees it: only a union ends (dissolved or merged). */
export const warningUnit = (unit: OrgUnitNow): WarningUnit => ({
  id: unit.orgUnitId,
  ended: unit.kind === 'union' && unit.ended,
});

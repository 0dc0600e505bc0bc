import type { Caller, ScopeOptions } from '@taizhang/auth';
import { scopedLoader } from '@taizhang/auth';
import type { OrgUnitNow } from '@taizhang/directory';
import { whereIsUnit } from '@taizhang/directory';
import type { PostgresEventStore } from '@taizhang/event-store';
import { NotFoundError } from '@taizhang/event-store';

/** What a rights decider knows of the union it records for: whether it has ended. */
export interface UnionOnRecord {
  id: string;
  /** Dissolved (撤销) or merged into another (合并): it takes no new records. */
  ended: boolean;
}

const unionNotFound = (unionId: string) =>
  new NotFoundError(`Union ${unionId} does not exist. / 工会不存在。`);

/**
 * A grassroots union the caller may reach, as the org tree replica (organisation's topic) places
 * it now: 404 when the tree has not heard of it, when it is a federation, or outside the scope.
 */
const unionInScope = scopedLoader({
  load: async (store: PostgresEventStore, id: string) => ({
    state: await whereIsUnit(store.pool, id),
    version: 0,
  }),
  exists: (unit: OrgUnitNow | null): unit is OrgUnitNow => unit?.kind === 'union',
  unitOf: (unit: OrgUnitNow, id: string) => ({ id, path: unit.orgPath }),
  notFound: unionNotFound,
});

export const loadUnionInScope = (
  store: PostgresEventStore,
  user: Caller,
  unionId: string,
  options: ScopeOptions = {},
) => unionInScope(store, user, unionId, options);

/** The union's current path, or null when the tree has not heard of it. */
export const unionPathNow = async (
  store: PostgresEventStore,
  unionId: string,
): Promise<string | null> => (await whereIsUnit(store.pool, unionId))?.orgPath ?? null;

/** The union as a rights decider sees it. */
export const unionOnRecord = (unit: OrgUnitNow): UnionOnRecord => ({
  id: unit.orgUnitId,
  ended: unit.ended,
});

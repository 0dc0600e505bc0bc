import type { Caller } from '@taizhang/auth';
import { mayName, scopeOf } from '@taizhang/auth';
import type { PostgresEventStore } from '@taizhang/event-store';

import { OrganisationUnitPaths } from './org-unit-paths';

/** A unit's id as a read shows it to the caller, or null for a unit outside its scope. */
export type UnitInView = (unitId: string) => string | null;

/**
 * How a read names the other units a record mentions (a member's earlier unions, the federation
 * that held a retention, the union another merged into): by id when the caller may name them
 * (`mayName`: in its scope or above it, placed where they are now by `OrganisationUnitPaths`,
 * as refusals are), otherwise as null. A unit that cannot be placed is hidden too.
 */
export const unitsInView = async (
  store: PostgresEventStore,
  user: Caller,
  unitIds: Iterable<string>,
): Promise<UnitInView> => {
  if (scopeOf(user).kind === 'region') return (unitId) => unitId;
  const paths = new OrganisationUnitPaths(store);
  const named = new Set<string>();
  for (const unitId of new Set(unitIds)) {
    const path = await paths.pathOf(unitId);
    if (path !== null && mayName(user, path)) named.add(unitId);
  }

  return (unitId) => (named.has(unitId) ? unitId : null);
};

import type { Pool } from 'pg';

import type { OrgUnitSummary } from '../as-of';
import { subtreeFiguresAsOf } from '../as-of';
import { findOrgPath } from './org-subtree';

/** The summary of a unit and everything under it on a date (null: now), or null when unknown. */
export const orgUnitSummary = async (
  pool: Pool,
  orgUnitId: string,
  asOf: string | null = null,
): Promise<OrgUnitSummary | null> => {
  const path = await findOrgPath(pool, orgUnitId);

  return path === null ? null : subtreeFiguresAsOf(pool, orgUnitId, asOf);
};

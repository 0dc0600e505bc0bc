import type { Pool } from 'pg';

import type { OrgUnitSummary } from '../as-of';
import { subtreeFiguresAsOf } from '../as-of';
import { ofKnownUnit } from './org-subtree';

/** The summary of a unit and everything under it on a date (null: now), or null when unknown. */
export const orgUnitSummary = (
  pool: Pool,
  orgUnitId: string,
  asOf: string | null = null,
): Promise<OrgUnitSummary | null> =>
  ofKnownUnit(pool, orgUnitId, () => subtreeFiguresAsOf(pool, orgUnitId, asOf));

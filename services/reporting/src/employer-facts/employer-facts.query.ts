import type { Pool } from 'pg';

import type { EmployerFigures } from '../as-of';
import { employerFiguresAsOf } from '../as-of';
import { ofKnownUnit } from '../org-summary';

/** The employer figures of a unit's subtree on a date (null: now), or null for an unknown unit. */
export const employerFiguresOfUnit = (
  pool: Pool,
  orgUnitId: string,
  asOf: string | null = null,
): Promise<EmployerFigures | null> =>
  ofKnownUnit(pool, orgUnitId, () => employerFiguresAsOf(pool, orgUnitId, asOf));

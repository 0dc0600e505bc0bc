import type { Pool } from 'pg';

import type { EmployerFigures } from '../as-of';
import { employerFiguresAsOf } from '../as-of';
import { findOrgPath } from '../org-summary';

/** The employer figures of a unit's subtree on a date (null: now), or null for an unknown unit. */
export const employerFiguresOfUnit = async (
  pool: Pool,
  orgUnitId: string,
  asOf: string | null = null,
): Promise<EmployerFigures | null> => {
  const path = await findOrgPath(pool, orgUnitId);

  return path === null ? null : employerFiguresAsOf(pool, orgUnitId, asOf);
};

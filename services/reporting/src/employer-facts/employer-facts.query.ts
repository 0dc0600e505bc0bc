import type { Pool } from 'pg';

import { employerFiguresAsOf } from '../as-of/figures-as-of.query';
import { findOrgPath } from '../org-summary/org-subtree';

/** The employer registry's figures of a subtree, with where they come from (DESIGN §6). */
export interface EmployerFigures {
  /** Open employers in the registry (单位数): the denominator of 建会率. */
  employers: number;
  /** Workers of the open employers (职工数): the denominator of 入会率 over all workforce. */
  workforce: number;
  /** Open employers covered by an established union (已建会单位数): the numerator of 建会率. */
  coveredEmployers: number;
  /** Workers of the covered employers: the denominator of 入会率 over unionised employers. */
  workforceOfUnionisedEmployers: number;
  /** Source and dates of these figures: the registry, and the range of its headcount dates. */
  employerRegistry: {
    source: 'employer-registry';
    oldestHeadcountsAsOf: string | null;
    newestHeadcountsAsOf: string | null;
  };
}

/** The employer figures of a unit's subtree on a date (null: now), or null for an unknown unit. */
export const employerFiguresOfUnit = async (
  pool: Pool,
  orgUnitId: string,
  asOf: string | null = null,
): Promise<EmployerFigures | null> => {
  const path = await findOrgPath(pool, orgUnitId);

  return path === null ? null : employerFiguresAsOf(pool, orgUnitId, asOf);
};

import type { Pool } from 'pg';

import { findOrgPath, subtreeParams } from '../org-summary/org-subtree';

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

const SUM_OPEN_EMPLOYERS = `
  SELECT count(*)::int AS employers,
         coalesce(sum(headcount), 0)::bigint::text AS workforce,
         count(*) FILTER (WHERE covered)::int AS covered_employers,
         coalesce(sum(headcount) FILTER (WHERE covered), 0)::bigint::text AS unionised_workforce,
         to_char(min(headcounts_as_of), 'YYYY-MM-DD') AS oldest,
         to_char(max(headcounts_as_of), 'YYYY-MM-DD') AS newest
  FROM (
    SELECT e.*, EXISTS (SELECT 1 FROM union_coverage c WHERE c.employer_id = e.employer_id) AS covered
    FROM employer_facts e
    WHERE (e.org_path = $1 OR e.org_path LIKE $2) AND e.closed_on IS NULL
  ) AS open_employers`;

/** Employers and workforce of the open employers at or under `orgPath`. */
export const employerFiguresOfSubtree = async (
  pool: Pool,
  orgPath: string,
): Promise<EmployerFigures> => {
  const { rows } = await pool.query<{
    employers: number;
    workforce: string;
    covered_employers: number;
    unionised_workforce: string;
    oldest: string | null;
    newest: string | null;
  }>(SUM_OPEN_EMPLOYERS, subtreeParams(orgPath));
  const sums = rows[0]!;

  return {
    employers: sums.employers,
    workforce: Number(sums.workforce),
    coveredEmployers: sums.covered_employers,
    workforceOfUnionisedEmployers: Number(sums.unionised_workforce),
    employerRegistry: {
      source: 'employer-registry',
      oldestHeadcountsAsOf: sums.oldest,
      newestHeadcountsAsOf: sums.newest,
    },
  };
};

/** The employer figures of a unit's subtree, or null when the unit is unknown. */
export const employerFiguresOfUnit = async (
  pool: Pool,
  orgUnitId: string,
): Promise<EmployerFigures | null> => {
  const path = await findOrgPath(pool, orgUnitId);

  return path === null ? null : employerFiguresOfSubtree(pool, path);
};

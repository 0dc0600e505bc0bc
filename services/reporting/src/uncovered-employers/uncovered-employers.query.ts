import type { Pool } from 'pg';

import { employerStepsOn } from '../as-of';
import { registeredFor } from './registered-for';

/** An open employer in the registry that no existing union covers (未建会单位), on a date. */
export interface UncoveredEmployer {
  employerId: string;
  name: string | null;
  creditCode: string | null;
  headcount: number;
  registeredOn: string;
  registeredForDays: number;
  registeredForMonths: number;
}

// Each employer's step in force on $2 (employer_steps: open, headcount, covered), under the streets
// that lay in the unit's subtree on $2 (org_paths), as known at $3 (null: now), whose name has
// $4 in it (null: any). Biggest first; the id breaks ties.
const UNCOVERED = `
  WITH unit AS (
    SELECT org_path FROM org_paths WHERE unit_id = $1 AND valid_from <= $2::date AND $2::date < valid_to
  ),
  latest AS (${employerStepsOn('$2::date', '$3::timestamptz')}),
  uncovered AS (
    SELECT l.employer_id, l.workforce, e.name, e.credit_code, e.registered_on
    FROM latest l
    JOIN employer_facts e USING (employer_id)
    JOIN org_paths p ON p.unit_id = l.unit_id AND p.valid_from <= $2::date AND $2::date < p.valid_to
    JOIN unit ON p.org_path = unit.org_path OR starts_with(p.org_path, unit.org_path || '/')
    WHERE l.employers = 1 AND l.covered_employers = 0
      AND ($4::text IS NULL OR strpos(e.name, $4) > 0)
  )
  SELECT employer_id, name, credit_code, workforce, to_char(registered_on, 'YYYY-MM-DD') AS registered_on,
         count(*) OVER () AS total
  FROM uncovered
  ORDER BY workforce DESC, employer_id
  LIMIT $5 OFFSET $6`;

/** Which of them: as known at an instant (null: now), with a part of the name (null: any). */
export interface UncoveredFilter {
  knownAt: string | null;
  name: string | null;
}

interface Row {
  employer_id: string;
  name: string | null;
  credit_code: string | null;
  workforce: number;
  registered_on: string;
  total: string;
}

/**
 * The open employers of a unit's subtree on `asOf` without a union covering them, biggest
 * headcount first, `limit` of them from `offset`, and how many there are in all.
 */
export const uncoveredEmployers = async (
  pool: Pool,
  orgUnitId: string,
  asOf: string,
  filter: UncoveredFilter,
  limit: number,
  offset: number,
): Promise<{ total: number; employers: UncoveredEmployer[] }> => {
  const { rows } = await pool.query<Row>(UNCOVERED, [
    orgUnitId,
    asOf,
    filter.knownAt,
    filter.name,
    limit,
    offset,
  ]);
  // Past the last page there is no row to carry the total: count again without one.
  const total =
    rows[0] !== undefined
      ? Number(rows[0].total)
      : offset > 0
        ? (await uncoveredEmployers(pool, orgUnitId, asOf, filter, 1, 0)).total
        : 0;

  return {
    total,
    employers: rows.map((row) => {
      const since = registeredFor(row.registered_on, asOf);

      return {
        employerId: row.employer_id,
        name: row.name,
        creditCode: row.credit_code,
        headcount: row.workforce,
        registeredOn: row.registered_on,
        registeredForDays: since.days,
        registeredForMonths: since.months,
      };
    }),
  };
};

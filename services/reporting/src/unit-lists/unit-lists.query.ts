import type { Pool } from 'pg';

import { employerStepsOn, unionLives } from '../as-of';

export type UnionStatus = 'active' | 'dissolved' | 'merged';
export type EmployerStatus = 'open' | 'closed';

/** A grassroots union of the subtree as it stood on a date. */
export interface UnionOfUnit {
  unionId: string;
  name: string | null;
  parentId: string | null;
  establishedOn: string;
  status: UnionStatus;
  endedOn: string | null;
}

/** An employer of the registry under the subtree's streets on a date. */
export interface EmployerOfUnit {
  employerId: string;
  name: string | null;
  creditCode: string | null;
  kind: string;
  headcount: number;
  registeredOn: string;
  status: EmployerStatus;
  closedOn: string | null;
  covered: boolean;
}

export interface Window {
  limit: number;
  offset: number;
}

// The unit's path on $2, and every unit whose path lay below it then (a moved street's past
// stays with the district it was in).
const UNIT_ON = `
  unit AS (
    SELECT org_path FROM org_paths WHERE unit_id = $1 AND valid_from <= $2::date AND $2::date < valid_to
  )`;
const BELOW_ON = (alias: string, day = '$2::date') => `
  JOIN org_paths p ON p.unit_id = ${alias} AND p.valid_from <= ${day} AND ${day} < p.valid_to
  JOIN unit ON p.org_path = unit.org_path OR starts_with(p.org_path, unit.org_path || '/')`;

// Founded by $2; ended (dissolved or merged) only if it ended on or before $2. A union's path
// ends with it: one that ended by $2 is placed where it stood on its last day.
// As known at $5 (null: now), each union's life as last recorded by then.
const UNIONS = `
  WITH ${UNIT_ON},
  lives AS (${unionLives('$5::timestamptz')}),
  hits AS (
    SELECT l.union_id, f.name, f.parent_id, l.established_on,
           CASE WHEN l.ended_on IS NULL OR l.ended_on > $2::date THEN 'active'
                WHEN m.union_id IS NOT NULL THEN 'merged' ELSE 'dissolved' END AS status,
           CASE WHEN l.ended_on <= $2::date THEN l.ended_on END AS ended_on
    FROM lives l
    ${BELOW_ON('l.union_id', '(CASE WHEN l.ended_on <= $2::date THEN l.ended_on - 1 ELSE $2::date END)')}
    LEFT JOIN org_unit_facts f ON f.org_unit_id = l.union_id
    LEFT JOIN union_merges m ON m.union_id = l.union_id
    WHERE l.established_on <= $2::date
  )
  SELECT union_id, name, parent_id, to_char(established_on, 'YYYY-MM-DD') AS established_on, status,
         to_char(ended_on, 'YYYY-MM-DD') AS ended_on, count(*) OVER () AS total
  FROM hits
  WHERE ($3::text IS NULL OR status = $3) AND ($4::text IS NULL OR strpos(name, $4) > 0)
  ORDER BY established_on, union_id
  LIMIT $6 OFFSET $7`;

// Each employer's step in force on $2 (employer_steps: open, headcount, covered), under the
// streets that lay in the unit's subtree on $2, as the figures count them; as known at $6.
const EMPLOYERS = `
  WITH ${UNIT_ON},
  latest AS (${employerStepsOn('$2::date', '$6::timestamptz')}),
  hits AS (
    SELECT l.employer_id, e.name, e.credit_code, e.kind,
           CASE WHEN l.employers = 1 THEN l.workforce ELSE e.headcount END AS workforce, e.registered_on,
           CASE WHEN l.employers = 1 THEN 'open' ELSE 'closed' END AS status,
           CASE WHEN l.employers = 0 THEN e.closed_on END AS closed_on,
           l.covered_employers = 1 AS covered
    FROM latest l
    JOIN employer_facts e USING (employer_id)
    ${BELOW_ON('l.unit_id')}
  )
  SELECT employer_id, name, credit_code, kind, workforce,
         to_char(registered_on, 'YYYY-MM-DD') AS registered_on, status,
         to_char(closed_on, 'YYYY-MM-DD') AS closed_on, covered, count(*) OVER () AS total
  FROM hits
  WHERE ($3::text IS NULL OR status = $3) AND ($4::boolean IS NULL OR covered = $4)
    AND ($5::text IS NULL OR strpos(name, $5) > 0)
  ORDER BY workforce DESC, employer_id
  LIMIT $7 OFFSET $8`;

type Counted<TRow> = TRow & { total: string };

/** A page and the total; past the last page there is no row to carry it, so count once more. */
const paged = async <TRow>(
  pool: Pool,
  sql: string,
  params: unknown[],
  { limit, offset }: Window,
): Promise<{ total: number; rows: TRow[] }> => {
  const { rows } = await pool.query<Counted<TRow>>(sql, [...params, limit, offset]);
  if (rows[0] === undefined && offset > 0)
    return {
      total: (await paged<TRow>(pool, sql, params, { limit: 1, offset: 0 })).total,
      rows: [],
    };

  return { total: rows[0] === undefined ? 0 : Number(rows[0].total), rows };
};

interface UnionRow {
  union_id: string;
  name: string | null;
  parent_id: string | null;
  established_on: string;
  status: UnionStatus;
  ended_on: string | null;
}

/** The unions of a unit's subtree on `asOf`, the oldest first. */
export const unionsOfUnit = async (
  pool: Pool,
  orgUnitId: string,
  asOf: string,
  filter: { status: UnionStatus | null; name: string | null; knownAt: string | null },
  window: Window,
): Promise<{ total: number; unions: UnionOfUnit[] }> => {
  const { total, rows } = await paged<UnionRow>(
    pool,
    UNIONS,
    [orgUnitId, asOf, filter.status, filter.name, filter.knownAt],
    window,
  );

  return {
    total,
    unions: rows.map((row) => ({
      unionId: row.union_id,
      name: row.name,
      parentId: row.parent_id,
      establishedOn: row.established_on,
      status: row.status,
      endedOn: row.ended_on,
    })),
  };
};

interface EmployerRow {
  employer_id: string;
  name: string | null;
  credit_code: string | null;
  kind: string;
  workforce: number;
  registered_on: string;
  status: EmployerStatus;
  closed_on: string | null;
  covered: boolean;
}

/** The employers of a unit's subtree on `asOf`, the biggest headcount first. */
export const employersOfUnit = async (
  pool: Pool,
  orgUnitId: string,
  asOf: string,
  filter: {
    status: EmployerStatus | null;
    covered: boolean | null;
    name: string | null;
    knownAt: string | null;
  },
  window: Window,
): Promise<{ total: number; employers: EmployerOfUnit[] }> => {
  const { total, rows } = await paged<EmployerRow>(
    pool,
    EMPLOYERS,
    [orgUnitId, asOf, filter.status, filter.covered, filter.name, filter.knownAt],
    window,
  );

  return {
    total,
    employers: rows.map((row) => ({
      employerId: row.employer_id,
      name: row.name,
      creditCode: row.credit_code,
      kind: row.kind,
      headcount: row.workforce,
      registeredOn: row.registered_on,
      status: row.status,
      closedOn: row.closed_on,
      covered: row.covered,
    })),
  };
};

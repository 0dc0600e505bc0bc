import type { Pool } from 'pg';

/** How many Workers' Homes of each title a subtree holds for one year (年度). */
export interface WorkersHomeYear {
  year: number;
  /** 职工之家 */
  workersHomes: number;
  /** 模范职工之家 */
  modelWorkersHomes: number;
  /** 职工小家 (branch level) */
  workersSmallHomes: number;
}

// Ratings conferred by $2 of unions that lay in the unit's subtree on $2 (org_paths), by year
// ($3: one year, or every year when null) and title.
const COUNTS = `
  WITH unit AS (
    SELECT org_path FROM org_paths WHERE unit_id = $1 AND valid_from <= $2::date AND $2::date < valid_to
  )
  SELECT r.year,
         count(*) FILTER (WHERE r.title = 'workers_home')::int AS workers_homes,
         count(*) FILTER (WHERE r.title = 'model_workers_home')::int AS model_workers_homes,
         count(*) FILTER (WHERE r.title = 'workers_small_home')::int AS workers_small_homes
  FROM workers_home_ratings r
  JOIN org_paths p ON p.unit_id = r.union_id AND p.valid_from <= $2::date AND $2::date < p.valid_to
  JOIN unit ON p.org_path = unit.org_path OR starts_with(p.org_path, unit.org_path || '/')
  WHERE r.awarded_on <= $2::date AND ($3::int IS NULL OR r.year = $3::int)
  GROUP BY r.year
  ORDER BY r.year DESC`;

interface Row {
  year: number;
  workers_homes: number;
  model_workers_homes: number;
  workers_small_homes: number;
}

/**
 * The Workers' Home ratings of a unit's subtree as they stood at the end of `asOf`, by year and
 * title, newest year first; for one `year`, that year alone (zeros when none was conferred).
 */
export const workersHomeCounts = async (
  pool: Pool,
  orgUnitId: string,
  asOf: string,
  year: number | null,
): Promise<WorkersHomeYear[]> => {
  const { rows } = await pool.query<Row>(COUNTS, [orgUnitId, asOf, year]);
  const years = rows.map((row) => ({
    year: row.year,
    workersHomes: row.workers_homes,
    modelWorkersHomes: row.model_workers_homes,
    workersSmallHomes: row.workers_small_homes,
  }));

  return year !== null && years.length === 0
    ? [{ year, workersHomes: 0, modelWorkersHomes: 0, workersSmallHomes: 0 }]
    : years;
};

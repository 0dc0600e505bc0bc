import type { Pool } from 'pg';

import { LATENESS } from '../as-of';
import type { LagBucket } from './lateness-stats';

// Each month's records are the range sum up to its first day (+1 on it, −1 on the next month's),
// by bucket: one index range of the unit per month.
const HISTOGRAMS = `
  SELECT to_char(m.month, 'YYYY-MM') AS period, r.lag_days, sum(r.records)::int AS records
  FROM generate_series($2::date, $3::date, interval '1 month') AS m(month)
  JOIN ${LATENESS.subtreeTable} r ON r.ancestor_id = $1 AND r.day <= m.month
  GROUP BY 1, 2 HAVING sum(r.records) <> 0
  ORDER BY 1, 2`;

/** The lag histogram of each month from `from` to `to` (first days) of a unit's subtree. */
export const latenessHistograms = async (
  pool: Pool,
  orgUnitId: string,
  from: string,
  to: string,
): Promise<Map<string, LagBucket[]>> => {
  const { rows } = await pool.query<{ period: string; lag_days: number; records: number }>(
    HISTOGRAMS,
    [orgUnitId, from, to],
  );
  const months = new Map<string, LagBucket[]>();
  for (const row of rows)
    months.set(row.period, [
      ...(months.get(row.period) ?? []),
      { lagDays: row.lag_days, records: row.records },
    ]);

  return months;
};

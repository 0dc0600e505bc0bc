import type { Pool } from 'pg';

import { LATENESS } from '../as-of';
import type { LagBucket } from './lateness-stats';

// Each month's records are the range sum up to its first day (+1 on it, −1 on the next month's),
// by bucket: one pass of the unit's rows up to the last month, summed along the days per bucket,
// read at the months' first days (a bucket without a row there has nothing in that month: its
// records of the month before end there).
const HISTOGRAMS = `
  WITH stock AS (
    SELECT day, lag_days, sum(records) OVER (PARTITION BY lag_days ORDER BY day) AS records
    FROM ${LATENESS.subtreeTable} WHERE ancestor_id = $1 AND day <= $3::date
  )
  SELECT to_char(day, 'YYYY-MM') AS period, lag_days, records::int AS records
  FROM stock
  WHERE day >= $2::date AND day = date_trunc('month', day)::date AND records <> 0
  ORDER BY day, lag_days`;

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

import type { Pool } from 'pg';

import type { FigureSet } from './figure-set';

/**
 * A keyed figure set's figures of a unit's subtree on a date (null: now), one row per key value
 * that ever had figures there: one range sum, grouped by the key.
 */
export const figuresByKeyAsOf = async <F extends string>(
  pool: Pool,
  set: FigureSet<F>,
  orgUnitId: string,
  asOf: string | null,
): Promise<Map<string, Record<F, number>>> => {
  const key = set.keys[0]!.column;
  const { rows } = await pool.query<Record<F | 'key', string>>(
    `SELECT ${key} AS key, ${set.figures.map((f) => `coalesce(sum(${f}), 0)::bigint::text AS ${f}`).join(', ')}
     FROM ${set.subtreeTable} WHERE ancestor_id = $1 AND ($2::date IS NULL OR day <= $2::date)
     GROUP BY ${key}`,
    [orgUnitId, asOf],
  );

  return new Map(
    rows.map((row) => [
      row.key,
      Object.fromEntries(set.figures.map((f) => [f, Number(row[f])])) as Record<F, number>,
    ]),
  );
};

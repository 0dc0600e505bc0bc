import type { Pool } from 'pg';

import type { FigureSet } from './figure-set';
import { knownTable } from './figure-set';

/**
 * A keyed figure set's figures of a unit's subtree on a date (null: now), one row per key value
 * that ever had figures there: one range sum, grouped by the key; as known at an instant
 * (`knownAt`, null: now) less what the set's log holds as recorded after it (as `figuresAsOf`).
 */
export const figuresByKeyAsOf = async <F extends string>(
  pool: Pool,
  set: FigureSet<F>,
  orgUnitId: string,
  asOf: string | null,
  knownAt: string | null = null,
): Promise<Map<string, Record<F, number>>> => {
  const key = set.keys[0]!.column;
  const columns = [key, ...set.figures].join(', ');
  const source =
    knownAt === null
      ? `${set.subtreeTable} WHERE ancestor_id = $1 AND ($2::date IS NULL OR day <= $2::date)`
      : `(
      SELECT ${columns} FROM ${set.subtreeTable}
      WHERE ancestor_id = $1 AND ($2::date IS NULL OR day <= $2::date)
      UNION ALL
      SELECT ${[key, ...set.figures.map((f) => `-${f}`)].join(', ')} FROM ${knownTable(set.subtreeTable)}
      WHERE ancestor_id = $1 AND recorded_at > $3::timestamptz AND ($2::date IS NULL OR day <= $2::date)
    ) AS known_rows`;
  const { rows } = await pool.query<Record<F | 'key', string>>(
    `SELECT ${key} AS key, ${set.figures.map((f) => `coalesce(sum(${f}), 0)::bigint::text AS ${f}`).join(', ')}
     FROM ${source}
     GROUP BY ${key}`,
    knownAt === null ? [orgUnitId, asOf] : [orgUnitId, asOf, knownAt],
  );

  return new Map(
    rows.map((row) => [
      row.key,
      Object.fromEntries(set.figures.map((f) => [f, Number(row[f])])) as Record<F, number>,
    ]),
  );
};

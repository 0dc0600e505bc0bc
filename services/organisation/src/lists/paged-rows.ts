import type { Pool } from 'pg';

/**
 * One page of a list and the total on every page, in one statement: `hits` is the filtered rows
 * (its parameters `params`), `order` their order, written in the hits' column names. A page past
 * the last still carries the total; with `refuseAbove`, no rows come back when the total is over it.
 */
export const pagedRows = async <TRow>(
  pool: Pool,
  hits: string,
  order: string,
  params: readonly unknown[],
  { limit, offset, refuseAbove }: { limit: number; offset: number; refuseAbove?: number },
): Promise<{ total: number; rows: TRow[] }> => {
  const n = params.length;
  // A sheet over its cap reads no row: it is refused on the total alone.
  const { rows } = await pool.query<{ total: number; rows: TRow[] }>(
    `WITH hits AS (${hits}),
     total AS (SELECT count(*)::int AS total FROM hits),
     page AS (
       SELECT hits.* FROM hits, total WHERE $${n + 3}::int IS NULL OR total.total <= $${n + 3}::int
       ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}
     )
     SELECT (SELECT total FROM total) AS total,
            coalesce((SELECT json_agg(page ORDER BY ${order}) FROM page), '[]'::json) AS rows`,
    [...params, limit, offset, refuseAbove ?? null],
  );

  return rows[0]!;
};

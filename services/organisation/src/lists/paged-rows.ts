import type { Pool } from 'pg';

/**
 * One page of a list and the total on every page, in one statement: `hits` is the filtered rows
 * (its parameters `params`), `order` their order, written in the hits' column names. A page past
 * the last still carries the total.
 */
export const pagedRows = async <TRow>(
  pool: Pool,
  hits: string,
  order: string,
  params: readonly unknown[],
  { limit, offset }: { limit: number; offset: number },
): Promise<{ total: number; rows: TRow[] }> => {
  const { rows } = await pool.query<{ total: number; rows: TRow[] }>(
    `WITH hits AS (${hits}),
     page AS (SELECT * FROM hits ORDER BY ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2})
     SELECT (SELECT count(*) FROM hits)::int AS total,
            coalesce((SELECT json_agg(page ORDER BY ${order}) FROM page), '[]'::json) AS rows`,
    [...params, limit, offset],
  );

  return rows[0]!;
};

import type { Pool } from 'pg';

import { sqlMigration } from '@taizhang/bootstrap';
import type { DisclosureRecorded, DisclosureWithdrawn } from '@taizhang/contracts';

/**
 * A union's disclosures straight from its events (keyed by the union): the recordings of one
 * union by one index, no read model to keep in step.
 */
export const IndexDisclosuresByUnion1768200000100 = sqlMigration(
  'IndexDisclosuresByUnion1768200000100',
  {
    up: [
      `CREATE INDEX events_disclosures_by_union ON events (org_unit_id, position)
       WHERE type = 'DisclosureRecorded'`,
    ],
    down: ['DROP INDEX events_disclosures_by_union'],
  },
);

const LIST = `
  SELECT r.data, w.data AS withdrawal, count(*) OVER () AS total
  FROM events r
  LEFT JOIN events w ON w.stream_id = r.stream_id AND w.type = 'DisclosureWithdrawn'
  WHERE r.org_unit_id = $1 AND r.type = 'DisclosureRecorded'
    AND ($2::text IS NULL OR left(r.data->>'disclosedOn', 4) = $2)
  ORDER BY r.data->>'disclosedOn' DESC, r.position DESC
  LIMIT $3 OFFSET $4`;

export type DisclosureRow = DisclosureRecorded['data'] & {
  status: 'Recorded' | 'Withdrawn';
  withdrawnOn: string | null;
  withdrawalReason: string | null;
};

/** A page of a union's disclosures, the latest first (withdrawn ones marked), and how many in all. */
export const listDisclosures = async (
  pool: Pool,
  unionId: string,
  { year, limit, offset }: { year: number | null; limit: number; offset: number },
): Promise<{ rows: DisclosureRow[]; total: number }> => {
  const { rows } = await pool.query<{
    data: DisclosureRecorded['data'];
    withdrawal: DisclosureWithdrawn['data'] | null;
    total: string;
  }>(LIST, [unionId, year === null ? null : String(year), limit, offset]);

  return {
    rows: rows.map(({ data, withdrawal }) => ({
      ...data,
      status: withdrawal === null ? 'Recorded' : 'Withdrawn',
      withdrawnOn: withdrawal?.withdrawnOn ?? null,
      withdrawalReason: withdrawal?.reason ?? null,
    })),
    total: rows.length > 0 ? Number(rows[0]!.total) : 0,
  };
};

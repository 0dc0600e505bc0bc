import type { QueryRunner } from 'typeorm';

/** An event of history, in position order, for migrations that fill a table from it. */
export interface EventOfHistory {
  position: string;
  streamId: string;
  type: string;
  data: unknown;
}

const EVENTS_OF_TYPE = `
  SELECT position::text, stream_id, type, data FROM events
  WHERE type = ANY($1::text[])
  ORDER BY position`;

/**
 * Every event of these types in position order, as stored (not upcast): for a migration that
 * fills a new table from the history recorded before it. Runs in the migration's transaction.
 */
export const readEventsOfType = async (
  runner: Pick<QueryRunner, 'query'>,
  types: readonly string[],
): Promise<EventOfHistory[]> => {
  const rows = (await runner.query(EVENTS_OF_TYPE, [types])) as {
    position: string;
    stream_id: string;
    type: string;
    data: unknown;
  }[];

  return rows.map((row) => ({
    position: row.position,
    streamId: row.stream_id,
    type: row.type,
    data: row.data,
  }));
};

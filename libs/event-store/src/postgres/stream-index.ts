import type { PoolClient } from 'pg';

// Which streams exist, for a service that must find streams by what they hold, not by id.

type Queryable = Pick<PoolClient, 'query'>;

const STREAMS_WITH_EVENTS_AT = `
  SELECT DISTINCT stream_id FROM events
  WHERE org_unit_id = $1 AND stream_type = $2
  ORDER BY stream_id`;

const STREAMS_OF_TYPE = 'SELECT stream_id FROM streams WHERE stream_type = $1 ORDER BY stream_id';

/** The streams of a type with at least one event recorded at the org unit, in stream id order. */
export const streamsWithEventsAt = async (
  client: Queryable,
  orgUnitId: string,
  streamType: string,
): Promise<string[]> => {
  const { rows } = await client.query<{ stream_id: string }>(STREAMS_WITH_EVENTS_AT, [
    orgUnitId,
    streamType,
  ]);

  return rows.map((row) => row.stream_id);
};

/** Every stream of a type (that has events), in stream id order. */
export const streamsOfType = async (client: Queryable, streamType: string): Promise<string[]> => {
  const { rows } = await client.query<{ stream_id: string }>(STREAMS_OF_TYPE, [streamType]);

  return rows.map((row) => row.stream_id);
};

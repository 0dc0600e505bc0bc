import type { Pool, PoolClient } from 'pg';

import { hashEvent } from '../core/event-hash';
import { GENESIS_HASH } from '../core/stored-event';
import type { EventRow } from './event-row';
import { EVENT_COLUMNS, toStoredEvent } from './event-row';

/** One place where the stored history is not what was written. */
export interface IntegrityBreak {
  /** The global position at which the history stops being what was written. */
  position: string;
  streamId: string;
  reason: string;
}

export interface IntegrityReport {
  intact: boolean;
  eventsChecked: number;
  streamsChecked: number;
  /** The break with the lowest position, if any. */
  firstBreak: IntegrityBreak | null;
  breaks: IntegrityBreak[];
}

interface Head {
  version: number;
  lastPosition: string;
  lastHash: string;
}

interface ChainEnd {
  version: number;
  hash: string;
  position: string | null;
}

const BATCH = 5_000;

const READ_HEADS = 'SELECT stream_id, version, last_position, last_hash FROM streams';
const READ_EVENTS_BY_POSITION = `
  SELECT ${EVENT_COLUMNS} FROM events WHERE position > $1 ORDER BY position LIMIT $2`;

/**
 * Walks every event in position order inside one snapshot, recomputes each hash and follows each
 * stream's chain up to the head recorded for it. An edited event fails its hash (so do events
 * whose positions were swapped: the hash covers the position); a deleted one leaves a gap that
 * its successor or the stream head points at; an inserted one has no place in any chain.
 */
export const verifyIntegrity = async (pool: Pool): Promise<IntegrityReport> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const report = await verifyInSnapshot(client);
    await client.query('COMMIT');

    return report;
  } finally {
    client.release();
  }
};

const verifyInSnapshot = async (client: PoolClient): Promise<IntegrityReport> => {
  const heads = await readHeads(client);
  const ends = new Map<string, ChainEnd>();
  const breaks: IntegrityBreak[] = [];
  let eventsChecked = 0;
  let after = '0';
  for (;;) {
    const { rows } = await client.query<EventRow>(READ_EVENTS_BY_POSITION, [after, BATCH]);
    for (const row of rows) {
      eventsChecked += 1;
      const problem = checkEvent(row, heads.get(row.stream_id), ends);
      if (problem) breaks.push({ streamId: row.stream_id, ...problem });
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1]!.position;
  }
  for (const [streamId, head] of heads) {
    const end = ends.get(streamId);
    if (!end || end.version < head.version)
      breaks.push({
        streamId,
        position: head.lastPosition,
        reason: `the stream ends at version ${end?.version ?? 0}, but version ${head.version} was written (events deleted)`,
      });
  }
  breaks.sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1));

  return {
    intact: breaks.length === 0,
    eventsChecked,
    streamsChecked: heads.size,
    firstBreak: breaks[0] ?? null,
    breaks,
  };
};

const readHeads = async (client: PoolClient): Promise<Map<string, Head>> => {
  const { rows } = await client.query<{
    stream_id: string;
    version: number;
    last_position: string;
    last_hash: string;
  }>(READ_HEADS);

  return new Map(
    rows.map((r) => [
      r.stream_id,
      { version: r.version, lastPosition: r.last_position, lastHash: r.last_hash },
    ]),
  );
};

/** Checks one event against its stream's chain so far, and moves the chain's end to it. */
const checkEvent = (
  row: EventRow,
  head: Head | undefined,
  ends: Map<string, ChainEnd>,
): { position: string; reason: string } | null => {
  const event = toStoredEvent(row);
  const end = ends.get(row.stream_id) ?? { version: 0, hash: GENESIS_HASH, position: null };
  ends.set(row.stream_id, { version: row.stream_version, hash: row.hash, position: row.position });
  const { hash: _stored, ...unhashed } = event;

  if (!head)
    return {
      position: row.position,
      reason: 'an event of a stream that was never written (inserted)',
    };
  if (row.stream_version > head.version)
    return {
      position: row.position,
      reason: `version ${row.stream_version} is beyond the last version written (${head.version}) (inserted)`,
    };
  if (hashEvent(unhashed) !== row.hash)
    return {
      position: row.position,
      reason: 'the event does not match its hash (edited or moved)',
    };
  if (row.stream_version > end.version + 1)
    return {
      // The successor still records where its deleted predecessor stood.
      position: row.prev_position ?? row.position,
      reason: `version ${end.version + 1} of the stream is missing (deleted)`,
    };
  if (
    row.stream_version <= end.version ||
    row.prev_hash !== end.hash ||
    row.prev_position !== end.position
  )
    return {
      position: row.position,
      reason: 'the event does not follow the previous event of its stream (reordered or replaced)',
    };

  return null;
};

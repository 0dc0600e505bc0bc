import type { Pool, PoolClient } from 'pg';

import type { StoreCheckpoint } from '../checkpoints/store-checkpoint';
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

/** An event as found on the service's topic, its signature already checked. */
export interface PublishedEvent {
  streamId: string;
  position: string;
  hash: string;
}

/** What, besides the store itself, the store is checked against. */
export interface VerifyOptions {
  /** The latest signed checkpoint (its signature and digest already checked). */
  checkpoint?: StoreCheckpoint;
  /**
   * The service's topic, read up to offsets taken before the snapshot (so every event on it was
   * committed before), and the relay's checkpoint, read before those offsets (so every event
   * below it is on the topic).
   */
  topic?: {
    name: string;
    events: Map<string, PublishedEvent>;
    relayCheckpoint: { transactionId: string; position: string } | null;
  };
  /** Called after each batch with the events checked so far and the total. */
  onProgress?: (checked: number, total: number) => void;
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
const COUNT_EVENTS = 'SELECT count(*)::text AS n FROM events';
const READ_EVENTS_BY_POSITION = `
  SELECT ${EVENT_COLUMNS} FROM events WHERE position > $1 ORDER BY position LIMIT $2`;

/**
 * Walks every event in position order inside one snapshot, recomputes each hash and follows each
 * stream's chain up to the head recorded for it. An edited event fails its hash (so do events
 * whose positions were swapped: the hash covers the position); a deleted one leaves a gap that
 * its successor or the stream head points at; an inserted one has no place in any chain.
 */
export const verifyIntegrity = async (
  pool: Pool,
  options: VerifyOptions = {},
): Promise<IntegrityReport> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const report = await verifyInSnapshot(client, options);
    await client.query('COMMIT');

    return report;
  } finally {
    client.release();
  }
};

const verifyInSnapshot = async (
  client: PoolClient,
  options: VerifyOptions,
): Promise<IntegrityReport> => {
  const heads = await readHeads(client);
  const total = Number((await client.query<{ n: string }>(COUNT_EVENTS)).rows[0]!.n);
  const ends = new Map<string, ChainEnd>();
  const breaks: IntegrityBreak[] = [];
  const checkpointed = indexCheckpoint(options.checkpoint);
  let eventsChecked = 0;
  let after = '0';
  for (;;) {
    const { rows } = await client.query<EventRow>(READ_EVENTS_BY_POSITION, [after, BATCH]);
    for (const row of rows) {
      eventsChecked += 1;
      // Each check runs: the topic's one also marks the event as found.
      const chain = checkEvent(row, heads.get(row.stream_id), ends);
      const sinceCheckpoint = checkAgainstCheckpoint(row, checkpointed, options.checkpoint);
      const onTopic = checkAgainstTopic(row, options.topic);
      const problem = chain ?? sinceCheckpoint ?? onTopic;
      if (problem) breaks.push({ streamId: row.stream_id, ...problem });
    }
    options.onProgress?.(eventsChecked, total);
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1]!.position;
  }
  breaks.push(
    ...missingBeforeHeads(heads, ends),
    ...missingSinceCheckpoint(checkpointed, ends, options.checkpoint),
    ...missingFromStore(options.topic),
  );
  breaks.sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1));

  return {
    intact: breaks.length === 0,
    eventsChecked,
    streamsChecked: heads.size,
    firstBreak: breaks[0] ?? null,
    breaks,
  };
};

const missingBeforeHeads = (
  heads: Map<string, Head>,
  ends: Map<string, ChainEnd>,
): IntegrityBreak[] =>
  [...heads].flatMap(([streamId, head]) => {
    const end = ends.get(streamId);
    if (end && end.version >= head.version) return [];

    return [
      {
        streamId,
        position: head.lastPosition,
        reason: `the stream ends at version ${end?.version ?? 0}, but version ${head.version} was written (events deleted)`,
      },
    ];
  });

type CheckpointedHeads = Map<string, { version: number; position: string; hash: string }>;

const indexCheckpoint = (checkpoint: StoreCheckpoint | undefined): CheckpointedHeads =>
  new Map(
    (checkpoint?.heads ?? []).map(([streamId, version, position, hash]) => [
      streamId,
      { version, position, hash },
    ]),
  );

const checkAgainstCheckpoint = (
  row: EventRow,
  heads: CheckpointedHeads,
  checkpoint: StoreCheckpoint | undefined,
): { position: string; reason: string } | null => {
  const checkpointed = heads.get(row.stream_id);

  return checkpointed &&
    row.stream_version === checkpointed.version &&
    row.hash !== checkpointed.hash
    ? {
        position: row.position,
        reason: `version ${row.stream_version} is not the event checkpointed at ${checkpoint!.takenAt} (edited or replaced since, its hash recomputed)`,
      }
    : null;
};

// A stream checkpointed at version v must still reach v: only later appends may follow it.
const missingSinceCheckpoint = (
  checkpointed: CheckpointedHeads,
  ends: Map<string, ChainEnd>,
  checkpoint: StoreCheckpoint | undefined,
): IntegrityBreak[] =>
  [...checkpointed].flatMap(([streamId, { version, position }]) => {
    const end = ends.get(streamId);
    if (end && end.version >= version) return [];

    return [
      {
        streamId,
        position,
        reason: end
          ? `the stream ends at version ${end.version}, but the checkpoint of ${checkpoint!.takenAt} has version ${version} (events deleted, the head moved back)`
          : `the stream is gone, but the checkpoint of ${checkpoint!.takenAt} has it at version ${version} (stream deleted)`,
      },
    ];
  });

const isBelow = (
  row: EventRow,
  relay: { transactionId: string; position: string } | null,
): boolean => {
  if (!relay) return false;
  const tx = BigInt(row.transaction_id);
  const limit = BigInt(relay.transactionId);

  return tx < limit || (tx === limit && BigInt(row.position) <= BigInt(relay.position));
};

// Each stored event found on the topic is taken out of `events`: what is left was deleted.
const checkAgainstTopic = (
  row: EventRow,
  topic: VerifyOptions['topic'],
): { position: string; reason: string } | null => {
  if (!topic) return null;
  const published = topic.events.get(row.event_id);
  if (published) {
    topic.events.delete(row.event_id);

    return published.hash === row.hash
      ? null
      : {
          position: row.position,
          reason: `the event differs from the one published on ${topic.name} (edited after it was published)`,
        };
  }

  return isBelow(row, topic.relayCheckpoint)
    ? {
        position: row.position,
        reason: `the event is not on ${topic.name} although the relay published everything up to it (inserted)`,
      }
    : null;
};

const missingFromStore = (topic: VerifyOptions['topic']): IntegrityBreak[] =>
  [...(topic?.events.values() ?? [])].map((published) => ({
    streamId: published.streamId,
    position: published.position,
    reason: `the event published on ${topic!.name} at this position is not in the store (deleted)`,
  }));

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

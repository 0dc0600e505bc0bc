import type { DomainEvent } from '../core/decider';
import { ConcurrencyError } from '../core/errors';
import type { StoredEvent } from '../core/stored-event';
import { GENESIS_HASH } from '../core/stored-event';
import type { EventRow } from './event-row';
import { toMetadataColumn, toStoredEvent } from './event-row';
import {
  APPEND_TO_STREAMS,
  LOCK_STREAM_HEADS,
  NEXT_POSITIONS,
  READ_STREAMS,
} from './event-store.sql';
import { isUniqueViolation, rethrowUnstorableText } from './pg-errors';
import type {
  AppendOptions,
  AppendResult,
  EventStoreTransaction,
  StreamHead,
} from './postgres-event-store';

/** Streams locked together: each one's head and events, and positions taken for what follows. */
export interface LockedStreams {
  streams: Map<string, { head: StreamHead; events: StoredEvent[] }>;
  /** Positions reserved in the same round trip as the locks; `appendToStreams` uses them first. */
  positions: string[];
}

export interface StreamAppend {
  streamId: string;
  /** The head as locked by `lockAndReadStreams`. */
  head: StreamHead;
  events: readonly DomainEvent[];
  options: AppendOptions;
}

/**
 * Locks the heads of `streamIds` until commit and reads their events (upcast), in two round
 * trips whatever their number; reserves `reserve` positions with the locks.
 */
export const lockAndReadStreams = async (
  tx: EventStoreTransaction,
  streamIds: readonly string[],
  reserve: number,
): Promise<LockedStreams> => {
  const locked = await tx.client.query<{
    stream_id: string | null;
    version: number | null;
    last_position: string | null;
    last_hash: string | null;
    next_position: string | null;
  }>(LOCK_STREAM_HEADS, [streamIds, reserve]);
  const streams = new Map<string, { head: StreamHead; events: StoredEvent[] }>();
  const positions: string[] = [];
  for (const row of locked.rows) {
    if (row.stream_id === null) positions.push(row.next_position!);
    else
      streams.set(row.stream_id, {
        head: {
          version: row.version!,
          lastPosition: row.last_position,
          lastHash: row.last_hash!,
          reservedPosition: null,
        },
        events: [],
      });
  }
  if (streams.size > 0) {
    const read = await tx.client.query<EventRow>(READ_STREAMS, [[...streams.keys()]]);
    for (const row of read.rows)
      streams.get(row.stream_id)?.events.push(tx.upcast(toStoredEvent(row)));
  }
  for (const streamId of streamIds)
    if (!streams.has(streamId))
      streams.set(streamId, {
        head: { version: 0, lastPosition: null, lastHash: GENESIS_HASH, reservedPosition: null },
        events: [],
      });

  return { streams, positions };
};

/**
 * Appends to many streams in one statement (events and heads), each after the head the caller
 * locked. Any stream that moved meanwhile fails the whole statement with a ConcurrencyError: the
 * caller rolls the transaction back and retries its commands one by one.
 */
export const appendToStreams = async (
  tx: EventStoreTransaction,
  appends: readonly StreamAppend[],
  locked: LockedStreams,
): Promise<AppendResult[]> => {
  const nonEmpty = appends.filter((append) => append.events.length > 0);
  const needed = nonEmpty.reduce((sum, append) => sum + append.events.length, 0);
  const positions = await takePositions(tx, locked, needed);
  let next = 0;
  const results = appends.map(({ streamId, head, events, options }) => {
    if (options.expectedVersion !== undefined && options.expectedVersion !== head.version)
      throw new ConcurrencyError(streamId, options.expectedVersion, head.version);
    const stored = tx.chain(
      streamId,
      head,
      events,
      options,
      positions.slice(next, next + events.length),
    );
    next += events.length;

    return {
      streamId,
      streamVersion: stored[stored.length - 1]?.streamVersion ?? head.version,
      events: stored,
    };
  });
  if (needed === 0) return results;

  const stored = results.flatMap((result) => result.events);
  const heads = results.filter((result) => result.events.length > 0);
  try {
    const moved = await tx.client.query<{ advanced: string }>(APPEND_TO_STREAMS, [
      ...eventColumns(stored),
      heads.map((r) => r.streamId),
      heads.map((r) => r.events[0]!.streamType),
      heads.map((r) => r.events[0]!.streamVersion - 1),
      heads.map((r) => r.streamVersion),
      heads.map((r) => r.events[r.events.length - 1]!.position),
      heads.map((r) => r.events[r.events.length - 1]!.hash),
    ]);
    if (Number(moved.rows[0]!.advanced) !== heads.length)
      throw new ConcurrencyError(heads[0]!.streamId, -1, -1);
  } catch (error) {
    if (isUniqueViolation(error, 'events_stream_id_stream_version_key'))
      throw new ConcurrencyError(heads[0]!.streamId, -1, -1);
    rethrowUnstorableText(error);
  }
  tx.appendedEvents = true;

  return results;
};

const takePositions = async (
  tx: EventStoreTransaction,
  locked: LockedStreams,
  count: number,
): Promise<string[]> => {
  const taken = locked.positions.splice(0, count);
  if (taken.length === count) return taken;
  const more = await tx.client.query<{ position: string }>(NEXT_POSITIONS, [count - taken.length]);

  return [...taken, ...more.rows.map((row) => row.position)];
};

// One array per column, in APPEND_TO_STREAMS's order.
const eventColumns = (events: readonly StoredEvent[]): unknown[][] => [
  events.map((e) => e.position),
  events.map((e) => e.streamId),
  events.map((e) => e.streamType),
  events.map((e) => e.streamVersion),
  events.map((e) => e.eventId),
  events.map((e) => e.type),
  events.map((e) => e.schemaVersion),
  events.map((e) => e.occurredAt),
  events.map((e) => e.recordedAt),
  events.map((e) => e.orgUnitId),
  events.map((e) => e.orgPath),
  events.map((e) => JSON.stringify(e.data)),
  events.map(toMetadataColumn),
  events.map((e) => e.prevPosition),
  events.map((e) => e.prevHash),
  events.map((e) => e.hash),
];

import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';

import type { Pool, PoolClient } from 'pg';

import type { EventRegistry } from '@taizhang/contracts';

import type { CommandMetadata, DomainEvent } from '../core/decider';
import { ConcurrencyError, StreamOrderError } from '../core/errors';
import { hashEvent } from '../core/event-hash';
import type { OrgUnitRef, StoredEvent } from '../core/stored-event';
import { GENESIS_HASH } from '../core/stored-event';
import type { EventRow } from './event-row';
import { toMetadataColumn, toStoredEvent } from './event-row';
import {
  ADVANCE_STREAM_HEAD,
  LOCK_STREAM_HEAD,
  NEXT_POSITIONS,
  READ_ALL_BELOW_OLDEST_OPEN_TRANSACTION,
  READ_STREAM,
  READ_STREAMS,
  STREAM_HEAD_REFUSAL,
} from './event-store.sql';
import { isUniqueViolation, rethrowUnstorableText } from './pg-errors';

export interface PostgresEventStoreOptions {
  /** The owning service's name, recorded in every envelope. */
  service: string;
  pool: Pool;
  /** Validates every appended payload and upcasts old versions when read. */
  registry: EventRegistry;
  /** Recording time (`recordedAt`); injected so tests and replays control it. */
  clock?: () => Date;
}

/** The head of a stream: its version and the end of its hash chain. */
export interface StreamHead {
  version: number;
  lastPosition: string | null;
  lastHash: string;
  /** A position taken with the lock, for the first event appended (saves a round trip). */
  reservedPosition: string | null;
}

export interface AppendOptions {
  streamType: string;
  /** The version the caller saw; undefined appends whatever the current version is. */
  expectedVersion?: number;
  orgUnit: OrgUnitRef;
  metadata: CommandMetadata;
}

export interface AppendResult {
  streamId: string;
  streamVersion: number;
  events: StoredEvent[];
}

/** Where a commit-order reader stopped: the last transaction id and position it has seen. */
export interface Checkpoint {
  transactionId: string;
  position: string;
}

export const START_CHECKPOINT: Checkpoint = { transactionId: '0', position: '0' };

/** One open transaction of the store: lock a stream, read it, append to it. */
export class EventStoreTransaction {
  /** Whether anything was appended, so that the relay is woken after commit. */
  appendedEvents = false;

  constructor(
    readonly client: PoolClient,
    private readonly store: PostgresEventStore,
  ) {}

  /** Locks the stream's head until commit and reads its events (upcast to the latest schemas). */
  async lockAndReadStream(streamId: string): Promise<{ head: StreamHead; events: StoredEvent[] }> {
    const locked = await this.client.query<{
      version: number | null;
      last_position: string | null;
      last_hash: string | null;
      next_position: string;
    }>(LOCK_STREAM_HEAD, [streamId]);
    const row = locked.rows[0]!;
    const head: StreamHead = {
      version: row.version ?? 0,
      lastPosition: row.last_position,
      lastHash: row.last_hash ?? GENESIS_HASH,
      reservedPosition: row.next_position,
    };
    if (head.version === 0) return { head, events: [] };
    const read = await this.client.query<EventRow>(READ_STREAM, [streamId, 0]);

    return { head, events: read.rows.map((r) => this.store.upcast(toStoredEvent(r))) };
  }

  /** Appends after `head` (which the caller locked); a moved head is a ConcurrencyError. */
  async append(
    streamId: string,
    head: StreamHead,
    events: readonly DomainEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    if (options.expectedVersion !== undefined && options.expectedVersion !== head.version)
      throw new ConcurrencyError(streamId, options.expectedVersion, head.version);
    if (events.length === 0) return { streamId, streamVersion: head.version, events: [] };

    const positions = await this.positionsFor(head, events.length);
    const stored = this.store.chain(streamId, head, events, options, positions);
    const last = stored[stored.length - 1]!;
    try {
      const moved = await this.client.query(appendEventsAndAdvanceHead(stored.length), [
        streamId,
        options.streamType,
        head.version,
        last.streamVersion,
        last.position,
        last.hash,
        ...stored.flatMap(toInsertParams),
      ]);
      if (moved.rowCount !== 1) await this.refuseAppend(streamId, head.version);
    } catch (error) {
      if (isUniqueViolation(error, 'events_stream_id_stream_version_key'))
        throw new ConcurrencyError(streamId, head.version, -1);
      rethrowUnstorableText(error);
    }

    this.appendedEvents = true;

    return { streamId, streamVersion: last.streamVersion, events: stored };
  }

  // The head did not move: someone else moved it, or its last event is ahead of this transaction.
  private async refuseAppend(streamId: string, version: number): Promise<never> {
    const params = [streamId, version];
    const { rows } = await this.client.query<{ behind: boolean }>(STREAM_HEAD_REFUSAL, params);
    if (rows[0]?.behind) throw new StreamOrderError(streamId, version);
    throw new ConcurrencyError(streamId, version, -1);
  }

  /** @internal The event upcast to the latest schema of its type. */
  upcast(event: StoredEvent): StoredEvent {
    return this.store.upcast(event);
  }

  /** @internal New events as envelopes, linked into the stream's hash chain after `head`. */
  chain(
    streamId: string,
    head: StreamHead,
    events: readonly DomainEvent[],
    options: AppendOptions,
    positions: readonly string[],
  ): StoredEvent[] {
    return this.store.chain(streamId, head, events, options, positions);
  }

  private async positionsFor(head: StreamHead, count: number): Promise<string[]> {
    const reserved = head.reservedPosition ? [head.reservedPosition] : [];
    // The reserved position is used once; a second append in this transaction takes new ones.
    head.reservedPosition = null;
    if (count <= reserved.length) return reserved.slice(0, count);
    const more = await this.client.query<{ position: string }>(NEXT_POSITIONS, [
      count - reserved.length,
    ]);

    return [...reserved, ...more.rows.map((row) => row.position)];
  }
}

/**
 * The PostgreSQL event store of one service. Appends to different streams never wait for each
 * other; appends to one stream are serialised by a row lock on its head.
 */
export class PostgresEventStore {
  readonly service: string;
  readonly pool: Pool;
  private readonly registry: EventRegistry;
  private readonly clock: () => Date;
  private readonly appended = new EventEmitter();

  constructor(options: PostgresEventStoreOptions) {
    this.service = options.service;
    this.pool = options.pool;
    this.registry = options.registry;
    this.clock = options.clock ?? (() => new Date());
    this.appended.setMaxListeners(100);
  }

  /** Runs `fn` in one transaction; commits if it returns, rolls back if it throws. */
  async transaction<T>(fn: (tx: EventStoreTransaction) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const tx = new EventStoreTransaction(client, this);
      const result = await fn(tx);
      await client.query('COMMIT');
      if (tx.appendedEvents) this.appended.emit('appended');

      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Appends in a transaction of its own. */
  appendToStream(
    streamId: string,
    events: readonly DomainEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    return this.transaction(async (tx) => {
      const { head } = await tx.lockAndReadStream(streamId);

      return tx.append(streamId, head, events, options);
    });
  }

  /** Reads one stream from the start (events upcast to their latest schema versions). */
  async readStream(streamId: string): Promise<{ version: number; events: StoredEvent[] }> {
    const read = await this.pool.query<EventRow>(READ_STREAM, [streamId, 0]);
    const events = read.rows.map((row) => this.upcast(toStoredEvent(row)));

    return { version: events[events.length - 1]?.streamVersion ?? 0, events };
  }

  /** Reads many streams in one round trip (each upcast, in version order; absent ones empty). */
  async readStreams(streamIds: readonly string[]): Promise<Map<string, StoredEvent[]>> {
    const streams = new Map<string, StoredEvent[]>(streamIds.map((id) => [id, []]));
    const read = await this.pool.query<EventRow>(READ_STREAMS, [streamIds]);
    for (const row of read.rows) streams.get(row.stream_id)?.push(this.upcast(toStoredEvent(row)));

    return streams;
  }

  /**
   * Reads committed events after `after` in commit order. Events of transactions still open are
   * not returned yet, so a checkpointing reader never skips one that commits late.
   */
  async readAll(
    after: Checkpoint,
    limit = 500,
    client: Pick<PoolClient, 'query'> = this.pool,
  ): Promise<{ events: StoredEvent[]; checkpoint: Checkpoint }> {
    const read = await client.query<EventRow>(READ_ALL_BELOW_OLDEST_OPEN_TRANSACTION, [
      after.transactionId,
      after.position,
      limit,
    ]);
    const last = read.rows[read.rows.length - 1];

    return {
      events: read.rows.map(toStoredEvent),
      checkpoint: last ? { transactionId: last.transaction_id, position: last.position } : after,
    };
  }

  /** Called after every commit that appended events (the relay wakes up on it). */
  onAppended(listener: () => void): () => void {
    this.appended.on('appended', listener);

    return () => this.appended.off('appended', listener);
  }

  /** @internal Upcasts a stored event's payload to the latest schema version of its type. */
  upcast(event: StoredEvent): StoredEvent {
    const { schemaVersion, data } = this.registry.upcast(
      event.type,
      event.schemaVersion,
      event.data,
    );

    return { ...event, schemaVersion, data };
  }

  /** @internal Builds the envelopes of new events and links them into the stream's hash chain. */
  chain(
    streamId: string,
    head: StreamHead,
    events: readonly DomainEvent[],
    options: AppendOptions,
    positions: readonly string[],
  ): StoredEvent[] {
    const recordedAt = this.clock().toISOString();
    const { metadata } = options;
    const occurredAt = (metadata.occurredAt ?? metadata.now).toISOString();
    let prevHash = head.lastHash;
    let prevPosition = head.lastPosition;

    return events.map((event, index) => {
      const schemaVersion = this.registry.latestVersion(event.type);
      const unhashed: Omit<StoredEvent, 'hash'> = {
        eventId: randomUUID(),
        type: event.type,
        schemaVersion,
        service: this.service,
        streamId,
        streamType: options.streamType,
        streamVersion: head.version + index + 1,
        position: positions[index]!,
        occurredAt,
        recordedAt,
        orgUnitId: options.orgUnit.id,
        orgPath: options.orgUnit.path,
        actor: { id: metadata.actorId, role: metadata.actorRole },
        correlationId: metadata.correlationId,
        causationId: metadata.causationId ?? null,
        commandId: metadata.commandId ?? null,
        data: this.registry.validate(event.type, schemaVersion, event.data),
        prevPosition,
        prevHash,
      };
      const stored = { ...unhashed, hash: hashEvent(unhashed) };
      prevHash = stored.hash;
      prevPosition = stored.position;

      return stored;
    });
  }
}

const INSERT_COLUMNS = [
  'position',
  'stream_id',
  'stream_type',
  'stream_version',
  'event_id',
  'type',
  'schema_version',
  'occurred_at',
  'recorded_at',
  'org_unit_id',
  'org_path',
  'data',
  'metadata',
  'prev_position',
  'prev_hash',
  'hash',
];

const HEAD_PARAMS = 6;

/** One statement: insert the events, then move the stream head if it is still where we read it. */
const appendEventsAndAdvanceHead = (count: number): string => {
  const width = INSERT_COLUMNS.length;
  const rows = Array.from(
    { length: count },
    (_, row) =>
      `(${INSERT_COLUMNS.map((_, column) => `$${HEAD_PARAMS + row * width + column + 1}`).join(', ')})`,
  );

  return `WITH appended AS (
    INSERT INTO events (${INSERT_COLUMNS.join(', ')}) VALUES ${rows.join(', ')}
  ) ${ADVANCE_STREAM_HEAD}`;
};

const toInsertParams = (event: StoredEvent): unknown[] => [
  event.position,
  event.streamId,
  event.streamType,
  event.streamVersion,
  event.eventId,
  event.type,
  event.schemaVersion,
  event.occurredAt,
  event.recordedAt,
  event.orgUnitId,
  event.orgPath,
  JSON.stringify(event.data),
  toMetadataColumn(event),
  event.prevPosition,
  event.prevHash,
  event.hash,
];

import type { PoolClient } from 'pg';

import type { StoredEvent } from '../core/stored-event';
import type { EventRow } from '../postgres/event-row';
import { toStoredEvent } from '../postgres/event-row';
import type { PostgresEventStore } from '../postgres/postgres-event-store';
import {
  CURRENT_SNAPSHOT,
  EVENTS_BEHIND,
  LOCK_CHECKPOINT,
  READ_BELOW_DATABASE_HORIZON,
  SAVE_CHECKPOINT,
} from './local-projection.sql';

/**
 * A read model a service keeps of its own events, in its own database (a table its clocks or
 * uniqueness checks query). It follows the store in commit order from a checkpoint of its own.
 */
export interface LocalProjection {
  /** Names the checkpoint; one per projection. */
  name: string;
  /** The event types it applies; others only move the checkpoint. */
  types: ReadonlySet<string>;
  apply(event: StoredEvent, tx: PoolClient): Promise<void>;
}

/** A projection could not apply everything committed before it was asked to (PROJECTION_LAGGING). */
export class ProjectionLagError extends Error {
  readonly code = 'PROJECTION_LAGGING';
  constructor(
    readonly projection: string,
    waitedMs: number,
  ) {
    super(
      `The projection ${projection} is still behind the store after ${waitedMs} ms: a transaction of its database stays open; nothing was decided on it`,
    );
    this.name = 'ProjectionLagError';
  }
}

/**
 * Applies every event committed since the projection's checkpoint, a batch per transaction that
 * also moves the checkpoint (so a crash repeats nothing and skips nothing); returns how many
 * events it read. Concurrent callers queue on the checkpoint row. Only a transaction of the
 * store's own database that is still open holds it back (its events may come before), never one
 * elsewhere on the server.
 */
export const catchUpProjection = async (
  store: PostgresEventStore,
  projection: LocalProjection,
  batchSize = 1_000,
): Promise<number> => {
  let read = 0;
  for (;;) {
    const batch = await store.transaction(async (tx) => {
      const locked = await tx.client.query<{ transaction_id: string; position: string }>(
        LOCK_CHECKPOINT,
        [projection.name],
      );
      const from = locked.rows[0]!;
      const { rows } = await tx.client.query<EventRow>(READ_BELOW_DATABASE_HORIZON, [
        from.transaction_id,
        from.position,
        batchSize,
      ]);
      for (const row of rows)
        if (projection.types.has(row.type))
          await projection.apply(store.upcast(toStoredEvent(row)), tx.client);
      const last = rows[rows.length - 1];
      if (last)
        await tx.client.query(SAVE_CHECKPOINT, [
          projection.name,
          last.transaction_id,
          last.position,
        ]);

      return rows.length;
    });
    read += batch;
    if (batch < batchSize) return read;
  }
};

export interface CatchUpToNowOptions {
  /** How long to wait for open transactions of the store's database; then ProjectionLagError. */
  timeoutMs?: number;
  pollMs?: number;
  batchSize?: number;
}

/**
 * Catches the projection up with every event committed before the call, for a decision that must
 * not miss one (a clock). While an older transaction of the store's database is still open, the
 * events behind it cannot be applied yet: it waits for that transaction, and throws
 * `ProjectionLagError` after `timeoutMs` rather than answer from a projection that lags.
 */
export const catchUpProjectionToNow = async (
  store: PostgresEventStore,
  projection: LocalProjection,
  { timeoutMs = 10_000, pollMs = 50, batchSize }: CatchUpToNowOptions = {},
): Promise<number> => {
  const started = Date.now();
  const { rows } = await store.pool.query<{ snapshot: string }>(CURRENT_SNAPSHOT);
  const target = rows[0]!.snapshot;
  let read = 0;
  for (;;) {
    read += await catchUpProjection(store, projection, batchSize);
    const behind = await store.pool.query<{ behind: boolean }>(EVENTS_BEHIND, [
      projection.name,
      target,
    ]);
    if (!behind.rows[0]!.behind) return read;
    const waited = Date.now() - started;
    if (waited >= timeoutMs) throw new ProjectionLagError(projection.name, waited);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
};

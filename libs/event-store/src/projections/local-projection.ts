import type { PoolClient } from 'pg';

import type { StoredEvent } from '../core/stored-event';
import type { PostgresEventStore } from '../postgres/postgres-event-store';
import { START_CHECKPOINT } from '../postgres/postgres-event-store';

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

const LOCK_CHECKPOINT = `
  INSERT INTO projection_checkpoints (name, transaction_id, position)
  VALUES ($1, '0', 0)
  ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
  RETURNING transaction_id::text AS transaction_id, position::text AS position`;

const SAVE_CHECKPOINT = `
  UPDATE projection_checkpoints SET transaction_id = $2::xid8, position = $3, updated_at = now()
  WHERE name = $1`;

/**
 * Applies every event committed since the projection's checkpoint, a batch per transaction that
 * also moves the checkpoint (so a crash repeats nothing and skips nothing); returns how many
 * events it read. Concurrent callers queue on the checkpoint row.
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
      const row = locked.rows[0];
      const from = row
        ? { transactionId: row.transaction_id, position: row.position }
        : START_CHECKPOINT;
      const { events, checkpoint } = await store.readAll(from, batchSize, tx.client);
      for (const event of events)
        if (projection.types.has(event.type))
          await projection.apply(store.upcast(event), tx.client);
      if (events.length > 0)
        await tx.client.query(SAVE_CHECKPOINT, [
          projection.name,
          checkpoint.transactionId,
          checkpoint.position,
        ]);

      return events.length;
    });
    read += batch;
    if (batch < batchSize) return read;
  }
};

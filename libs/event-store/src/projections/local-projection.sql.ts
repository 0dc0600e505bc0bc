import { EVENT_COLUMNS } from '../postgres/event-row';

/**
 * The commit-order horizon of this database: every transaction id below it has ended, or belongs
 * to a session of another database (which cannot write this store). Transaction ids are
 * cluster-wide, so `pg_snapshot_xmin` alone would let any open transaction elsewhere on the
 * server (another service, another test suite) hold a projection back. A transaction is passed
 * over only when pg_stat_activity names its session's database as another one: whatever is not
 * known for sure still holds the horizon back. pg_stat_activity shows 32-bit ids, the snapshot
 * 64-bit ones.
 */
const DATABASE_HORIZON = `
  SELECT coalesce(
    (SELECT min(running) FROM pg_snapshot_xip(pg_current_snapshot()) AS running
     WHERE (running::text::bigint % 4294967296) NOT IN (
       SELECT backend_xid::text::bigint FROM pg_stat_activity
       WHERE backend_xid IS NOT NULL AND datid IS NOT NULL
         AND datid <> (SELECT oid FROM pg_database WHERE datname = current_database()))),
    pg_snapshot_xmax(pg_current_snapshot()))`;

/** Committed events after a checkpoint in commit order, below this database's horizon. */
export const READ_BELOW_DATABASE_HORIZON = `
  SELECT ${EVENT_COLUMNS} FROM events
  WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
    AND transaction_id < (${DATABASE_HORIZON})
  ORDER BY transaction_id, position
  LIMIT $3`;

export const LOCK_CHECKPOINT = `
  INSERT INTO projection_checkpoints (name, transaction_id, position)
  VALUES ($1, '0', 0)
  ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
  RETURNING transaction_id::text AS transaction_id, position::text AS position`;

export const SAVE_CHECKPOINT = `
  UPDATE projection_checkpoints SET transaction_id = $2::xid8, position = $3, updated_at = now()
  WHERE name = $1`;

/** What the store has committed so far, as a snapshot a later statement can compare with. */
export const CURRENT_SNAPSHOT = 'SELECT pg_current_snapshot()::text AS snapshot';

/**
 * Whether events committed by the time of `$2` (a snapshot) are not applied yet: they wait behind
 * a transaction of this database that is still open.
 */
export const EVENTS_BEHIND = `
  SELECT EXISTS (
    SELECT 1 FROM events
    WHERE (transaction_id, position) > (
        SELECT transaction_id, position FROM projection_checkpoints WHERE name = $1)
      AND pg_visible_in_snapshot(transaction_id, $2::pg_snapshot)) AS behind`;

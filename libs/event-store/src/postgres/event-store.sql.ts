import { EVENT_COLUMNS } from './event-row';

/** Locks the stream head for the rest of the transaction, so appends to one stream queue up. */
export const LOCK_STREAM_HEAD = `
  SELECT version, last_position, last_hash FROM streams WHERE stream_id = $1 FOR UPDATE`;

export const READ_STREAM = `
  SELECT ${EVENT_COLUMNS} FROM events
  WHERE stream_id = $1 AND stream_version > $2
  ORDER BY stream_version`;

export const INSERT_STREAM_HEAD = `
  INSERT INTO streams (stream_id, stream_type, version, last_position, last_hash)
  VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (stream_id) DO NOTHING
  RETURNING stream_id`;

export const UPDATE_STREAM_HEAD = `
  UPDATE streams SET version = $3, last_position = $4, last_hash = $5
  WHERE stream_id = $1 AND version = $2`;

export const NEXT_POSITIONS = `
  SELECT nextval(pg_get_serial_sequence('events', 'position'))::text AS position
  FROM generate_series(1, $1)`;

/** Reads committed events in commit order, never past the oldest transaction still open. */
export const READ_ALL_BELOW_OLDEST_OPEN_TRANSACTION = `
  SELECT ${EVENT_COLUMNS} FROM events
  WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
    AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY transaction_id, position
  LIMIT $3`;

export const CLAIM_COMMAND = `
  INSERT INTO processed_commands (command_id, request_hash, stream_id)
  VALUES ($1, $2, $3)
  ON CONFLICT (command_id) DO NOTHING
  RETURNING command_id`;

export const READ_COMMAND = `
  SELECT request_hash, result FROM processed_commands WHERE command_id = $1`;

export const RECORD_COMMAND_RESULT = `
  UPDATE processed_commands SET result = $2 WHERE command_id = $1`;

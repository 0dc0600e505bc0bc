import { EVENT_COLUMNS } from './event-row';

/**
 * Locks the stream's head for the rest of the transaction (appends to one stream queue up), and
 * in the same round trip takes one position for the event most commands append.
 */
export const LOCK_STREAM_HEAD = `
  SELECT s.version, s.last_position, s.last_hash,
         nextval(pg_get_serial_sequence('events', 'position'))::text AS next_position
  FROM (SELECT 1) AS one
  LEFT JOIN (SELECT * FROM streams WHERE stream_id = $1 FOR UPDATE) AS s ON true`;

export const READ_STREAM = `
  SELECT ${EVENT_COLUMNS} FROM events
  WHERE stream_id = $1 AND stream_version > $2
  ORDER BY stream_version`;

/** Moves the head from the version the append started at; no row back means someone else moved it. */
export const ADVANCE_STREAM_HEAD = `
  INSERT INTO streams AS s (stream_id, stream_type, version, last_position, last_hash)
  VALUES ($1, $2, $4, $5, $6)
  ON CONFLICT (stream_id) DO UPDATE
  SET version = EXCLUDED.version, last_position = EXCLUDED.last_position,
      last_hash = EXCLUDED.last_hash
  WHERE s.version = $3
  RETURNING stream_id`;

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

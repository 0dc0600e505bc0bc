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

/**
 * True when the stream's last event was written by a transaction with a higher id than this one:
 * appending after it would put the new event before it in commit-order reads (ADR 0001).
 */
const BEHIND_LAST_EVENT = (head: string) => `EXISTS (
    SELECT 1 FROM events p
    WHERE p.position = ${head}.last_position AND p.transaction_id > pg_current_xact_id())`;

/**
 * Moves the head from the version the append started at, unless the stream's last event has a
 * higher transaction id; no row back means either (STREAM_HEAD_REFUSAL tells which).
 */
export const ADVANCE_STREAM_HEAD = `
  INSERT INTO streams AS s (stream_id, stream_type, version, last_position, last_hash)
  VALUES ($1, $2, $4, $5, $6)
  ON CONFLICT (stream_id) DO UPDATE
  SET version = EXCLUDED.version, last_position = EXCLUDED.last_position,
      last_hash = EXCLUDED.last_hash
  WHERE s.version = $3 AND NOT ${BEHIND_LAST_EVENT('s')}
  RETURNING stream_id`;

/** Why ADVANCE_STREAM_HEAD moved nothing: the head is where it was, but ahead of this transaction. */
export const STREAM_HEAD_REFUSAL = `
  SELECT ${BEHIND_LAST_EVENT('s')} AS behind
  FROM streams s WHERE s.stream_id = $1 AND s.version = $2`;

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
  INSERT INTO processed_commands (command_id, request_hash, stream_id, request_target)
  VALUES ($1, $2, $3, $4)
  ON CONFLICT (command_id) DO NOTHING
  RETURNING command_id`;

export const READ_COMMAND = `
  SELECT request_hash, request_target, result FROM processed_commands WHERE command_id = $1`;

export const RECORD_COMMAND_RESULT = `
  UPDATE processed_commands SET result = $2 WHERE command_id = $1`;

/**
 * Locks the heads of many streams (in stream id order, so two batches never wait on each other
 * in a cycle) and, in the same round trip, takes `$2` positions: rows with a null stream id.
 */
export const LOCK_STREAM_HEADS = `
  SELECT stream_id, version, last_position::text, last_hash, NULL::text AS next_position
  FROM (SELECT * FROM streams WHERE stream_id = ANY($1::text[]) ORDER BY stream_id FOR UPDATE) AS s
  UNION ALL
  SELECT NULL, NULL, NULL, NULL, nextval(pg_get_serial_sequence('events', 'position'))::text
  FROM generate_series(1, $2)`;

/** Read after the lock, in a statement of its own, so that it sees what the lock waited for. */
export const READ_STREAMS = `
  SELECT ${EVENT_COLUMNS} FROM events
  WHERE stream_id = ANY($1::text[])
  ORDER BY stream_id, stream_version`;

/**
 * One statement for a whole batch: every event (one array per column), then every stream head
 * moved from the version the batch locked (existing streams) or created (new ones). The answer
 * counts the heads that moved; fewer than asked means another transaction got there first (or
 * wrote a stream's last event with a higher transaction id, see ADVANCE_STREAM_HEAD).
 */
export const APPEND_TO_STREAMS = `
  WITH appended AS (
    INSERT INTO events (position, stream_id, stream_type, stream_version, event_id, type,
      schema_version, occurred_at, recorded_at, org_unit_id, org_path, data, metadata,
      prev_position, prev_hash, hash)
    SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::integer[], $5::uuid[],
      $6::text[], $7::integer[], $8::timestamptz[], $9::timestamptz[], $10::text[], $11::text[],
      $12::jsonb[], $13::jsonb[], $14::bigint[], $15::text[], $16::text[])
  ), heads AS (
    SELECT * FROM unnest($17::text[], $18::text[], $19::integer[], $20::integer[], $21::bigint[],
      $22::text[]) AS h(stream_id, stream_type, expected, version, last_position, last_hash)
  ), moved AS (
    UPDATE streams AS s
    SET version = h.version, last_position = h.last_position, last_hash = h.last_hash
    FROM heads AS h
    WHERE s.stream_id = h.stream_id AND h.expected > 0 AND s.version = h.expected
      AND NOT ${BEHIND_LAST_EVENT('s')}
    RETURNING s.stream_id
  ), created AS (
    INSERT INTO streams (stream_id, stream_type, version, last_position, last_hash)
    SELECT stream_id, stream_type, version, last_position, last_hash FROM heads
    WHERE expected = 0 ORDER BY stream_id
    ON CONFLICT (stream_id) DO NOTHING
    RETURNING stream_id
  )
  SELECT (SELECT count(*) FROM moved) + (SELECT count(*) FROM created) AS advanced`;

/** The earlier answers of the Idempotency-Keys a batch carries, if any. */
export const READ_COMMANDS = `
  SELECT command_id, request_hash, result FROM processed_commands
  WHERE command_id = ANY($1::text[])`;

/** Records a batch's keys with their answers; a key another transaction took is not returned. */
export const RECORD_COMMANDS = `
  INSERT INTO processed_commands (command_id, request_hash, stream_id, result, request_target)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::text[])
  ON CONFLICT (command_id) DO NOTHING
  RETURNING command_id`;

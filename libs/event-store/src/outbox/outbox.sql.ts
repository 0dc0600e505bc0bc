export const READ_RELAY_CHECKPOINT = `
  SELECT transaction_id::text AS transaction_id, position::text AS position
  FROM relay_checkpoints WHERE relay_name = $1`;

export const SAVE_RELAY_CHECKPOINT = `
  INSERT INTO relay_checkpoints (relay_name, transaction_id, position, updated_at)
  VALUES ($1, $2::xid8, $3, now())
  ON CONFLICT (relay_name)
  DO UPDATE SET transaction_id = EXCLUDED.transaction_id, position = EXCLUDED.position,
                updated_at = now()`;

/** A session-level lock: held while the relay's connection lives, released if it dies. */
export const TRY_RELAY_LEADERSHIP = `
  SELECT pg_try_advisory_lock(hashtext('outbox-relay:' || $1)) AS locked`;

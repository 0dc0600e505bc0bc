/**
 * Claims an event for a consumer group inside the effect's transaction: one row back means first
 * delivery; none means it was processed before. A concurrent claim by another instance waits on
 * the primary key until that transaction ends, then sees the row.
 */
export const MARK_EVENT_PROCESSED_SQL = `
  INSERT INTO messaging_processed_events
    (consumer_group, event_id, topic, partition, "offset", processed_at)
  VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT DO NOTHING
  RETURNING event_id`;

import type { Pool } from 'pg';

import type { BrokerPartitionOffsets } from './broker-offsets';

/** Which processed-event records a group no longer needs to recognise a redelivery. */
export interface ProcessedEventsRetentionPolicy {
  /** Records younger than this are kept whatever their offset (30 days). */
  minAgeMs: number;
  /** Records this many offsets or fewer below the committed offset are kept (10,000). */
  offsetMargin: number;
  /** How often the consumer prunes (15 minutes). */
  intervalMs: number;
  /** Records deleted per statement (1,000). */
  batchSize: number;
}

export const DEFAULT_PROCESSED_EVENTS_RETENTION: ProcessedEventsRetentionPolicy = {
  minAgeMs: 30 * 24 * 3_600_000,
  offsetMargin: 10_000,
  intervalMs: 15 * 60_000,
  batchSize: 1_000,
};

/** One small batch of a partition's records below an offset and older than a time. */
const PRUNE_PROCESSED_EVENTS = `
  DELETE FROM messaging_processed_events WHERE consumer_group = $1 AND event_id IN (
    SELECT event_id FROM messaging_processed_events
    WHERE consumer_group = $1 AND topic = $2 AND partition = $3 AND "offset" < $4
      AND processed_at < $5
    LIMIT $6)`;

/**
 * Deletes the group's records of events that lie, on every partition, more than `offsetMargin`
 * below the group's committed offset and were processed before `now - minAgeMs`; a statement per
 * batch, so no transaction stays open. Returns how many went.
 */
export const pruneProcessedEvents = async (
  pool: Pool,
  groupId: string,
  offsets: readonly BrokerPartitionOffsets[],
  policy: ProcessedEventsRetentionPolicy,
  now: Date,
): Promise<number> => {
  const olderThan = new Date(now.getTime() - policy.minAgeMs);
  let pruned = 0;
  for (const { topic, partition, committed } of offsets) {
    // Nothing committed yet (-1): everything may still be delivered again.
    const below = BigInt(committed) - BigInt(policy.offsetMargin);
    if (BigInt(committed) < 0n || below <= 0n) continue;
    for (;;) {
      const { rowCount } = await pool.query(PRUNE_PROCESSED_EVENTS, [
        groupId,
        topic,
        partition,
        below.toString(),
        olderThan,
        policy.batchSize,
      ]);
      pruned += rowCount ?? 0;
      if ((rowCount ?? 0) < policy.batchSize) break;
    }
  }

  return pruned;
};

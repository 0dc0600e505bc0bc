import type { Pool, PoolClient } from 'pg';

import type { EventEnvelope } from '@taizhang/contracts';

import { runAfterCommit, takeAfterCommit } from './after-commit';
import { dropDeferredBatches, writeDeferredBatches } from './deferred-batch';
import { messageOf } from './error-message';
import type { MessageSource } from './event-consumer.options';
import { MARK_EVENT_PROCESSED_SQL } from './mark-event-processed.sql';

/** A failure of the consumer's own bookkeeping (connect, BEGIN, the claim): never the event's fault. */
export class BookkeepingError extends Error {
  constructor(cause: unknown) {
    super(messageOf(cause), { cause });
    this.name = 'BookkeepingError';
  }
}

/**
 * Runs `work` in one transaction on a pooled client: its deferred batches written and committed
 * if it returns, rolled back if it throws; what it left `afterCommit` runs once it committed.
 */
export const withTransaction = async <T>(
  pool: Pool,
  work: (tx: PoolClient) => Promise<T>,
): Promise<T> => {
  const client = await pool.connect().catch((error: unknown) => {
    throw new BookkeepingError(error);
  });
  let broken: Error | undefined;
  try {
    await client.query('BEGIN').catch((error: unknown) => {
      throw new BookkeepingError(error);
    });
    const result = await work(client);
    await writeDeferredBatches(client);
    const { command } = await client.query('COMMIT');
    // PostgreSQL answers COMMIT of a transaction aborted by a failed statement with ROLLBACK.
    if (command !== 'COMMIT')
      throw new Error('The transaction was aborted by a failed statement that the handler caught');
    runAfterCommit(takeAfterCommit(client));

    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      // A connection that cannot roll back must not go back to the pool.
      broken = new Error(messageOf(rollbackError));
    });
    throw error;
  } finally {
    dropDeferredBatches(client);
    takeAfterCommit(client);
    client.release(broken);
  }
};

/** Records the event as processed by the group; false when it was processed before. */
export const claimEvent = async (
  tx: PoolClient,
  event: EventEnvelope,
  source: MessageSource,
  processedAt: Date,
): Promise<boolean> => {
  const { rowCount } = await tx
    .query(MARK_EVENT_PROCESSED_SQL, [
      source.groupId,
      event.eventId,
      source.topic,
      source.partition,
      source.offset,
      processedAt,
    ])
    .catch((error: unknown) => {
      throw new BookkeepingError(error);
    });

  return rowCount === 1;
};

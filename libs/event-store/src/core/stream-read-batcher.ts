import DataLoader from 'dataloader';

import type { PostgresEventStore } from '../postgres/postgres-event-store';
import type { StoredEvent } from './stored-event';

/**
 * DataLoader settings for reads batched across concurrent requests: no cache (the next turn reads
 * afresh), and a batch is everything asked for in the same poll phase of the event loop, not only
 * in one tick.
 */
export const BATCH_PER_TURN = {
  cache: false,
  batchScheduleFn: (run: () => void) => setImmediate(run),
} as const;

/**
 * Reads of whole streams asked for in the same turn of the event loop (by concurrent requests)
 * go to the database together, in one query. Nothing is cached: the next turn reads afresh.
 */
export class StreamReadBatcher {
  private readonly loader: DataLoader<string, StoredEvent[]>;

  constructor(store: PostgresEventStore) {
    this.loader = new DataLoader(async (streamIds) => {
      const streams = await store.readStreams([...new Set(streamIds)]);

      return streamIds.map((streamId) => streams.get(streamId) ?? []);
    }, BATCH_PER_TURN);
  }

  read(streamId: string): Promise<StoredEvent[]> {
    return this.loader.load(streamId);
  }
}

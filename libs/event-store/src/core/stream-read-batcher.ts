import DataLoader from 'dataloader';

import type { PostgresEventStore } from '../postgres/postgres-event-store';
import type { StoredEvent } from './stored-event';

/**
 * Reads of whole streams asked for in the same turn of the event loop (by concurrent requests)
 * go to the database together, in one query. Nothing is cached: the next turn reads afresh.
 */
export class StreamReadBatcher {
  private readonly loader: DataLoader<string, StoredEvent[]>;

  constructor(store: PostgresEventStore) {
    this.loader = new DataLoader(
      async (streamIds) => {
        const streams = await store.readStreams([...new Set(streamIds)]);

        return streamIds.map((streamId) => streams.get(streamId) ?? []);
      },
      // Requests arriving in the same poll phase are batched, not only those of one tick.
      { cache: false, batchScheduleFn: (run) => setImmediate(run) },
    );
  }

  read(streamId: string): Promise<StoredEvent[]> {
    return this.loader.load(streamId);
  }
}

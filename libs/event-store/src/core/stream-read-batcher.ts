import type { PostgresEventStore } from '../postgres/postgres-event-store';
import type { StoredEvent } from './stored-event';

/**
 * Reads of whole streams asked for in the same turn of the event loop (by concurrent requests)
 * go to the database together, in one query; a stream asked for twice is read once.
 */
export class StreamReadBatcher {
  private pending = new Map<string, ((events: StoredEvent[]) => void)[]>();
  private failures: ((reason: unknown) => void)[] = [];

  constructor(private readonly store: PostgresEventStore) {}

  read(streamId: string): Promise<StoredEvent[]> {
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) setImmediate(() => void this.flush());
      const waiting = this.pending.get(streamId) ?? [];
      waiting.push(resolve);
      this.pending.set(streamId, waiting);
      this.failures.push(reject);
    });
  }

  private async flush(): Promise<void> {
    const pending = this.pending;
    const failures = this.failures;
    this.pending = new Map();
    this.failures = [];
    try {
      const streams = await this.store.readStreams([...pending.keys()]);
      for (const [streamId, waiting] of pending)
        for (const resolve of waiting) resolve(streams.get(streamId) ?? []);
    } catch (error) {
      for (const reject of failures) reject(error);
    }
  }
}

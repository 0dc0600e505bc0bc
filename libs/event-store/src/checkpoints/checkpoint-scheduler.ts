import type { ConsumerLogger } from '@taizhang/messaging';

import { PeriodicTask } from '../scheduling/periodic-task';
import type { StoreCheckpoint } from './store-checkpoint';
import type { TakeCheckpointOptions } from './take-checkpoint';
import { takeCheckpoint } from './take-checkpoint';

/**
 * Takes a checkpoint of the store every `intervalMs` while the service runs (and once at start),
 * skipping a round when nothing was appended since the last. A failure is logged and the next
 * round tries again: checkpoints guard the store, they never stop the service.
 */
export class CheckpointScheduler {
  private readonly periodic: PeriodicTask;
  private lastPosition: string | null = null;
  private connected = false;

  constructor(
    private readonly options: TakeCheckpointOptions & {
      intervalMs: number;
      logger?: ConsumerLogger;
    },
  ) {
    this.periodic = new PeriodicTask(options.intervalMs, () => this.round());
  }

  start(): void {
    this.periodic.start();
  }

  async stop(): Promise<void> {
    await this.periodic.stop();
    if (this.connected) await this.options.publish?.producer.disconnect();
  }

  /** Takes one checkpoint now (tests, the audit command). */
  take(): Promise<StoreCheckpoint> {
    return takeCheckpoint(this.options);
  }

  private async round(): Promise<void> {
    try {
      const { rows } = await this.options.pool.query<{ position: string }>(
        'SELECT coalesce(max(position), 0)::text AS position FROM events',
      );
      if (rows[0]!.position === this.lastPosition) return;
      // Connected here, not at start: the service's commands need PostgreSQL only.
      if (this.options.publish && !this.connected) {
        await this.options.publish.producer.connect();
        this.connected = true;
      }
      const checkpoint = await takeCheckpoint(this.options);
      this.lastPosition = checkpoint.position;
      this.options.logger?.info(
        {
          service: this.options.service,
          position: checkpoint.position,
          streams: checkpoint.streams,
        },
        'Store checkpoint taken',
      );
    } catch (error) {
      this.options.logger?.error(
        {
          service: this.options.service,
          error: error instanceof Error ? error.message : String(error),
        },
        'Could not take a store checkpoint; trying again at the next interval',
      );
    }
  }
}

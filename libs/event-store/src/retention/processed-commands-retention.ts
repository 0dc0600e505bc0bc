import type { Pool } from 'pg';

import { PeriodicTask } from '../scheduling/periodic-task';

export const DEFAULT_IDEMPOTENCY_KEY_RETENTION_HOURS = 24;
const DEFAULT_INTERVAL_MS = 15 * 60_000;
const DEFAULT_BATCH_SIZE = 1_000;

/**
 * One small batch of the oldest keys recorded before `$1`, each batch its own short statement:
 * no long transaction, and rows a command holds right now are skipped, not waited for.
 */
const PRUNE_PROCESSED_COMMANDS = `
  DELETE FROM processed_commands WHERE command_id IN (
    SELECT command_id FROM processed_commands WHERE recorded_at < $1
    ORDER BY recorded_at LIMIT $2 FOR UPDATE SKIP LOCKED)`;

/** Deletes the Idempotency-Keys recorded before `olderThan`, in batches; returns how many. */
export const pruneProcessedCommands = async (
  pool: Pool,
  olderThan: Date,
  batchSize = DEFAULT_BATCH_SIZE,
): Promise<number> => {
  let pruned = 0;
  for (;;) {
    const { rowCount } = await pool.query(PRUNE_PROCESSED_COMMANDS, [olderThan, batchSize]);
    pruned += rowCount ?? 0;
    if ((rowCount ?? 0) < batchSize) return pruned;
  }
};

export interface ProcessedCommandsRetentionOptions {
  pool: Pool;
  /** How long an Idempotency-Key is answered with its first answer (24 h). */
  retentionHours?: number;
  intervalMs?: number;
  /** Keys deleted per statement (1,000). */
  batchSize?: number;
  clock?: () => Date;
  onPruned?: (pruned: number) => void;
  onError?: (error: unknown) => void;
}

/**
 * Keeps `processed_commands` to the retention window: every `intervalMs` (and at start) it deletes
 * the keys older than the window. A key replayed after that is a new command.
 */
export class ProcessedCommandsRetention {
  private readonly periodic: PeriodicTask;

  constructor(private readonly options: ProcessedCommandsRetentionOptions) {
    this.periodic = new PeriodicTask(options.intervalMs ?? DEFAULT_INTERVAL_MS, () => this.tick());
  }

  start(): void {
    this.periodic.start();
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }

  /** One pass: the keys older than the window, gone. */
  pruneOnce(): Promise<number> {
    const now = (this.options.clock ?? (() => new Date()))();
    const hours = this.options.retentionHours ?? DEFAULT_IDEMPOTENCY_KEY_RETENTION_HOURS;

    return pruneProcessedCommands(
      this.options.pool,
      new Date(now.getTime() - hours * 3_600_000),
      this.options.batchSize,
    );
  }

  private async tick(): Promise<void> {
    try {
      const pruned = await this.pruneOnce();
      if (pruned > 0) this.options.onPruned?.(pruned);
    } catch (error) {
      this.options.onError?.(error);
    }
  }
}

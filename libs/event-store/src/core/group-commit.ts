import type { PostgresEventStore } from '../postgres/postgres-event-store';
import type { Command, DomainEvent } from './decider';
import type { CommandResult } from './handle-command';
import type { BatchCommand, HandleCommandsOptions } from './handle-commands';
import { handleCommands } from './handle-commands';
import type { StoredEvent } from './stored-event';

export interface GroupCommitOptions<TState, TContext> extends HandleCommandsOptions<
  TState,
  TContext
> {
  /** Commands taken into one transaction at most (100). */
  maxBatch?: number;
  /** Transactions under way at once (2); commands arriving meanwhile wait for the next one. */
  maxConcurrent?: number;
}

interface Waiting<TState, TCommand extends Command, TEvent extends DomainEvent, TContext> {
  command: BatchCommand<TState, TCommand, TEvent, TContext>;
  resolve: (result: CommandResult & { events: StoredEvent[] }) => void;
  reject: (reason: unknown) => void;
}

/**
 * Group commit for single commands (HTTP requests on different streams): a command that finds a
 * transaction free starts one at once; commands that arrive while transactions are under way are
 * decided and appended together in the next (`handleCommands`), so that many callers share the
 * round trips and the commit. Each caller hears its own outcome: a refusal or a conflict fails
 * only its command, exactly as `handleCommand` would.
 */
export class GroupCommit<TState, TCommand extends Command, TEvent extends DomainEvent, TContext> {
  private readonly waiting: Waiting<TState, TCommand, TEvent, TContext>[] = [];
  private running = 0;
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly maxConcurrent: number;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly options: GroupCommitOptions<TState, TContext> = {},
  ) {
    this.maxBatch = options.maxBatch ?? 100;
    this.maxConcurrent = options.maxConcurrent ?? 2;
  }

  submit(
    command: BatchCommand<TState, TCommand, TEvent, TContext>,
  ): Promise<CommandResult & { events: StoredEvent[] }> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ command, resolve, reject });
      // Requests read in the same turn of the event loop go together.
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.startTransactions();
        });
      }
    });
  }

  private startTransactions(): void {
    while (this.running < this.maxConcurrent && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatch);
      this.running += 1;
      void handleCommands(
        this.store,
        batch.map((waiting) => waiting.command),
        this.options,
      )
        .then(
          (outcomes) =>
            outcomes.forEach((outcome, i) => {
              if (outcome.status === 'fulfilled') batch[i]!.resolve(outcome.value);
              else batch[i]!.reject(outcome.reason);
            }),
          (error: unknown) => batch.forEach((waiting) => waiting.reject(error)),
        )
        .finally(() => {
          this.running -= 1;
          this.startTransactions();
        });
    }
  }
}

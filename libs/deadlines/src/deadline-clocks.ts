import { randomUUID } from 'node:crypto';

import type { CommandMetadata, PostgresEventStore } from '@taizhang/event-store';
import {
  catchUpProjection,
  catchUpProjectionToNow,
  IllegalStateError,
} from '@taizhang/event-store';

import type { DeadlineClock, DueDeadline } from './deadline-clock';
import {
  CLAIM_DEADLINE,
  DUE_DEADLINES,
  MARK_HANDLED,
  READ_CLAIMED_DEADLINE,
} from './deadlines.sql';

export interface DeadlineClocksOptions {
  clocks: readonly DeadlineClock[];
  /** The region's calendar date (YYYY-MM-DD) of an instant: deadlines fall due on those dates. */
  businessDate: (instant: Date) => string;
  /** The time now; injected so that tests drive the clocks. */
  now?: () => Date;
  /** How long a run waits for a lagging projection before `ProjectionLagError` (10 s). */
  catchUpTimeoutMs?: number;
  /** Due items one clock handles per run (500); the others at the next run. */
  batchSize?: number;
}

/** What one run of one clock did: commands run, commands refused, and items left due. */
export interface ClockRun {
  clock: string;
  ran: number;
  refused: number;
  failed: { key: string; error: unknown }[];
}

/** A clock's run that could not start deciding (its projection lags, the database is away). */
export interface ClockFailure {
  clock: string;
  error: unknown;
}

type Handled = 'ran' | 'refused' | 'not-claimed';

interface ClaimedRow {
  key: string;
  due_on: string;
  data: unknown;
  started_by: string;
}

/**
 * Runs a service's deadline clocks: each run catches the clock's projection up with everything
 * committed before it, then runs the command of each deadline due today and not settled, once
 * however many instances run and however often a run is repeated (see `handle`).
 */
export class DeadlineClocks {
  private readonly clocks: ReadonlyMap<string, DeadlineClock>;
  private readonly now: () => Date;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly options: DeadlineClocksOptions,
  ) {
    this.clocks = new Map(options.clocks.map((clock) => [clock.name, clock]));
    if (this.clocks.size !== options.clocks.length)
      throw new Error('Each deadline clock of a service needs a name of its own');
    this.now = options.now ?? (() => new Date());
  }

  /** Runs every clock once, each on its own: one that fails does not hold back the others. */
  async tick(): Promise<(ClockRun | ClockFailure)[]> {
    const runs: (ClockRun | ClockFailure)[] = [];
    for (const clock of this.clocks.keys())
      runs.push(await this.runDue(clock).catch((error: unknown) => ({ clock, error })));

    return runs;
  }

  /**
   * Runs what one clock has due now. It decides only on a projection that holds every event
   * committed before the run (else `ProjectionLagError`: a due item comes late, never not at all).
   */
  async runDue(name: string): Promise<ClockRun> {
    const clock = this.clocks.get(name);
    if (!clock) throw new Error(`No deadline clock is named ${name}`);
    const now = this.now();
    const today = this.options.businessDate(now);
    await catchUpProjectionToNow(this.store, clock.projection, {
      timeoutMs: this.options.catchUpTimeoutMs,
    });
    const due = await this.store.pool.query<{ key: string }>(DUE_DEADLINES, [
      clock.name,
      today,
      this.options.batchSize ?? 500,
    ]);
    const run: ClockRun = { clock: clock.name, ran: 0, refused: 0, failed: [] };
    for (const { key } of due.rows) {
      try {
        const handled = await this.handle(clock, key, now, today);
        if (handled !== 'not-claimed') run[handled] += 1;
      } catch (error) {
        run.failed.push({ key, error });
      }
    }
    // What the commands recorded may settle their deadlines: seen at once, not at the next run.
    if (run.ran > 0) await catchUpProjection(this.store, clock.projection);

    return run;
  }

  /**
   * Claims the deadline (another instance holding it: not claimed), reads it again under the
   * claim, runs its command and marks it handled in the claiming transaction. A crash between
   * the command and the mark leaves it due; the next run's command carries the same `commandId`
   * and replays the first answer, and the event it recorded has usually settled it already.
   */
  private async handle(
    clock: DeadlineClock,
    key: string,
    now: Date,
    today: string,
  ): Promise<Handled> {
    return this.store.transaction(async ({ client }) => {
      const claim = await client.query<{ claimed: boolean }>(CLAIM_DEADLINE, [clock.name, key]);
      const read = claim.rows[0]!.claimed
        ? await client.query<ClaimedRow>(READ_CLAIMED_DEADLINE, [clock.name, key, today])
        : undefined;
      const row = read?.rows[0];
      if (!row) return 'not-claimed';
      const outcome = await this.runCommand(clock, row, now);
      await client.query(MARK_HANDLED, [clock.name, key, row.started_by, now, outcome]);

      return outcome;
    });
  }

  private async runCommand(
    clock: DeadlineClock,
    row: ClaimedRow,
    now: Date,
  ): Promise<'ran' | 'refused'> {
    const item: DueDeadline = {
      clock: clock.name,
      key: row.key,
      dueOn: row.due_on,
      data: row.data,
      startedBy: row.started_by,
    };
    const metadata: CommandMetadata = {
      now,
      actorId: clock.actorId,
      actorRole: 'system',
      correlationId: randomUUID(),
      causationId: row.started_by,
      commandId: deadlineCommandId(item),
    };
    try {
      await clock.onDue(item, { store: this.store, metadata });

      return 'ran';
    } catch (error) {
      // The rules refuse (settled meanwhile, say): an answer, not a failure to try again.
      if (error instanceof IllegalStateError) return 'refused';
      throw error;
    }
  }
}

/** The Idempotency-Key of a deadline's command: one per deadline and start, whatever the run. */
export const deadlineCommandId = (item: Pick<DueDeadline, 'clock' | 'key' | 'startedBy'>) =>
  `deadline:${item.clock}:${item.key}:${item.startedBy}`;

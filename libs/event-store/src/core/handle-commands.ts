import { READ_COMMANDS, RECORD_COMMANDS } from '../postgres/event-store.sql';
import type { EventStoreTransaction, PostgresEventStore } from '../postgres/postgres-event-store';
import { appendToStreams, lockAndReadStreams } from '../postgres/stream-batch';
import type { Command, DomainEvent } from './decider';
import { ConcurrencyError } from './errors';
import type { CommandResult, HandleCommandOptions } from './handle-command';
import { decideOn, handleCommand, idempotencyOf } from './handle-command';
import type { OrgUnitRef, StoredEvent } from './stored-event';

/** One command of a batch: as for `handleCommand`, with what the batch's hook needs to know of it. */
export interface BatchCommand<
  TState,
  TCommand extends Command,
  TEvent extends DomainEvent,
  TContext,
> extends Omit<HandleCommandOptions<TState, TCommand, TEvent>, 'withinTransaction'> {
  context: TContext;
}

/** What one command of a batch appended, for work that must commit with it. */
export interface BatchAppended<TState, TContext> {
  context: TContext;
  events: readonly StoredEvent[];
  state: TState;
}

export interface HandleCommandsOptions<TState, TContext> {
  /**
   * Work that commits or rolls back with the batch's events (all of them at once, so it can be
   * one statement): runs after the append, before the commit, with every command that appended.
   */
  withinTransaction?: (
    tx: EventStoreTransaction,
    appended: readonly BatchAppended<TState, TContext>[],
  ) => Promise<void>;
}

export type CommandOutcome = PromiseSettledResult<CommandResult & { events: StoredEvent[] }>;

interface Decided<TState> {
  index: number;
  key: string | null;
  fingerprint: string;
  target: string;
  state: TState;
  events: DomainEvent[];
  orgUnit: OrgUnitRef;
}

const settle = <T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> =>
  promise.then(
    (value) => ({ status: 'fulfilled', value }),
    (reason: unknown) => ({ status: 'rejected', reason }),
  );

/**
 * Handles many commands on different streams in one transaction with a handful of round trips
 * (one to lock every head, one to read them, one to append every event and move every head),
 * with the guarantees of `handleCommand` for each: expected versions, Idempotency-Keys, the hash
 * chain. A command the rules refuse fails alone. When the batch as a whole cannot commit
 * (another transaction moved one of its streams, or the database refused one row), it is rolled
 * back and each of its commands is handled on its own, so one conflict never fails the others.
 * Answers one outcome per command, in order.
 */
export const handleCommands = async <
  TState,
  TCommand extends Command,
  TEvent extends DomainEvent,
  TContext = undefined,
>(
  store: PostgresEventStore,
  commands: readonly BatchCommand<TState, TCommand, TEvent, TContext>[],
  options: HandleCommandsOptions<TState, TContext> = {},
): Promise<CommandOutcome[]> => {
  const outcomes: (CommandOutcome | undefined)[] = commands.map(() => undefined);
  const idempotency = commands.map(idempotencyOf);
  // A second command on a stream of the batch, or a key used before, is handled on its own after.
  const alone: number[] = [];
  let batch: number[] = [];
  const streams = new Set<string>();
  commands.forEach(({ streamId }, index) => {
    if (streams.has(streamId)) alone.push(index);
    else {
      streams.add(streamId);
      batch.push(index);
    }
  });

  try {
    await store.transaction(async (tx) => {
      batch = await withoutUsedKeys(tx, batch, idempotency, alone);
      const locked = await lockAndReadStreams(
        tx,
        batch.map((index) => commands[index]!.streamId),
        batch.length,
      );
      const decided: Decided<TState>[] = [];
      for (const index of batch) {
        const command = commands[index]!;
        const { head, events: history } = locked.streams.get(command.streamId)!;
        try {
          decided.push({
            index,
            ...idempotency[index]!,
            ...decideOn(command, head.version, history),
          });
        } catch (error) {
          outcomes[index] = { status: 'rejected', reason: error };
        }
      }
      const appended = await appendToStreams(
        tx,
        decided.map(({ index, events, orgUnit }) => {
          const command = commands[index]!;

          return {
            streamId: command.streamId,
            head: locked.streams.get(command.streamId)!.head,
            events,
            options: {
              streamType: command.streamType,
              orgUnit,
              metadata: command.command.metadata,
            },
          };
        }),
        locked,
      );
      if (options.withinTransaction)
        await options.withinTransaction(
          tx,
          decided.map(({ index, state }, i) => ({
            context: commands[index]!.context,
            events: appended[i]!.events,
            state,
          })),
        );
      const results = decided.map(({ index }, i): CommandResult => ({
        id: commands[index]!.id ?? null,
        streamId: appended[i]!.streamId,
        streamVersion: appended[i]!.streamVersion,
        eventIds: appended[i]!.events.map((event) => event.eventId),
        replayed: false,
      }));
      await recordKeys(tx, decided, results);
      decided.forEach(({ index }, i) => {
        outcomes[index] = {
          status: 'fulfilled',
          value: { ...results[i]!, events: appended[i]!.events },
        };
      });
    });
  } catch {
    // The batch did not commit: nothing of it stands, and each command is handled on its own
    // (deciding again on what the other transaction recorded).
    for (const index of batch) outcomes[index] = undefined;
    alone.push(...batch);
  }

  const { withinTransaction } = options;
  await Promise.all(
    alone.map(async (index) => {
      const { context, ...command } = commands[index]!;
      outcomes[index] = await settle(
        handleCommand(store, {
          ...command,
          withinTransaction: withinTransaction
            ? (tx, events, state) => withinTransaction(tx, [{ context, events, state }])
            : undefined,
        }),
      );
    }),
  );

  return outcomes as CommandOutcome[];
};

// Keys seen before are answered by handleCommand (the first answer, or a refusal).
const withoutUsedKeys = async (
  tx: EventStoreTransaction,
  batch: number[],
  idempotency: readonly { key: string | null }[],
  alone: number[],
): Promise<number[]> => {
  const keys = batch.flatMap((index) => idempotency[index]!.key ?? []);
  if (keys.length === 0) return batch;
  const earlier = await tx.client.query<{ command_id: string }>(READ_COMMANDS, [keys]);
  const used = new Set(earlier.rows.map((row) => row.command_id));

  return batch.filter((index) => {
    const key = idempotency[index]!.key;
    if (key === null || !used.has(key)) return true;
    alone.push(index);

    return false;
  });
};

// A key that another transaction recorded meanwhile fails the batch (it is then retried alone).
const recordKeys = async <TState>(
  tx: EventStoreTransaction,
  decided: readonly Decided<TState>[],
  results: readonly CommandResult[],
): Promise<void> => {
  const keyed = decided.flatMap((d, i) => (d.key ? [{ ...d, result: results[i]! }] : []));
  if (keyed.length === 0) return;
  const recorded = await tx.client.query(RECORD_COMMANDS, [
    keyed.map((d) => d.key),
    keyed.map((d) => d.fingerprint),
    keyed.map((d) => d.result.streamId),
    keyed.map((d) => JSON.stringify(d.result)),
    keyed.map((d) => d.target),
  ]);
  if (recorded.rowCount !== keyed.length)
    throw new ConcurrencyError(keyed[0]!.result.streamId, -1, -1);
};

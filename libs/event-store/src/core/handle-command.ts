import { createHash } from 'node:crypto';

import { CLAIM_COMMAND, READ_COMMAND, RECORD_COMMAND_RESULT } from '../postgres/event-store.sql';
import type { EventStoreTransaction, PostgresEventStore } from '../postgres/postgres-event-store';
import { canonicalJson } from './canonical-json';
import type { Command, Decider, DomainEvent } from './decider';
import { ConcurrencyError, IdempotencyKeyReusedError, StreamOrderError } from './errors';
import type { OrgUnitRef, StoredEvent } from './stored-event';

export interface HandleCommandOptions<
  TState,
  TCommand extends Command,
  TEvent extends DomainEvent,
> {
  streamId: string;
  streamType: string;
  decider: Decider<TState, TCommand, TEvent>;
  command: TCommand;
  /** From `If-Match`: the version the caller saw; a different current version is a 409. */
  expectedVersion?: number;
  /** The org unit the new events concern: fixed, or read from the state and the decided events. */
  orgUnit: OrgUnitRef | ((state: TState, events: readonly TEvent[]) => OrgUnitRef);
  /** The id of the thing the command creates or changes, returned to the caller. */
  id?: string;
  /**
   * What makes two requests "the same" for the Idempotency-Key check. Defaults to the command's
   * type and data; a creating command whose new id is generated per request passes its body.
   */
  fingerprint?: unknown;
  /**
   * Work that must commit or roll back together with the appended events, in the same database
   * (a row of another table, say); runs after the append, before the commit. Not run when an
   * Idempotency-Key replays an earlier answer.
   */
  withinTransaction?: (
    tx: EventStoreTransaction,
    appended: readonly StoredEvent[],
    state: TState,
  ) => Promise<void>;
}

/** What a command answers, and what a repeated Idempotency-Key answers again. */
export interface CommandResult {
  id: string | null;
  streamId: string;
  streamVersion: number;
  eventIds: string[];
  /** True when this is the stored answer to an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

/**
 * The Idempotency-Key as stored (scoped to the actor), the hash of what it stands for, and the
 * target it is bound to (`metadata.commandTarget`; empty for a command that names none).
 */
export const idempotencyOf = (
  options: Pick<HandleCommandOptions<unknown, Command, DomainEvent>, 'command' | 'fingerprint'>,
): { key: string | null; fingerprint: string; target: string } => {
  const { command } = options;
  const key = command.metadata.commandId
    ? `${command.metadata.actorId}:${command.metadata.commandId}`
    : null;

  return {
    key,
    // Only a key needs one: a batch of commands without keys hashes nothing here.
    fingerprint: key
      ? createHash('sha256')
          .update(canonicalJson(options.fingerprint ?? [command.type, command.data]))
          .digest('hex')
      : '',
    target: command.metadata.commandTarget ?? '',
  };
};

/** A key's earlier use as recorded; `request_target` is null for keys recorded before targets were. */
export interface RecordedCommand {
  request_hash: string;
  request_target: string | null;
  result: CommandResult;
}

/**
 * Whether a request repeats the recorded one: the same body (its hash) sent to the same target.
 * A key recorded before targets were kept is compared by its hash alone, as it was then.
 */
export const repeatsRecorded = (
  recorded: Pick<RecordedCommand, 'request_hash' | 'request_target'>,
  { fingerprint, target }: { fingerprint: string; target: string },
): boolean =>
  recorded.request_hash === fingerprint &&
  (recorded.request_target === null || recorded.request_target === target);

/** Folds the stream read under its lock, checks the expected version, and asks the decider. */
export const decideOn = <TState, TCommand extends Command, TEvent extends DomainEvent>(
  options: Omit<HandleCommandOptions<TState, TCommand, TEvent>, 'withinTransaction'>,
  version: number,
  history: readonly StoredEvent[],
): { state: TState; events: TEvent[]; orgUnit: OrgUnitRef } => {
  const { decider, command } = options;
  // A stale caller hears 409 before the rules are even asked.
  if (options.expectedVersion !== undefined && options.expectedVersion !== version)
    throw new ConcurrencyError(options.streamId, options.expectedVersion, version);
  const state = history.reduce(
    (current, event) => decider.evolve(current, event as unknown as TEvent),
    decider.initialState(),
  );
  const decided = decider.decide(command, state);
  const events = Array.isArray(decided) ? decided : [decided];
  const orgUnit =
    typeof options.orgUnit === 'function' ? options.orgUnit(state, events) : options.orgUnit;

  return { state, events, orgUnit };
};

/**
 * Loads the stream, decides, and appends with the outbox in one transaction. With an
 * Idempotency-Key (`metadata.commandId`), the same key and request returns the first result and
 * appends nothing; the same key with another request is refused.
 */
export const handleCommand = async <TState, TCommand extends Command, TEvent extends DomainEvent>(
  store: PostgresEventStore,
  options: HandleCommandOptions<TState, TCommand, TEvent>,
): Promise<CommandResult & { events: StoredEvent[] }> => {
  const { command, streamId } = options;
  const idempotency = idempotencyOf(options);
  const { key, fingerprint, target } = idempotency;

  const attempt = () =>
    store.transaction(async (tx) => {
      // The stream is locked before anything writes: the transaction takes its id only then, after
      // the stream's last writer committed, so that its events follow in commit order (ADR 0001).
      const { head, events: history } = await tx.lockAndReadStream(streamId);
      if (key) {
        const claimed = await tx.client.query(CLAIM_COMMAND, [key, fingerprint, streamId, target]);
        if (claimed.rowCount === 0) {
          const earlier = await tx.client.query<RecordedCommand>(READ_COMMAND, [key]);
          const row = earlier.rows[0]!;
          if (!repeatsRecorded(row, idempotency))
            throw new IdempotencyKeyReusedError(command.metadata.commandId!);

          return { ...row.result, replayed: true, events: [] };
        }
      }

      const { state, events, orgUnit } = decideOn(options, head.version, history);
      const appended = await tx.append(streamId, head, events, {
        streamType: options.streamType,
        expectedVersion: options.expectedVersion,
        orgUnit,
        metadata: command.metadata,
      });
      if (options.withinTransaction) await options.withinTransaction(tx, appended.events, state);
      const result: CommandResult = {
        id: options.id ?? null,
        streamId,
        streamVersion: appended.streamVersion,
        eventIds: appended.events.map((event) => event.eventId),
        replayed: false,
      };
      if (key) await tx.client.query(RECORD_COMMAND_RESULT, [key, JSON.stringify(result)]);

      return { ...result, events: appended.events };
    });

  // Two commands may race to create the same stream: it has no head to lock yet. A caller that
  // stated no expected version did not mean to conflict, so the loser decides again on what won.
  // A transaction that wrote before it locked a stream (a hook) may be refused that stream's
  // append (StreamOrderError): run again, it takes a new transaction id.
  for (let retries = 0; ; retries += 1) {
    try {
      return await attempt();
    } catch (error) {
      const retry =
        error instanceof StreamOrderError ||
        (error instanceof ConcurrencyError && options.expectedVersion === undefined);
      if (!retry || retries >= 3) throw error;
    }
  }
};

import type { PoolClient } from 'pg';

import type {
  CommandMetadata,
  DomainEvent,
  LocalProjection,
  PostgresEventStore,
  StoredEvent,
} from '@taizhang/event-store';

import { SETTLE_DEADLINE, START_DEADLINE } from './deadlines.sql';

/** What an event starts: a deadline for `key` (unique within its clock), due on a business date. */
export interface DeadlineStart<TData = undefined> {
  key: string;
  /** YYYY-MM-DD: due from the start of this business date in the region. */
  dueOn: string;
  /** What `onDue` needs besides the key, kept with the deadline as JSON. */
  data?: TData;
}

/** A deadline that came due, as `onDue` receives it. */
export interface DueDeadline<TData = unknown> {
  clock: string;
  key: string;
  dueOn: string;
  data: TData | null;
  /** The id of the event that started it. */
  startedBy: string;
}

export interface DueContext {
  store: PostgresEventStore;
  /**
   * For the command, unchanged: its `commandId` is the same each time this deadline is run, so a
   * run repeated after a crash replays the first answer instead of appending again.
   */
  metadata: CommandMetadata;
}

/** A stored event of one type of the union `TEvent`, its data typed. */
export type EventOfType<TEvent extends DomainEvent, TType extends TEvent['type']> = StoredEvent<
  Extract<TEvent, { type: TType }>['data']
> & { type: TType };

/**
 * A deadline clock as a service declares it: which of its events start a deadline and when it
 * falls due, which settle it, and the command to run once when it is due and not settled.
 */
export interface DeadlineClockDeclaration<TEvent extends DomainEvent, TData = undefined> {
  /** Unique within the service: names its rows and its projection's checkpoint. */
  name: string;
  /** An event that starts a deadline (again, when its key has one already). */
  starts: {
    [TType in TEvent['type']]?: (
      event: EventOfType<TEvent, TType>,
    ) => DeadlineStart<TData> | null | undefined;
  };
  /** An event that settles a deadline: the key it settles. */
  settles: {
    [TType in TEvent['type']]?: (event: EventOfType<TEvent, TType>) => string | null | undefined;
  };
  /**
   * Runs the command, passing `context.metadata` on. A refusal (`IllegalStateError`) handles the
   * deadline as well; any other error leaves it due for the next run.
   */
  onDue: (item: DueDeadline<TData>, context: DueContext) => Promise<unknown>;
  /** The actor its commands record (the clock's name). */
  actorId?: string;
}

/** A declared clock, ready for `DeadlineClocks`. */
export interface DeadlineClock {
  readonly name: string;
  readonly actorId: string;
  /** Keeps the clock's rows of `deadlines` from the store, with a checkpoint of its own. */
  readonly projection: LocalProjection;
  readonly onDue: (item: DueDeadline, context: DueContext) => Promise<unknown>;
}

type Handler<TResult> = (event: StoredEvent) => TResult | null | undefined;

/** The projection name of a clock, in `projection_checkpoints`. */
export const deadlineProjectionName = (clock: string): string => `deadlines/${clock}`;

/** Declares a deadline clock (see the README); several per service, each with its own name. */
export const deadlineClock = <TEvent extends DomainEvent, TData = undefined>(
  declaration: DeadlineClockDeclaration<TEvent, TData>,
): DeadlineClock => {
  const { name } = declaration;
  const starts = declaration.starts as Partial<Record<string, Handler<DeadlineStart<TData>>>>;
  const settles = declaration.settles as Partial<Record<string, Handler<string>>>;

  return {
    name,
    actorId: declaration.actorId ?? name,
    projection: {
      name: deadlineProjectionName(name),
      types: new Set([...Object.keys(starts), ...Object.keys(settles)]),
      apply: async (event: StoredEvent, tx: PoolClient) => {
        // Settled first: an event that settles a deadline and starts the next leaves it running.
        const settled = settles[event.type]?.(event);
        if (settled) await tx.query(SETTLE_DEADLINE, [name, settled, event.eventId]);
        const started = starts[event.type]?.(event);
        if (started)
          await tx.query(START_DEADLINE, [
            name,
            started.key,
            started.dueOn,
            started.data === undefined ? null : JSON.stringify(started.data),
            event.eventId,
          ]);
      },
    },
    onDue: declaration.onDue as DeadlineClock['onDue'],
  };
};

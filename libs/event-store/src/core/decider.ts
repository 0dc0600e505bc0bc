/** A plain event record as deciders see it: no envelope, no I/O (emmett). */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

/** Who sends the command, when, and why; `now` is the only clock a decider may read. */
export interface CommandMetadata {
  readonly now: Date;
  readonly actorId: string;
  readonly actorRole: 'union_cadre' | 'federation_officer' | 'auditor' | 'admin' | 'system';
  readonly correlationId: string;
  readonly causationId?: string | null;
  /** The Idempotency-Key: the same id returns the first result and appends nothing. */
  readonly commandId?: string | null;
  /**
   * What the Idempotency-Key is bound to besides the request's body: the request's method, route
   * and the ids in its path (`POST /unions/:id/rename {"id":"…"}`), so that the key used on
   * another target or route is refused instead of answering the first answer.
   */
  readonly commandTarget?: string | null;
  /** Business time of what the command records (`occurredAt`); defaults to `now`. */
  readonly occurredAt?: Date;
}

export interface Command<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
  readonly metadata: CommandMetadata;
}

/** Three pure functions: the whole behaviour of one aggregate. */
export interface Decider<TState, TCommand extends Command, TEvent extends DomainEvent> {
  decide(command: TCommand, state: TState): TEvent | TEvent[];
  evolve(state: TState, event: TEvent): TState;
  initialState(): TState;
}

/**
 * The `default` of a decider's `switch (command.type)` over a union of commands: only a command
 * no case handles reaches it, so adding a command without its case is a compile error.
 */
export const unknownCommand = (command: never): never => {
  throw new Error(`Unknown command ${String((command as { type?: unknown }).type)}`);
};

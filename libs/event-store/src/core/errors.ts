/** Stable codes clients can rely on; the HTTP layer maps each to a status (409, 404, 422). */
export enum EventStoreErrorCode {
  Concurrency = 'CONCURRENCY_CONFLICT',
  NotFound = 'NOT_FOUND',
  IllegalState = 'ILLEGAL_STATE',
  Validation = 'VALIDATION_FAILED',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
}

/**
 * What a refusal tells only a caller who may see the records of one org unit: ids and dates of
 * a record that may lie outside the caller's scope (a person's membership in another union, the
 * union a union merged into). The problem answer (`@taizhang/bootstrap`) shows it after checking
 * the unit's current path against the caller's scope; everyone else reads the plain message and
 * details, which must say what to do without naming anything outside the target.
 */
export interface InScopeOnly {
  /** The org unit (a union, a federation) whose records these details come from. */
  readonly unitId: string;
  /** The message for a caller who may see that unit; otherwise the plain message is answered. */
  readonly message?: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Base class of every error the store and the deciders raise on purpose. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  constructor(
    message: string,
    /** Extra fields for the problem response (never personal data), shown to every caller. */
    readonly details: Record<string, unknown> = {},
    /** What only a caller who may see `inScopeOnly.unitId` is told besides. */
    readonly inScopeOnly?: InScopeOnly,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The stream is not at the version the caller expected (409). */
export class ConcurrencyError extends DomainError {
  readonly code = EventStoreErrorCode.Concurrency;
  readonly status = 409;
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(
      `The record was changed by someone else (expected version ${expectedVersion}, now ${actualVersion}); reload it and try again.`,
      { streamId, expectedVersion, actualVersion },
    );
  }
}

/**
 * The stream's last event was written by a transaction with a higher id than the one appending
 * (it took its id before it locked the stream). The append is refused so that commit-order reads
 * keep each stream in version order (ADR 0001); run again, the command gets a new id.
 */
export class StreamOrderError extends ConcurrencyError {
  constructor(streamId: string, version: number) {
    super(streamId, version, version);
  }
}

/** The thing asked for does not exist, or is outside the caller's scope (404). */
export class NotFoundError extends DomainError {
  readonly code = EventStoreErrorCode.NotFound;
  readonly status = 404;
}

/** A business rule forbids the command in the current state (422). */
export class IllegalStateError extends DomainError {
  readonly status = 422;
  constructor(
    message: string,
    readonly code: string = EventStoreErrorCode.IllegalState,
    details: Record<string, unknown> = {},
    inScopeOnly?: InScopeOnly,
  ) {
    super(message, details, inScopeOnly);
  }
}

/** The command is malformed in a way only the domain can tell (400). */
export class ValidationError extends DomainError {
  readonly code = EventStoreErrorCode.Validation;
  readonly status = 400;
}

/** The same Idempotency-Key was sent with a different command (422). */
export class IdempotencyKeyReusedError extends DomainError {
  readonly code = EventStoreErrorCode.IdempotencyKeyReused;
  readonly status = 422;
  constructor(readonly commandId: string) {
    super(
      `The Idempotency-Key "${commandId}" was already used for a different request; use a new key for a new request.`,
      { commandId },
    );
  }
}

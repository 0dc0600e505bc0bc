import { DomainError, DomainErrorCode } from '@taizhang/domain';

// The domain's errors live in the framework-free kernel (@taizhang/domain); they are exported
// here too, the path every error site used before the kernel existed.
export type { Bilingual, ErrorText, InScopeOnly } from '@taizhang/domain';
export { DomainError, IllegalStateError, NotFoundError, ValidationError } from '@taizhang/domain';

/** Stable codes clients can rely on; the HTTP layer maps each to a status (409, 404, 422). */
export const EventStoreErrorCode = {
  ...DomainErrorCode,
  Concurrency: 'CONCURRENCY_CONFLICT',
  IdempotencyKeyReused: 'IDEMPOTENCY_KEY_REUSED',
} as const;

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
      {
        en: `The record was changed by someone else (expected version ${expectedVersion}, now ${actualVersion}); reload it and try again.`,
        zh: '该记录已被他人修改，请刷新后重试。',
      },
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

/** The same Idempotency-Key was sent with a different command (422). */
export class IdempotencyKeyReusedError extends DomainError {
  readonly code = EventStoreErrorCode.IdempotencyKeyReused;
  readonly status = 422;
  constructor(readonly commandId: string) {
    super(
      {
        en: `The Idempotency-Key "${commandId}" was already used for a different request; use a new key for a new request.`,
        zh: `幂等键（Idempotency-Key）“${commandId}”已用于另一个请求，新的请求请使用新的键。`,
      },
      { commandId },
    );
  }
}

/**
 * How often a failing handler is retried in process before its message is dead-lettered. A
 * deadlock or serialization failure does not count: it is retried with the same backoff, capped at
 * `maxDelayMs`, until it goes through.
 */
export interface RetryPolicy {
  /** Handler attempts per message, the first one included. */
  attempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  multiplier: number;
  /** Fraction (0–1) of each delay taken off at random, so that instances don't retry in step. */
  jitter: number;
}

/** Five attempts over roughly 1.5 s for a handler that throws; waits of at most 5 s in between. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 5,
  initialDelayMs: 100,
  maxDelayMs: 5_000,
  multiplier: 2,
  jitter: 0.2,
};

/** The wait after failed attempt number `attempt` (1-based): exponential, capped, jittered. */
export const backoffDelay = (
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number => {
  const exponential = policy.initialDelayMs * policy.multiplier ** Math.max(0, attempt - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);

  return Math.round(capped * (1 - policy.jitter * random()));
};

import type { RetryPolicy } from './retry-policy';
import { backoffDelay, DEFAULT_RETRY_POLICY } from './retry-policy';

describe('backoffDelay', () => {
  const policy: RetryPolicy = {
    attempts: 5,
    initialDelayMs: 100,
    maxDelayMs: 1_000,
    multiplier: 2,
    jitter: 0,
  };

  it('doubles the wait after each failed attempt', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(policy, attempt))).toEqual([
      100, 200, 400, 800,
    ]);
  });

  it('never waits longer than the cap', () => {
    expect(backoffDelay(policy, 5)).toBe(1_000);
    expect(backoffDelay(policy, 50)).toBe(1_000);
  });

  it('takes up to the jitter fraction off, as the random source says', () => {
    const jittered = { ...policy, jitter: 0.5 };
    expect(backoffDelay(jittered, 2, () => 0)).toBe(200);
    expect(backoffDelay(jittered, 2, () => 0.5)).toBe(150);
    expect(backoffDelay(jittered, 2, () => 0.999)).toBe(100);
  });

  it('keeps the default policy short enough to retry in process', () => {
    const total = Array.from({ length: DEFAULT_RETRY_POLICY.attempts - 1 }, (_, i) =>
      backoffDelay(DEFAULT_RETRY_POLICY, i + 1, () => 0),
    ).reduce((sum, delay) => sum + delay, 0);
    expect(total).toBeLessThan(5_000);
  });
});

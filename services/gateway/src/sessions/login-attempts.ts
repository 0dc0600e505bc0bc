import { createHash } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import type Redis from 'ioredis';

import { GatewayConfig } from '../config/gateway.config';
import { REDIS } from '../shared/tokens';

// Hashed, so that whatever a caller types as a username makes a short, plain key.
const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 40);
const pairKey = (username: string, address: string) =>
  `login-failures:${digest(username)}:${digest(address)}`;
const nameKey = (username: string) => `login-name-failures:${digest(username)}`;

const MAX_DELAY_MS = 8_000;

// The check and the count in one step, so that parallel attempts cannot all pass the check
// before any is counted: an attempt is counted as a failure before its password is checked (a
// success clears it). At the limit the pair is locked for ARGV[2] ms from the last attempt;
// the answer is {1, attempts so far} or {0, ms the lock still lasts}.
const TAKE_ATTEMPT = `
  local limit = tonumber(ARGV[1])
  local taken = tonumber(redis.call('GET', KEYS[1]) or '0')
  if taken >= limit then
    local ttl = redis.call('PTTL', KEYS[1])
    if ttl < 0 then
      redis.call('PEXPIRE', KEYS[1], ARGV[2])
      ttl = tonumber(ARGV[2])
    end
    return {0, ttl}
  end
  taken = redis.call('INCR', KEYS[1])
  if taken == 1 or taken >= limit then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
  return {1, taken}`;

/** The outcome of asking to check a password: go ahead, or the pair is locked for a while. */
export type Attempt = { allowed: true; failures: number } | { allowed: false; lockedFor: number };

/**
 * Failed sign-ins, counted two ways (for every username, known or not, so that the answers do
 * not tell which exist):
 * - per username and address, with a hard limit: after `maxFailures` the name is locked for
 *   `lockSeconds` from that address only, so someone guessing from elsewhere never locks the
 *   real user out of their own address;
 * - per username from anywhere, which only slows: each failure is answered later, doubling from
 *   the configured delay up to 8 s, however many addresses the guesses come from.
 */
@Injectable()
export class LoginAttempts {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: GatewayConfig,
  ) {}

  /** Takes one attempt of the name from the address, counted as a failure until it succeeds. */
  async take(username: string, address: string): Promise<Attempt> {
    const { maxFailures, lockSeconds } = this.config.login;
    const [allowed, value] = (await this.redis.eval(
      TAKE_ATTEMPT,
      1,
      pairKey(username, address),
      maxFailures,
      lockSeconds * 1000,
    )) as [number, number];

    return allowed === 1
      ? { allowed: true, failures: value }
      : { allowed: false, lockedFor: Math.max(1, Math.ceil(value / 1000)) };
  }

  /** Whether the attempt that just failed used up the pair's last one (it is now locked). */
  lockedAfter(attempt: Extract<Attempt, { allowed: true }>): number {
    return attempt.failures >= this.config.login.maxFailures ? this.config.login.lockSeconds : 0;
  }

  /** Counts a failure of the name from any address; returns the failures in the window so far. */
  async recordFailure(username: string): Promise<number> {
    const key = nameKey(username);
    const [[, failures]] = (await this.redis
      .multi()
      .incr(key)
      .expire(key, this.config.login.lockSeconds, 'NX')
      .exec()) as [[null, number]];

    return failures;
  }

  /** A success from the address starts its count again. */
  async clear(username: string, address: string): Promise<void> {
    await this.redis.del(pairKey(username, address));
  }

  /** How long to hold the answer to the n-th failure of a name: doubling from the configured delay. */
  delayAfter(failures: number): number {
    return Math.min(
      this.config.login.failureDelayMs * 2 ** Math.max(0, failures - 1),
      MAX_DELAY_MS,
    );
  }
}

import { createHash } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import type Redis from 'ioredis';

import { GatewayConfig } from '../config/gateway.config';
import { REDIS } from '../shared/tokens';

// Hashed, so that whatever a caller types as a username makes a short, plain key.
const keyOf = (kind: string, username: string) =>
  `login-${kind}:${createHash('sha256').update(username).digest('hex').slice(0, 40)}`;

const MAX_DELAY_MS = 8_000;

/**
 * Failed sign-ins per username (known or not, so that the answers do not tell which exist):
 * each failure is answered more slowly, and after `maxFailures` in a row the name is locked.
 */
@Injectable()
export class LoginAttempts {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: GatewayConfig,
  ) {}

  /** Seconds the name stays locked; 0 when it is not. */
  async lockedFor(username: string): Promise<number> {
    const ms = await this.redis.pttl(keyOf('lock', username));

    return ms > 0 ? Math.ceil(ms / 1000) : 0;
  }

  /** Counts a failure; returns the failures so far, and the lock in seconds if it now locks. */
  async recordFailure(username: string): Promise<{ failures: number; lockedFor: number }> {
    const { maxFailures, lockSeconds } = this.config.login;
    const failuresKey = keyOf('failures', username);
    const [[, failures]] = (await this.redis
      .multi()
      .incr(failuresKey)
      .expire(failuresKey, lockSeconds, 'NX')
      .exec()) as [[null, number]];
    if (failures < maxFailures) return { failures, lockedFor: 0 };
    await this.redis
      .multi()
      .set(keyOf('lock', username), '1', 'EX', lockSeconds)
      .del(failuresKey)
      .exec();

    return { failures, lockedFor: lockSeconds };
  }

  async clear(username: string): Promise<void> {
    await this.redis.del(keyOf('failures', username));
  }

  /** How long to hold the answer to the n-th failure: doubling from the configured delay. */
  delayAfter(failures: number): number {
    return Math.min(
      this.config.login.failureDelayMs * 2 ** Math.max(0, failures - 1),
      MAX_DELAY_MS,
    );
  }
}

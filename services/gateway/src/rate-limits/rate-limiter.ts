import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';

import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type Redis from 'ioredis';

import type { RateLimit } from '../config/gateway.config';
import { REDIS } from '../shared/tokens';
import { RateLimitedError } from './rate-limited.error';

interface HeaderResponse {
  setHeader(name: string, value: string): unknown;
}

/**
 * Fixed-window request counters in Redis, shared by every gateway instance. Over the limit, the
 * key stays blocked until its window ends.
 */
@Injectable()
export class RateLimiter {
  private readonly storage: ThrottlerStorageRedisService;

  constructor(@Inject(REDIS) redis: Redis) {
    this.storage = new ThrottlerStorageRedisService(redis);
  }

  /** Counts one request of `key` under `name`; over the limit sets Retry-After and throws 429. */
  async consume(
    name: string,
    key: string,
    { limit, windowSeconds }: RateLimit,
    response: HeaderResponse,
  ): Promise<void> {
    const windowMs = windowSeconds * 1000;
    const { isBlocked, timeToBlockExpire } = await this.storage
      .increment(`rate:${name}:${key}`, windowMs, limit, windowMs, name)
      .catch(() => {
        // Every request passes here first, so a Redis outage is answered here, as a 503.
        throw new ServiceUnavailableException({
          code: 'SESSION_STORE_UNAVAILABLE',
          message: 'Sign-in is not available just now; try again shortly.',
        });
      });
    if (!isBlocked) return;
    const retryAfter = Math.max(1, timeToBlockExpire);
    response.setHeader('Retry-After', String(retryAfter));
    throw new RateLimitedError(retryAfter);
  }
}

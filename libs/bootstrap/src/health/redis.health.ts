import type { OnApplicationShutdown } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';

import { Redis } from 'ioredis';

import { PlatformConfig } from '../config/platform-config';
import { CHECK_TIMEOUT_MS } from './health.constants';
import { messageOf, withTimeout } from './with-timeout';

/**
 * Redis holds caches and live-update fan-out, so a service keeps working without it: an unset
 * REDIS_URL is reported as `not-configured` and an unreachable Redis as `degraded`, both `up`.
 */
@Injectable()
export class RedisHealthIndicator implements OnApplicationShutdown {
  private readonly client: Redis | undefined;

  constructor(
    private readonly indicators: HealthIndicatorService,
    config: PlatformConfig,
  ) {
    this.client =
      config.redis.url === undefined
        ? undefined
        : new Redis(config.redis.url, {
            lazyConnect: true,
            // Fail a PING at once while disconnected instead of queueing it.
            enableOfflineQueue: false,
            maxRetriesPerRequest: 0,
            connectTimeout: CHECK_TIMEOUT_MS,
          });
    // Connection errors surface through the check; unhandled, ioredis would print each one.
    this.client?.on('error', () => undefined);
  }

  async check(key = 'redis') {
    const indicator = this.indicators.check(key);
    if (this.client === undefined) return indicator.up({ state: 'not-configured' });
    try {
      await withTimeout(this.ping(this.client), CHECK_TIMEOUT_MS, 'Redis');

      return indicator.up({ state: 'ready' });
    } catch (error) {
      return indicator.up({ state: 'degraded', message: messageOf(error) });
    }
  }

  private async ping(client: Redis): Promise<void> {
    if (client.status === 'wait') await client.connect();
    await client.ping();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client === undefined || this.client.status === 'end') return;
    await this.client.quit().catch(() => this.client?.disconnect());
  }
}

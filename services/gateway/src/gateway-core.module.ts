import type { OnApplicationShutdown } from '@nestjs/common';
import { Global, Inject, Logger, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';

import Redis from 'ioredis';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

import { poolOf } from '@taizhang/event-store';

import { GatewayConfig } from './config/gateway.config';
import { loadSigningKeys } from './keys/signing-keys';
import { RateLimiter } from './rate-limits/rate-limiter';
import { LoginAttempts } from './sessions/login-attempts';
import { SessionStore } from './shared/session-store';
import { CLOCK, PG_POOL, REDIS, SIGNING_KEYS } from './shared/tokens';
import { PasswordHasher } from './users/password-hasher';

// One line when Redis goes away and one when it is back, not one per reconnection attempt.
const watchConnection = (redis: Redis): Redis => {
  const logger = new Logger('Redis');
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.warn(
      { err: error.message },
      'Redis is unreachable: sign-in answers 503 until it is back',
    );
  });
  redis.on('ready', () => {
    if (down) logger.log('Redis is reachable again');
    down = false;
  });

  return redis;
};

const providers = [
  { provide: CLOCK, useValue: () => new Date() },
  {
    provide: PG_POOL,
    inject: [getDataSourceToken()],
    useFactory: (dataSource: DataSource): Pool => poolOf(dataSource),
  },
  {
    provide: REDIS,
    inject: [GatewayConfig],
    useFactory: (config: GatewayConfig): Redis =>
      watchConnection(
        new Redis(config.redisUrl, {
          keyPrefix: config.redisKeyPrefix,
          // Fail a request fast rather than queue it while Redis is away.
          maxRetriesPerRequest: 1,
          connectTimeout: 2_000,
        }),
      ),
  },
  {
    provide: SIGNING_KEYS,
    inject: [GatewayConfig],
    useFactory: (config: GatewayConfig) => loadSigningKeys(config.keys),
  },
  SessionStore,
  LoginAttempts,
  RateLimiter,
  PasswordHasher,
];

/** What every gateway feature shares: Redis, the database pool, the clock, the signing keys. */
@Global()
@Module({ providers, exports: providers.map((p) => ('provide' in p ? p.provide : p)) })
export class GatewayCoreModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}

import type { DynamicModule, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';

import request from 'supertest';

import { createServiceApp } from '@taizhang/bootstrap';

import type { TestDatabase } from './test-database';
import { createTestDatabase } from './test-database';
import { testInfrastructure } from './test-infrastructure';

/** {@link startTestService}: a service's app in this process, on a database of its own. */
export interface TestService {
  app: NestExpressApplication;
  /** A supertest client of the app (no port is listened on). */
  http: () => ReturnType<typeof request>;
  db: TestDatabase;
  /** The environment the app was built with. */
  env: Record<string, string>;
  /** Closes the app, then drops its database. */
  close(): Promise<void>;
}

export interface TestServiceOptions {
  /** Added to (and over) the test environment: PostgreSQL, Kafka and Redis of the run, quiet logs. */
  env?: Record<string, string>;
  /** Runs after the app is created and before it is initialised (connect a microservice, say). */
  beforeInit?: (app: NestExpressApplication, env: Record<string, string>) => Promise<void> | void;
}

/**
 * A service's app as its `main.ts` builds it (`createServiceApp`), not listening, on a fresh
 * database and the run's Kafka and Redis: `startTestService((env) => gatewayModule(env), { env })`.
 * The service's module runs its own migrations.
 */
export const startTestService = async (
  appModule: (env: Record<string, string>) => Type<unknown> | DynamicModule,
  { env: overrides = {}, beforeInit }: TestServiceOptions = {},
): Promise<TestService> => {
  const db = await createTestDatabase([]);
  const infrastructure = testInfrastructure();
  const env: Record<string, string> = {
    PORT: '8080',
    DATABASE_URL: db.url,
    KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
    REDIS_URL: infrastructure.redisUrl,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ...overrides,
  };
  try {
    const app = await createServiceApp(appModule(env));
    await beforeInit?.(app, env);
    await app.init();
    const server = app.getHttpServer();

    return {
      app,
      http: () => request(server),
      db,
      env,
      close: async () => {
        await app.close();
        await db.drop();
      },
    };
  } catch (error) {
    await db.drop();
    throw error;
  }
};

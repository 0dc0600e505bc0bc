import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import Redis from 'ioredis';

import { eventsTransport } from '@taizhang/bootstrap';
import type { EventEnvelope } from '@taizhang/contracts';
import { projectOrgTree } from '@taizhang/directory';
import type { TestDatabase, TestEventKeys, TestService } from '@taizhang/testing';
import { createTestEventKeys, startTestService, uniqueSuffix } from '@taizhang/testing';

import { gatewayModule } from '../../src/app.module';
import { gatewayEvents } from '../../src/events.transport';

export const ADMIN_PASSWORD = 'admin-password-for-tests';
export const PASSWORD = 'a-long-enough-password';

export interface GatewayUnderTest extends TestService {
  /** organisation's event-signing keys of this test: the org-tree consumer believes only these. */
  organisationKeys: TestEventKeys;
}

// Sessions live for hours: a suite removes what it left in Redis.
const dropRedisKeys = async (url: string, prefix: string): Promise<void> => {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const keys: string[] = [];
    for await (const batch of redis.scanStream({ match: `${prefix}*`, count: 500 }))
      keys.push(...(batch as string[]));
    if (keys.length > 0) await redis.del(...keys);
  } catch {
    // A suite run without Redis has nothing to remove.
  } finally {
    redis.disconnect();
  }
};

/**
 * The gateway in this process, on a fresh database and its own Redis key prefix, with the real
 * PostgreSQL, Redis and Kafka. With `consumeFrom` (a topic suffix) its org-tree consumer runs.
 */
export const startGateway = async (
  overrides: Record<string, string> = {},
  { consumeFrom }: { consumeFrom?: string } = {},
): Promise<GatewayUnderTest> => {
  const organisationKeys = createTestEventKeys('organisation');
  const service = await startTestService(gatewayModule, {
    env: {
      ...organisationKeys.verifyingEnv,
      REDIS_KEY_PREFIX: `test:gateway:${uniqueSuffix()}:`,
      TAIZHANG_ADMIN_PASSWORD: ADMIN_PASSWORD,
      TAIZHANG_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'taizhang-gateway-')),
      LOGIN_FAILURE_DELAY_MS: '1',
      ...(consumeFrom !== undefined ? { KAFKA_TOPIC_SUFFIX: consumeFrom } : {}),
      ...overrides,
    },
    beforeInit: async (app, env) => {
      if (consumeFrom === undefined) return;
      const group = `gateway-test-${uniqueSuffix()}`;
      app.connectMicroservice(
        { strategy: eventsTransport(app, { ...gatewayEvents, group, env }) },
        { inheritAppConfig: true },
      );
      await app.startAllMicroservices();
    },
  });
  const { env } = service;

  return {
    ...service,
    organisationKeys,
    close: async () => {
      await service.close();
      await dropRedisKeys(env['REDIS_URL']!, env['REDIS_KEY_PREFIX']!);
    },
  };
};

/** An org-tree event as organisation publishes it. */
export const orgEvent = (
  type: string,
  orgUnitId: string,
  orgPath: string,
  data: object,
): EventEnvelope => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  service: 'organisation',
  streamId: `org-unit-${orgUnitId}`,
  streamType: 'org-unit',
  streamVersion: 1,
  position: '1',
  occurredAt: '2026-01-05T09:00:00.000Z',
  recordedAt: '2026-01-05T09:00:01.000Z',
  orgUnitId,
  orgPath,
  actor: { id: 'admin-1', role: 'admin' },
  correlationId: randomUUID(),
  causationId: null,
  commandId: null,
  data,
});

export const federationCreated = (
  id: string,
  kind: 'municipal' | 'district' | 'street',
  parentId: string | null,
  orgPath: string,
): EventEnvelope =>
  orgEvent('OrgUnitCreated', id, orgPath, {
    orgUnitId: id,
    code: id,
    name: `${id}总工会`,
    kind,
    parentId,
    orgPath,
  });

export const unionRegistered = (id: string, parentId: string, orgPath: string): EventEnvelope =>
  orgEvent('UnionRegistered', id, orgPath, {
    unionId: id,
    name: `${id}工会`,
    parentId,
    establishedOn: '2001-05-01',
    orgPath,
  });

/** A small tree, written straight into the replica: city c, districts d1 and d2, unions. */
export const DEMO_TREE = [
  federationCreated('c', 'municipal', null, 'c'),
  federationCreated('d1', 'district', 'c', 'c/d1'),
  federationCreated('d2', 'district', 'c', 'c/d2'),
  federationCreated('s1', 'street', 'd1', 'c/d1/s1'),
  unionRegistered('u1', 's1', 'c/d1/s1/u1'),
  unionRegistered('u2', 'd2', 'c/d2/u2'),
];

export const seedOrgTree = async (db: TestDatabase, events = DEMO_TREE): Promise<void> => {
  const client = await db.pool.connect();
  try {
    for (const event of events) await projectOrgTree(client, event);
  } finally {
    client.release();
  }
};

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  user: { id: string; role: string; orgPath: string | null; orgUnitId: string | null };
}

/** `POST /auth/login` with a username and password, answered as it is (a refusal included). */
export const signIn = (gateway: GatewayUnderTest, username: string, password: string) =>
  gateway.http().post('/auth/login').send({ username, password });

export const login = async (
  gateway: GatewayUnderTest,
  username: string,
  password: string,
): Promise<Tokens> => {
  const response = await signIn(gateway, username, password);
  if (response.status !== 200)
    throw new Error(`login of ${username} answered ${response.status}: ${response.text}`);

  return response.body as Tokens;
};

export const bearer = (tokens: Tokens | string) =>
  `Bearer ${typeof tokens === 'string' ? tokens : tokens.accessToken}`;

/** Creates an account as the admin and returns its id. */
export const createUser = async (
  gateway: GatewayUnderTest,
  admin: Tokens,
  user: { username: string; role: string; orgUnitId?: string; password?: string },
): Promise<string> => {
  const response = await gateway
    .http()
    .post('/users')
    .set('authorization', bearer(admin))
    .send({ password: PASSWORD, ...user });
  if (response.status !== 201)
    throw new Error(`creating ${user.username} answered ${response.status}: ${response.text}`);

  return (response.body as { id: string }).id;
};

// Jest globalSetup: one PostgreSQL, one Kafka and one Redis for the whole run (STYLE 2.6).
// Each comes from its environment variable if set, else from a container where a Docker engine
// answers, else from this machine: the local PostgreSQL and Redis and the project's own broker
// (infra/kafka/kafka.mjs). The suites read the result through testInfrastructure().
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import Redis from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import type { StartedTestContainer } from 'testcontainers';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_REDIS = 'redis://127.0.0.1:6379';
/** Shared with global-teardown.ts: Jest runs both in the same context. */
export const CONTAINERS = Symbol.for('taizhang.testing.containers');

type Holder = { [CONTAINERS]?: Pick<StartedTestContainer, 'stop'>[] };

/** An error that Jest shows as the one sentence it carries, without a stack. */
const plainError = (message: string): Error => {
  const error = new Error(message);
  error.stack = message;

  return error;
};

const dockerEngineAnswers = (): boolean =>
  spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 15_000 }).status === 0;

const remember = (container: Pick<StartedTestContainer, 'stop'>): void => {
  const holder = globalThis as Holder;
  holder[CONTAINERS] = [...(holder[CONTAINERS] ?? []), container];
};

const startPostgres = async (): Promise<string> => {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer('postgres:15')
    .withUsername('postgres')
    .withPassword('postgres')
    .withDatabase('postgres')
    .start();
  remember(container);

  return container.getConnectionUri();
};

const startKafka = async (): Promise<string> => {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const container = await new KafkaContainer('confluentinc/cp-kafka:7.9.2')
    .withKraft()
    .withEnvironment({ KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false' })
    .start();
  remember(container);

  return `${container.getHost()}:${container.getMappedPort(9093)}`;
};

const startRedis = async (): Promise<string> => {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer('redis:7')
    .withExposedPorts(6379)
    .withWaitStrategy(Wait.forLogMessage('Ready to accept connections'))
    .start();
  remember(container);

  return `redis://${container.getHost()}:${container.getMappedPort(6379)}`;
};

/** Starts the project's own broker unless one answers; kafka.mjs says plainly what is missing. */
const ensureLocalKafka = (): string => {
  const result = spawnSync(
    process.execPath,
    [path.join(REPO_ROOT, 'infra/kafka/kafka.mjs'), 'ensure'],
    {
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) {
    const lines = `${result.stdout}${result.stderr}`.trim().split('\n');
    console.error(lines.slice(0, -1).join('\n'));
    throw plainError(lines.at(-1) ?? 'The Kafka broker did not start');
  }

  return `127.0.0.1:${process.env['KAFKA_PORT'] ?? 9092}`;
};

const checkPostgres = async (url: string): Promise<void> => {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const { hostname, port } = new URL(url);
    throw plainError(
      `PostgreSQL does not answer at ${hostname}:${port || 5432} for the tests (${(error as Error).message}); start it (apt-get install postgresql), or set TEST_POSTGRES_ADMIN_URL, or install a Docker engine.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
};

const checkKafka = async (brokers: string): Promise<void> => {
  const admin = new Kafka({
    clientId: 'taizhang-test-setup',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    retry: { retries: 3 },
  }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
  } catch (error) {
    throw plainError(
      `Kafka does not answer at ${brokers} for the tests (${(error as Error).message}); start it with "node infra/kafka/kafka.mjs ensure", or set KAFKA_BROKERS, or install a Docker engine.`,
    );
  } finally {
    await admin.disconnect();
  }
};

const checkRedis = async (url: string): Promise<void> => {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3_000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw plainError(
      `Redis does not answer at ${url} for the tests (${(error as Error).message}); start it (apt-get install redis-server), or set REDIS_URL, or install a Docker engine.`,
    );
  } finally {
    client.disconnect();
  }
};

export default async (): Promise<void> => {
  process.env['TZ'] = 'UTC';
  const missing = ['TEST_POSTGRES_ADMIN_URL', 'KAFKA_BROKERS', 'REDIS_URL'].filter(
    (name) => !process.env[name],
  );
  const docker = missing.length > 0 && dockerEngineAnswers();
  // Set on process.env here, the values reach every Jest worker.
  const [postgres, kafka, redis] = await Promise.all([
    process.env['TEST_POSTGRES_ADMIN_URL'] || (docker ? startPostgres() : LOCAL_POSTGRES),
    process.env['KAFKA_BROKERS'] || (docker ? startKafka() : ensureLocalKafka()),
    process.env['REDIS_URL'] || (docker ? startRedis() : LOCAL_REDIS),
  ]);
  process.env['TEST_POSTGRES_ADMIN_URL'] = postgres;
  process.env['KAFKA_BROKERS'] = kafka;
  process.env['REDIS_URL'] = redis;
  await Promise.all([checkPostgres(postgres), checkKafka(kafka), checkRedis(redis)]);
};

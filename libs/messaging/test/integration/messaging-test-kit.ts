import { randomUUID } from 'node:crypto';

import type { ConsumerConfig, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { Counter, Registry } from 'prom-client';
import type { MigrationInterface, QueryRunner } from 'typeorm';

import type { EventEnvelope } from '@taizhang/contracts';
import { EventRegistry, MemberJoinedV1 } from '@taizhang/contracts';
import type { TestDatabase, TestTopics } from '@taizhang/testing';
import { createTestDatabase, createTestTopics, uniqueSuffix } from '@taizhang/testing';

import type { EventConsumerOptions, EventHandler } from '../../src';
import {
  createIdempotentProducer,
  EventConsumer,
  messagingMigrations,
  silentLogger,
} from '../../src';

// A frozen event version: the platform's tests do not move with organisation's contracts.
export const registry = new EventRegistry([MemberJoinedV1]);

/** Short timeouts so that groups form and hand over quickly (the broker's minimum session is 6 s). */
export const fastConsumerConfig: Omit<ConsumerConfig, 'groupId'> = {
  sessionTimeout: 6_000,
  rebalanceTimeout: 6_000,
  heartbeatInterval: 300,
  maxWaitTimeInMs: 100,
  retry: { initialRetryTime: 100, retries: 5 },
};

export const fastRetry = { attempts: 3, initialDelayMs: 10, maxDelayMs: 100, jitter: 0 };

/** A MemberJoined envelope of the given union, as the outbox relay publishes it. */
export const memberJoined = (
  unionId: string,
  streamVersion = 1,
  data: Record<string, unknown> = {},
): EventEnvelope => ({
  eventId: randomUUID(),
  type: 'MemberJoined',
  schemaVersion: 1,
  service: 'organisation',
  streamId: `union-${unionId}`,
  streamType: 'union',
  streamVersion,
  position: String(streamVersion),
  occurredAt: '2026-01-05T09:00:00.000Z',
  recordedAt: '2026-01-05T09:00:01.000Z',
  orgUnitId: unionId,
  orgPath: `2111/211103/${unionId}`,
  actor: { id: 'cadre-1', role: 'union_cadre' },
  correlationId: randomUUID(),
  causationId: null,
  commandId: null,
  data: {
    memberId: `m-${randomUUID()}`,
    unionId,
    name: '王芳',
    gender: 'female',
    joinedOn: '2026-01-05',
    ...data,
  },
});

/** A table for the handlers' effects, without any uniqueness, so that a double effect shows. */
export class CreateTestEffects1760000000001 implements MigrationInterface {
  name = 'CreateTestEffects1760000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE test_effects (seq bigserial PRIMARY KEY, event_id uuid NOT NULL, org_unit_id text NOT NULL, stream_version int NOT NULL)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE test_effects');
  }
}

export const INSERT_EFFECT_SQL =
  'INSERT INTO test_effects (event_id, org_unit_id, stream_version) VALUES ($1, $2, $3)';

/** Reads `count` messages from a topic with a throwaway group, from the beginning. */
export const readTopic = async (
  kafka: Kafka,
  topic: string,
  count: number,
  timeoutMs = 20_000,
): Promise<(KafkaMessage & { partition: number })[]> => {
  const groupId = `reader-${uniqueSuffix()}`;
  const consumer = kafka.consumer({ groupId, ...fastConsumerConfig });
  const messages: (KafkaMessage & { partition: number })[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Read ${messages.length} of ${count} messages from ${topic}`)),
        timeoutMs,
      );
      void consumer.run({
        eachMessage: ({ partition, message }) => {
          messages.push({ ...message, partition });
          if (messages.length >= count) {
            clearTimeout(timer);
            resolve();
          }

          return Promise.resolve();
        },
      });
    });
  } finally {
    await consumer.disconnect();
    await deleteGroups(kafka, [groupId]);
  }

  return messages;
};

/** Removes consumer groups a suite created, so that the broker keeps no trace of the run. */
export const deleteGroups = async (kafka: Kafka, groupIds: string[]): Promise<void> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteGroups(groupIds).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
};

/** The value of a counter or gauge summed over the series that match `labels`. */
export const metricValue = async (
  metrics: Registry,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> => {
  const metric = metrics.getSingleMetric(name) as Counter | undefined;
  if (!metric) return 0;
  const { values } = await metric.get();

  return values
    .filter((value) => Object.entries(labels).every(([key, v]) => value.labels[key] === v))
    .reduce((sum, value) => sum + value.value, 0);
};

export const header = (message: KafkaMessage, name: string): string | undefined =>
  message.headers?.[name]?.toString();

/** A suite's own database (with the consumer's tables), topic, connected producer and group id. */
export interface MessagingSuite {
  db: TestDatabase;
  topics: TestTopics;
  topic: string;
  producer: Producer;
  groupId: string;
}

/**
 * Registers the suite's set-up and tear-down: `messaging-<name>` with `partitions`, and the
 * group `<name>-spec-…`. `stopConsumers` runs first when the suite ends.
 */
export const messagingSuite = (
  name: string,
  partitions: number,
  stopConsumers: () => Promise<unknown> | undefined,
): MessagingSuite => {
  const suite = { groupId: `${name}-spec-${uniqueSuffix()}` } as MessagingSuite;
  beforeAll(async () => {
    [suite.db, suite.topics] = await Promise.all([
      createTestDatabase([...messagingMigrations, CreateTestEffects1760000000001]),
      createTestTopics([`messaging-${name}`], { partitions }),
    ]);
    suite.topic = suite.topics.names[`messaging-${name}`]!;
    suite.producer = createIdempotentProducer(suite.topics.kafka);
    await suite.producer.connect();
  });
  afterAll(async () => {
    await stopConsumers();
    await suite.producer.disconnect();
    await deleteGroups(suite.topics.kafka, [suite.groupId]);
    await Promise.all([suite.topics.delete(), suite.db.drop()]);
  });

  return suite;
};

/**
 * A consumer of the suite's topic in the suite's group: quiet, with short retries and timeouts;
 * `options` adds or overrides (metrics, a clock, a smaller run).
 */
export const suiteConsumer = (
  suite: MessagingSuite,
  handler: EventHandler,
  options: Partial<EventConsumerOptions> = {},
): EventConsumer =>
  new EventConsumer({
    kafka: suite.topics.kafka,
    groupId: suite.groupId,
    topics: [suite.topic],
    registry,
    pool: suite.db.pool,
    logger: silentLogger,
    retry: fastRetry,
    consumerConfig: fastConsumerConfig,
    handler,
    ...options,
  });

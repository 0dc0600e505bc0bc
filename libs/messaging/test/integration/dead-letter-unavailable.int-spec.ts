import { setTimeout as sleep } from 'node:timers/promises';

import type { Admin, Producer } from 'kafkajs';
import { Registry } from 'prom-client';

import { deadLetterTopic } from '@taizhang/contracts';
import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase, testInfrastructure, uniqueSuffix } from '@taizhang/testing';

import {
  ConsumerMetricNames,
  createIdempotentProducer,
  createKafka,
  createTopicsAndWait,
  EventConsumer,
  messagingMigrations,
  silentLogger,
  toEventMessage,
} from '../../src';
import {
  CreateTestEffects1760000000001,
  deleteGroups,
  fastConsumerConfig,
  fastRetry,
  INSERT_EFFECT_SQL,
  memberJoined,
  metricValue,
  readTopic,
  registry,
} from './messaging-test-kit';

describe('EventConsumer while its dead-letter topic is unavailable', () => {
  const kafka = createKafka({
    clientId: 'dlq-unavailable-spec',
    brokers: testInfrastructure().kafkaBrokers,
    logger: silentLogger,
  });
  const topic = `messaging-no-dlq.test-${uniqueSuffix()}`;
  const groupId = `no-dlq-spec-${uniqueSuffix()}`;
  let db: TestDatabase;
  let admin: Admin;
  let producer: Producer;
  let deadLetterProducer: Producer;
  let consumer: EventConsumer | undefined;

  beforeAll(async () => {
    db = await createTestDatabase([...messagingMigrations, CreateTestEffects1760000000001]);
    admin = kafka.admin();
    await admin.connect();
    // The topic alone: its dead-letter topic is created later, mid-test.
    await createTopicsAndWait(admin, [{ topic, numPartitions: 1, replicationFactor: 1 }]);
    producer = createIdempotentProducer(kafka);
    deadLetterProducer = createIdempotentProducer(kafka, {
      retry: { retries: 1, initialRetryTime: 50, maxRetryTime: 100 },
    });
    await Promise.all([producer.connect(), deadLetterProducer.connect()]);
  });

  afterAll(async () => {
    await consumer?.stop();
    await Promise.all([producer.disconnect(), deadLetterProducer.disconnect()]);
    await deleteGroups(kafka, [groupId]);
    await admin.deleteTopics({ topics: [topic, deadLetterTopic(topic)] }).catch(() => undefined);
    await admin.disconnect();
    await db.drop();
  });

  it('keeps the poison message uncommitted until it can be dead-lettered, then goes on', async () => {
    const good = memberJoined('union-x', 1);
    await producer.send({
      topic,
      messages: [{ key: 'union-x', value: 'not json at all' }, toEventMessage(good)],
    });
    const metrics = new Registry();
    consumer = new EventConsumer({
      kafka,
      groupId,
      topics: [topic],
      registry,
      pool: db.pool,
      logger: silentLogger,
      metrics,
      retry: fastRetry,
      consumerConfig: fastConsumerConfig,
      deadLetterProducer,
      handler: async (event, tx) => {
        await tx.query(INSERT_EFFECT_SQL, [event.eventId, event.orgUnitId, event.streamVersion]);
      },
    });
    await consumer.start();
    await sleep(1_500);

    const effects = () => db.pool.query<{ event_id: string }>('SELECT event_id FROM test_effects');
    expect((await effects()).rows).toEqual([]);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    expect(committed?.partitions).toEqual([
      expect.objectContaining({ partition: 0, offset: '-1' }),
    ]);
    expect(await metricValue(metrics, ConsumerMetricNames.deadLettered)).toBe(0);
    expect(consumer.lag()).toEqual([expect.objectContaining({ partition: 0, lag: 2 })]);

    await createTopicsAndWait(admin, [
      { topic: deadLetterTopic(topic), numPartitions: 1, replicationFactor: 1 },
    ]);
    await consumer.waitUntilCaughtUp();

    expect((await effects()).rows.map((row) => row.event_id)).toEqual([good.eventId]);
    const [letter] = await readTopic(kafka, deadLetterTopic(topic), 1);
    expect(letter?.value?.toString()).toBe('not json at all');
    expect(letter?.headers?.['dlq-error-code']?.toString()).toBe('INVALID_JSON');
    const [end] = await admin.fetchTopicOffsets(deadLetterTopic(topic));
    expect(end?.high).toBe('1');
  });
});

import { randomUUID } from 'node:crypto';

import type { KafkaMessage } from 'kafkajs';

import type { EventEnvelope } from '@taizhang/contracts';
import { deadLetterTopic, EventRegistry, MemberJoinedV1 } from '@taizhang/contracts';
import type { EventHandler } from '@taizhang/messaging';
import {
  createIdempotentProducer,
  EventConsumer,
  messagingMigrations,
  silentLogger,
  toEventMessage,
} from '@taizhang/messaging';
import type { TestDatabase, TestTopics } from '@taizhang/testing';
import { createTestDatabase, createTestTopics, uniqueSuffix } from '@taizhang/testing';

import type { DeadLetterEntry } from './redrive';
import { originalMessageOf, redriveDeadLetters, redriveGroupOf } from './redrive';

const memberJoined = (unionId: string, streamVersion: number): EventEnvelope => ({
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
  },
});

describe('npm run dlq -- redrive', () => {
  let db: TestDatabase;
  let topics: TestTopics;
  let topic: string;
  const suffix = uniqueSuffix();
  const healthy = `redrive-healthy-${suffix}`;
  const failing = `redrive-failing-${suffix}`;
  const consumers: EventConsumer[] = [];
  // The cause of the dead letters: fixed before the redrive.
  let broken = true;

  const consumer = (groupId: string, handler: EventHandler): EventConsumer => {
    const started = new EventConsumer({
      kafka: topics.kafka,
      groupId,
      topics: [topic],
      registry: new EventRegistry([MemberJoinedV1]),
      pool: db.pool,
      logger: silentLogger,
      retry: { attempts: 2, initialDelayMs: 10, maxDelayMs: 50, jitter: 0 },
      consumerConfig: {
        sessionTimeout: 6_000,
        rebalanceTimeout: 6_000,
        heartbeatInterval: 300,
        maxWaitTimeInMs: 100,
      },
      handler,
    });
    consumers.push(started);

    return started;
  };
  const recordEffect =
    (group: string): EventHandler =>
    async (event, tx) => {
      if (group === failing && broken) throw new Error('The figures table is missing a column');
      await tx.query('INSERT INTO test_group_effects (consumer_group, event_id) VALUES ($1, $2)', [
        group,
        event.eventId,
      ]);
    };
  const effects = async (group: string) =>
    (
      await db.pool.query<{ event_id: string }>(
        'SELECT event_id FROM test_group_effects WHERE consumer_group = $1 ORDER BY event_id',
        [group],
      )
    ).rows.map((row) => row.event_id);
  const caughtUp = () => Promise.all(consumers.map((c) => c.waitUntilCaughtUp()));

  beforeAll(async () => {
    [db, topics] = await Promise.all([
      createTestDatabase(messagingMigrations),
      createTestTopics(['dlq-redrive'], { partitions: 2 }),
    ]);
    topic = topics.names['dlq-redrive']!;
    await db.pool.query(
      'CREATE TABLE test_group_effects (seq bigserial PRIMARY KEY, consumer_group text, event_id uuid)',
    );
  });
  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    const admin = topics.kafka.admin();
    await admin.connect();
    await admin.deleteGroups([healthy, failing, redriveGroupOf(topic)]).catch(() => undefined);
    await admin.disconnect();
    await Promise.all([topics.delete(), db.drop()]);
  });

  it('puts each dead letter back once, for the group that dead-lettered it; a second redrive does nothing', async () => {
    await consumer(healthy, recordEffect(healthy)).start();
    await consumer(failing, recordEffect(failing)).start();
    const events = [memberJoined('u1', 1), memberJoined('u2', 1), memberJoined('u3', 1)];
    const ids = events.map((event) => event.eventId).sort();
    const producer = createIdempotentProducer(topics.kafka);
    await producer.connect();
    await producer.send({ topic, messages: events.map(toEventMessage) });
    await caughtUp();
    expect(await effects(healthy)).toEqual(ids);
    expect(await effects(failing)).toEqual([]);

    const listed: DeadLetterEntry[] = [];
    const dryRun = await redriveDeadLetters({
      kafka: topics.kafka,
      topic,
      dryRun: true,
      onLetter: (letter) => listed.push(letter),
    });
    expect(dryRun.total).toBe(3);
    expect(listed.map((letter) => letter.eventId).sort()).toEqual(ids);
    expect(listed.every((letter) => letter.consumerGroup === failing)).toBe(true);
    expect(listed[0]).toMatchObject({ code: 'HANDLER_FAILED', eventType: 'MemberJoined' });

    broken = false;
    // Long after, retention has pruned the healthy group's records of these events.
    await db.pool.query('DELETE FROM messaging_processed_events WHERE consumer_group = $1', [
      healthy,
    ]);
    // A redrive that crashed after publishing a letter, before committing it, publishes it twice.
    const letters = await readAll(topics, deadLetterTopic(topic), 3);
    await producer.send({ topic, messages: [originalMessageOf(letters[0]!)] });
    const progress: number[] = [];
    const redrive = await redriveDeadLetters({
      kafka: topics.kafka,
      topic,
      onProgress: (done) => progress.push(done),
    });
    expect(redrive).toEqual({ total: 3, done: 3 });
    expect(progress).toEqual([0, 1, 2, 3]);
    await caughtUp();

    expect(await effects(failing)).toEqual(ids);
    // The healthy group processed them before: the copies were not meant for it, record or not.
    expect(await effects(healthy)).toEqual(ids);
    expect(await redriveDeadLetters({ kafka: topics.kafka, topic })).toEqual({ total: 0, done: 0 });
    await caughtUp();
    expect((await effects(failing)).length).toBe(3);
    await producer.disconnect();
  });
});

/** Reads `count` messages of a topic from the beginning with a throwaway group. */
const readAll = async (
  topics: TestTopics,
  topic: string,
  count: number,
): Promise<KafkaMessage[]> => {
  const groupId = `reader-${uniqueSuffix()}`;
  const reader = topics.kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  const messages: KafkaMessage[] = [];
  await reader.connect();
  try {
    await reader.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve) => {
      void reader.run({
        eachMessage: ({ message }) => {
          messages.push(message);
          if (messages.length >= count) resolve();

          return Promise.resolve();
        },
      });
    });
  } finally {
    await reader.disconnect();
    const admin = topics.kafka.admin();
    await admin.connect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }

  return messages;
};

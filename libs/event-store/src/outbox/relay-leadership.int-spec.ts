import { randomUUID } from 'node:crypto';

import type { TestDatabase, TestTopics } from '@taizhang/testing';
import { createTestDatabase, createTestEventKeys, createTestTopics } from '@taizhang/testing';

import { counterDecider, increment, orgUnit, registry } from '../../test/counter.fixture';
import { handleCommand } from '../core/handle-command';
import type { StoredEvent } from '../core/stored-event';
import { eventStoreMigrations } from '../postgres/migrations';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { OutboxRelay } from './outbox-relay';

/** The backend holding the relay's leadership lock in this database. */
const LEADER = `
  SELECT pid FROM pg_locks
  WHERE locktype = 'advisory' AND granted
    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;

/** Event ids on the topic, as many as it holds. */
const eventIdsOnTopic = async (topics: TestTopics, topic: string) => {
  const admin = topics.kafka.admin();
  await admin.connect();
  const total = (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
  await admin.disconnect();
  const consumer = topics.kafka.consumer({
    groupId: `reader-${randomUUID()}`,
    maxWaitTimeInMs: 100,
  });
  const ids: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: ({ message }) => {
        ids.push((JSON.parse(message.value!.toString()) as StoredEvent).eventId);
        if (ids.length >= total) resolve();

        return Promise.resolve();
      },
    });
  });
  await consumer.disconnect();

  return ids;
};

describe('OutboxRelay leadership', () => {
  let db: TestDatabase;
  let topics: TestTopics;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations);
    topics = await createTestTopics(['leader']);
    store = new PostgresEventStore({ service: 'test', pool: db.pool, registry });
  });
  afterAll(async () => {
    await topics.delete();
    await db.drop();
  });

  const append = async (count: number) =>
    (
      await Promise.all(
        Array.from({ length: count }, () =>
          handleCommand(store, {
            streamId: `counter-${randomUUID()}`,
            streamType: 'counter',
            decider: counterDecider,
            command: increment(1),
            orgUnit,
          }),
        ),
      )
    ).flatMap((result) => result.eventIds);

  it('takes leadership again when its session is ended, and publishes everything once', async () => {
    const topic = topics.names['leader']!;
    const relay = new OutboxRelay({
      store,
      producer: topics.kafka.producer({ idempotent: true, maxInFlightRequests: 1 }),
      topic,
      signingKey: createTestEventKeys('test').privateKey,
    });
    await relay.start();
    try {
      const written = await append(3);
      await relay.drain();
      const leader = (await db.pool.query<{ pid: number }>(LEADER)).rows[0]!.pid;
      await db.pool.query('SELECT pg_terminate_backend($1)', [leader]);

      written.push(...(await append(3)));
      await relay.drain();
      // Leading again, on a session of its own.
      const now = (await db.pool.query<{ pid: number }>(LEADER)).rows;
      expect(now).toHaveLength(1);
      expect(now[0]!.pid).not.toBe(leader);
      expect((await eventIdsOnTopic(topics, topic)).sort()).toEqual(written.sort());
    } finally {
      await relay.stop();
    }
  });
});

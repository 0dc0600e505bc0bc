import { randomUUID } from 'node:crypto';

import { checkEventSignature } from '@taizhang/messaging';
import type { TestDatabase, TestTopics } from '@taizhang/testing';
import { createTestDatabase, createTestEventKeys, createTestTopics } from '@taizhang/testing';

import { counterDecider, increment, orgUnit, registry } from '../../test/counter.fixture';
import { handleCommand } from '../core/handle-command';
import type { StoredEvent } from '../core/stored-event';
import { eventStoreMigrations } from '../postgres/migrations';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { OutboxRelay } from './outbox-relay';

const keys = createTestEventKeys('test');

/** Reads every message of a topic from the beginning until `count` have arrived. */
const readTopic = async (topics: TestTopics, topic: string, count: number) => {
  const consumer = topics.kafka.consumer({
    groupId: `reader-${randomUUID()}`,
    maxWaitTimeInMs: 100,
  });
  const messages: { key: string; eventId: string; type: string | undefined; signature: string }[] =
    [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`only ${messages.length} of ${count} arrived`)),
      30_000,
    );
    void consumer.run({
      eachMessage: ({ message }) => {
        const envelope = JSON.parse(message.value!.toString()) as StoredEvent;
        messages.push({
          key: message.key!.toString(),
          eventId: envelope.eventId,
          type: message.headers?.['event-type']?.toString(),
          signature: checkEventSignature(message.value, message.headers, keys.publicKey),
        });
        if (messages.length >= count) {
          clearTimeout(timer);
          resolve();
        }

        return Promise.resolve();
      },
    });
  });
  await consumer.disconnect();

  return messages;
};

describe('OutboxRelay', () => {
  let db: TestDatabase;
  let topics: TestTopics;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations);
    topics = await createTestTopics(['relay']);
    store = new PostgresEventStore({ service: 'test', pool: db.pool, registry });
  });
  afterAll(async () => {
    await topics.delete();
    await db.drop();
  });

  const append = (count: number) =>
    Promise.all(
      Array.from({ length: count }, () =>
        handleCommand(store, {
          streamId: `counter-${randomUUID()}`,
          streamType: 'counter',
          decider: counterDecider,
          command: increment(1),
          orgUnit,
        }),
      ),
    );
  const newRelay = (afterPublish?: (events: StoredEvent[]) => Promise<void>) =>
    new OutboxRelay({
      store,
      producer: topics.kafka.producer({ idempotent: true, maxInFlightRequests: 1 }),
      topic: topics.names['relay']!,
      signingKey: keys.privateKey,
      afterPublish,
    });

  it('re-sends after a crash between the broker’s acknowledgement and the checkpoint, losing nothing', async () => {
    const written = (await append(20)).flatMap((r) => r.eventIds);
    let resent = 0;
    const crashing = newRelay((events) => {
      resent ||= events.length;

      return Promise.reject(new Error('crash after the broker acknowledged'));
    });
    await crashing.start();
    while (!resent) await new Promise((r) => setTimeout(r, 20));
    await crashing.stop();

    const restarted = newRelay();
    await restarted.start();
    written.push(...(await append(5)).flatMap((r) => r.eventIds));
    await restarted.drain();
    await restarted.stop();

    // The batch published before the crash is on the topic twice; nothing is missing.
    const messages = await readTopic(topics, topics.names['relay']!, written.length + resent);
    const delivered = new Set(messages.map((m) => m.eventId));
    expect(written.every((id) => delivered.has(id))).toBe(true);
    expect(messages.length).toBe(written.length + resent);
    expect(messages.every((m) => m.key === orgUnit.id && m.type === 'CounterIncremented')).toBe(
      true,
    );
    // Signed with the service's event key (ADR 0007), so that consumers can tell them from forgeries.
    expect(new Set(messages.map((m) => m.signature))).toEqual(new Set(['valid']));
  });
});

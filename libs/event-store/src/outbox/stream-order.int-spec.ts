import { randomUUID } from 'node:crypto';

import type { PoolClient } from 'pg';

import type { TestDatabase, TestTopics } from '@taizhang/testing';
import {
  createTestDatabase,
  createTestEventKeys,
  createTestTopics,
  eventually,
} from '@taizhang/testing';

import { counterDecider, increment, orgUnit, registry } from '../../test/counter.fixture';
import { handleCommand } from '../core/handle-command';
import type { StoredEvent } from '../core/stored-event';
import { eventStoreMigrations } from '../postgres/migrations';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { OutboxRelay } from './outbox-relay';

// A claim of a key starting with "held-" waits, inside its INSERT, until the test lets it go.
const HOLD_LOCK = 73_301;
const HOLD_CLAIMS = `
  CREATE FUNCTION hold_claim() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.command_id LIKE '%:held-%' THEN PERFORM pg_advisory_xact_lock(${HOLD_LOCK}); END IF;
    RETURN NEW;
  END $$;
  CREATE TRIGGER hold_claim AFTER INSERT ON processed_commands
    FOR EACH ROW EXECUTE FUNCTION hold_claim();`;

/** Sessions of this database waiting for a lock of the given kind (advisory, transactionid, tuple). */
const WAITING = `
  SELECT count(*)::int AS waiting FROM pg_stat_activity
  WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = ANY($1)`;

/** Versions of one stream in the order the relay put them on the topic. */
const versionsOnTopic = async (topics: TestTopics, topic: string, streamId: string) => {
  const admin = topics.kafka.admin();
  await admin.connect();
  const total = (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
  await admin.disconnect();
  const consumer = topics.kafka.consumer({
    groupId: `reader-${randomUUID()}`,
    maxWaitTimeInMs: 100,
  });
  const versions: number[] = [];
  let seen = 0;
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: ({ message }) => {
        const envelope = JSON.parse(message.value!.toString()) as StoredEvent;
        if (envelope.streamId === streamId) versions.push(envelope.streamVersion);
        seen += 1;
        if (seen >= total) resolve();

        return Promise.resolve();
      },
    });
  });
  await consumer.disconnect();

  return versions;
};

describe('The relay publishes each stream in version order', () => {
  let db: TestDatabase;
  let topics: TestTopics;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations);
    await db.pool.query(HOLD_CLAIMS);
    topics = await createTestTopics(['claim', 'late-lock']);
    store = new PostgresEventStore({ service: 'test', pool: db.pool, registry });
  });
  afterAll(async () => {
    await topics.delete();
    await db.drop();
  });

  const incrementOn = (streamId: string, commandId?: string) =>
    handleCommand(store, {
      streamId,
      streamType: 'counter',
      decider: counterDecider,
      command: increment(1, commandId ? { commandId } : {}),
      orgUnit,
    });
  const publish = async (topic: string, streamId: string) => {
    const relay = new OutboxRelay({
      store,
      name: topic,
      producer: topics.kafka.producer({ idempotent: true, maxInFlightRequests: 1 }),
      topic,
      signingKey: createTestEventKeys('test').privateKey,
    });
    await relay.start();
    await relay.drain();
    await relay.stop();

    return versionsOnTopic(topics, topic, streamId);
  };
  const waiting = async (kinds: string[]) =>
    (await db.pool.query<{ waiting: number }>(WAITING, [kinds])).rows[0]!.waiting > 0;

  it('when a keyed command is held between its claim and the stream lock while a later one commits', async () => {
    const streamId = `counter-${randomUUID()}`;
    for (let i = 0; i < 4; i += 1) await incrementOn(streamId);
    const holder: PoolClient = await db.pool.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [HOLD_LOCK]);
      const held = incrementOn(streamId, `held-${randomUUID()}`);
      expect(await eventually(() => waiting(['advisory']), Boolean)).toBe(true);
      // The later command either commits now or waits for the held one's lock on the stream.
      const later = incrementOn(streamId);
      let laterDone = false;
      void later.finally(() => (laterDone = true));
      expect(
        await eventually(
          async () => laterDone || (await waiting(['transactionid', 'tuple'])),
          Boolean,
        ),
      ).toBe(true);
      await holder.query('SELECT pg_advisory_unlock($1)', [HOLD_LOCK]);
      await Promise.all([held, later]);
    } finally {
      holder.release();
    }

    expect(await publish(topics.names['claim']!, streamId)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('when a transaction locks a stream after it has written (another stream) and a command on that stream commits first', async () => {
    const streamId = `counter-${randomUUID()}`;
    for (let i = 0; i < 2; i += 1) await incrementOn(streamId);
    let overtaken = false;
    await handleCommand(store, {
      streamId: `counter-${randomUUID()}`,
      streamType: 'counter',
      decider: counterDecider,
      command: increment(1),
      orgUnit,
      // As a merger moves members: the other stream is locked after this transaction appended.
      withinTransaction: async (tx) => {
        if (!overtaken) {
          overtaken = true;
          await incrementOn(streamId);
        }
        const { head } = await tx.lockAndReadStream(streamId);
        await tx.append(
          streamId,
          head,
          [{ type: 'CounterIncremented', data: { by: 1, note: '' } }],
          {
            streamType: 'counter',
            orgUnit,
            metadata: increment(1).metadata,
          },
        );
      },
    });

    expect(await publish(topics.names['late-lock']!, streamId)).toEqual([1, 2, 3, 4]);
  });
});

import { generateKeyPairSync, randomUUID } from 'node:crypto';

import { organisationRegistry } from '@taizhang/contracts';
import type { StoredEvent } from '@taizhang/event-store';
import {
  eventStoreMigrations,
  OutboxRelay,
  PostgresEventStore,
  START_CHECKPOINT,
} from '@taizhang/event-store';
import { createIdempotentProducer, toEventMessage } from '@taizhang/messaging';
import { createTestDatabase, createTestTopics } from '@taizhang/testing';

export interface RelayFigures {
  events: number;
  relayPerSecond: number;
  bareProducerPerSecond: number;
}

const BATCH = 500;

const seedEvents = async (store: PostgresEventStore, count: number): Promise<void> => {
  const perStream = 100;
  const streams = Math.ceil(count / perStream);
  for (let first = 0; first < streams; first += 16)
    await Promise.all(
      Array.from({ length: Math.min(16, streams - first) }, (_, i) => {
        const unionId = `union-${first + i}`;

        return store.appendToStream(
          `union-members-${randomUUID()}`,
          Array.from({ length: perStream }, () => ({
            type: 'MemberJoined',
            data: {
              memberId: randomUUID(),
              unionId,
              name: '李建国',
              gender: 'male',
              joinedOn: '2019-03-15',
              idCardNumber: null,
              phone: null,
              birthDate: null,
              employerId: null,
              employmentForm: 'regular',
              migrantWorker: false,
              channel: 'individual',
            },
          })),
          {
            streamType: 'bench',
            orgUnit: { id: unionId, path: `city/district/${unionId}` },
            metadata: {
              now: new Date(),
              actorId: 'bench',
              actorRole: 'system',
              correlationId: 'bench',
            },
          },
        );
      }),
    );
};

/** Events per second through the outbox relay, against a bare producer sending the same messages. */
export const benchRelay = async (count: number): Promise<RelayFigures> => {
  const db = await createTestDatabase(eventStoreMigrations);
  const topics = await createTestTopics(['bench.relay', 'bench.bare'], { partitions: 12 });
  try {
    const store = new PostgresEventStore({
      service: 'organisation',
      pool: db.pool,
      registry: organisationRegistry,
    });
    await seedEvents(store, count);

    const relay = new OutboxRelay({
      store,
      topic: topics.names['bench.relay']!,
      producer: createIdempotentProducer(topics.kafka),
      // Signing is part of the relay's work (ADR 0007): the bench measures it too.
      signingKey: generateKeyPairSync('ed25519').privateKey,
      batchSize: BATCH,
    });
    const relayStarted = performance.now();
    await relay.start();
    await relay.drain(120_000);
    const relaySeconds = (performance.now() - relayStarted) / 1000;
    await relay.stop();

    const events: StoredEvent[] = [];
    for (let checkpoint = START_CHECKPOINT; ;) {
      const batch = await store.readAll(checkpoint, BATCH);
      if (batch.events.length === 0) break;
      events.push(...batch.events);
      checkpoint = batch.checkpoint;
    }
    const producer = createIdempotentProducer(topics.kafka);
    const bareStarted = performance.now();
    await producer.connect();
    for (let i = 0; i < events.length; i += BATCH)
      await producer.send({
        topic: topics.names['bench.bare']!,
        acks: -1,
        messages: events.slice(i, i + BATCH).map(toEventMessage),
      });
    const bareSeconds = (performance.now() - bareStarted) / 1000;
    await producer.disconnect();

    return {
      events: events.length,
      relayPerSecond: events.length / relaySeconds,
      bareProducerPerSecond: events.length / bareSeconds,
    };
  } finally {
    await topics.delete();
    await db.drop();
  }
};

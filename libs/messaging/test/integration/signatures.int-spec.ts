import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { deadLetterTopic } from '@taizhang/contracts';
import { createTestEventKeys } from '@taizhang/testing';

import type { EventConsumer } from '../../src';
import { eventPublicKeyFromEnv, toEventMessage } from '../../src';
import {
  header,
  INSERT_EFFECT_SQL,
  memberJoined,
  messagingSuite,
  readTopic,
  suiteConsumer,
} from './messaging-test-kit';

const effectsOf = async (suite: ReturnType<typeof messagingSuite>): Promise<string[]> =>
  (
    await suite.db.pool.query<{ event_id: string }>(
      'SELECT event_id FROM test_effects ORDER BY seq',
    )
  ).rows.map((row) => row.event_id);

describe('EventConsumer on a topic whose messages must be signed', () => {
  let consumer: EventConsumer | undefined;
  const suite = messagingSuite('signed', 1, () => consumer?.stop());

  it('applies what the publisher signed and dead-letters the unsigned, the otherwise signed and the altered', async () => {
    const keys = createTestEventKeys('organisation');
    const union = 'union-signed';
    const [first, unsigned, otherKey, altered, last] = [1, 2, 3, 4, 5].map((version) =>
      memberJoined(union, version),
    );
    const alteredMessage = keys.message(altered!);
    alteredMessage.value = String(alteredMessage.value).replace('王芳', '李四');
    await suite.producer.send({
      topic: suite.topic,
      messages: [
        keys.message(first!),
        toEventMessage(unsigned!),
        createTestEventKeys('organisation').message(otherKey!),
        alteredMessage,
        keys.message(last!),
      ],
    });

    consumer = suiteConsumer(
      suite,
      async (event, tx) => {
        await tx.query(INSERT_EFFECT_SQL, [event.eventId, event.orgUnitId, event.streamVersion]);
      },
      { signatures: { [suite.topic]: keys.publicKeySource } },
    );
    await consumer.start();
    await consumer.waitUntilCaughtUp();

    expect(await effectsOf(suite)).toEqual([first!.eventId, last!.eventId]);
    const letters = await readTopic(suite.topics.kafka, deadLetterTopic(suite.topic), 3);
    expect(
      letters.map((letter) => [header(letter, 'event-id'), header(letter, 'dlq-error-code')]),
    ).toEqual([
      [unsigned!.eventId, 'INVALID_SIGNATURE'],
      [otherKey!.eventId, 'INVALID_SIGNATURE'],
      [altered!.eventId, 'INVALID_SIGNATURE'],
    ]);
    expect(letters.map((letter) => header(letter, 'dlq-reason'))).toEqual([
      `The message is not signed (no event-signature header): only organisation's outbox relay publishes on ${suite.topic}.`,
      "The signature does not match organisation's public key: the message was altered or signed with another key.",
      "The signature does not match organisation's public key: the message was altered or signed with another key.",
    ]);
  });
});

describe('EventConsumer while the publisher’s public key cannot be had', () => {
  let consumer: EventConsumer | undefined;
  const suite = messagingSuite('unkeyed', 1, () => consumer?.stop());
  const dir = mkdtempSync(path.join(tmpdir(), 'taizhang-event-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves the messages unread, never applied unverified, and applies them once the key is there', async () => {
    const keys = createTestEventKeys('organisation');
    const file = path.join(dir, 'organisation-public.pem');
    const event = memberJoined('union-unkeyed', 1);
    await suite.producer.send({ topic: suite.topic, messages: [keys.message(event)] });

    let blocked: () => void;
    const waiting = new Promise<void>((resolve) => (blocked = resolve));
    consumer = suiteConsumer(
      suite,
      async (applied, tx) => {
        await tx.query(INSERT_EFFECT_SQL, [applied.eventId, applied.orgUnitId, 1]);
      },
      {
        signatures: {
          [suite.topic]: eventPublicKeyFromEnv('organisation', {
            ORGANISATION_EVENT_PUBLIC_KEY_FILE: file,
          }),
        },
        logger: {
          info: () => undefined,
          warn: () => undefined,
          error: (_fields, message) => {
            if (message.startsWith("The publisher's public key is unavailable")) blocked();
          },
        },
      },
    );
    await consumer.start();
    await waiting;
    expect(await effectsOf(suite)).toEqual([]);

    writeFileSync(file, keys.publicKey.export({ type: 'spki', format: 'pem' }));
    await consumer.waitUntilCaughtUp();
    expect(await effectsOf(suite)).toEqual([event.eventId]);
  });
});

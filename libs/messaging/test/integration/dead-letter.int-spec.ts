import { Registry } from 'prom-client';

import { deadLetterTopic } from '@taizhang/contracts';

import type { EventConsumer } from '../../src';
import { ConsumerMetricNames, toEventMessage } from '../../src';
import {
  fastRetry,
  header,
  INSERT_EFFECT_SQL,
  memberJoined,
  messagingSuite,
  metricValue,
  readTopic,
  suiteConsumer,
} from './messaging-test-kit';

describe('EventConsumer with messages it cannot process', () => {
  let consumer: EventConsumer | undefined;
  const suite = messagingSuite('dlq', 2, () => consumer?.stop());

  it('dead-letters each with its reason and keeps consuming what follows', async () => {
    const { topic } = suite;
    const union = 'union-dlq';
    const first = memberJoined(union, 1);
    const poisoned = memberJoined(union, 2);
    const last = memberJoined(union, 3);
    const unknownType = { ...memberJoined(union, 9), type: 'MemberLevitated' };
    const badSchema = memberJoined(union, 9, { gender: 'unknown' });
    // All on one key, so one partition in this order: the good ones around the poison.
    const sent = [
      toEventMessage(first),
      { key: union, value: '{"eventId": "cut off', headers: { 'event-type': 'MemberJoined' } },
      toEventMessage(unknownType),
      toEventMessage(badSchema),
      toEventMessage(poisoned),
      toEventMessage(last),
    ];
    await suite.producer.send({ topic, messages: sent });

    const attempts = new Map<string, number>();
    const metrics = new Registry();
    consumer = suiteConsumer(
      suite,
      async (event, tx) => {
        attempts.set(event.eventId, (attempts.get(event.eventId) ?? 0) + 1);
        await tx.query(INSERT_EFFECT_SQL, [event.eventId, event.orgUnitId, event.streamVersion]);
        if (event.eventId === poisoned.eventId)
          throw new Error('member directory has no union-dlq');
      },
      { metrics, clock: () => new Date('2026-02-01T10:00:00.000Z') },
    );
    await consumer.start();
    await consumer.waitUntilCaughtUp();

    const effects = await suite.db.pool.query<{ event_id: string }>(
      'SELECT event_id FROM test_effects ORDER BY seq',
    );
    expect(effects.rows.map((row) => row.event_id)).toEqual([first.eventId, last.eventId]);
    expect(attempts.get(poisoned.eventId)).toBe(fastRetry.attempts);

    const letters = await readTopic(suite.topics.kafka, deadLetterTopic(topic), 4);
    const partition = letters[0]!.partition;
    expect(letters.map((letter) => header(letter, 'dlq-error-code'))).toEqual([
      'INVALID_JSON',
      'UNKNOWN_EVENT_TYPE',
      'INVALID_EVENT_DATA',
      'HANDLER_FAILED',
    ]);
    letters.forEach((letter, index) => {
      const original = sent[index + 1]!;
      expect(letter.key?.toString()).toBe(union);
      expect(letter.value?.toString()).toBe(original.value);
      expect(header(letter, 'event-type')).toBe(original.headers?.['event-type']);
      expect(header(letter, 'dlq-original-topic')).toBe(topic);
      expect(header(letter, 'dlq-original-partition')).toBe(String(partition));
      expect(header(letter, 'dlq-original-offset')).toBe(String(index + 1));
      expect(header(letter, 'dlq-consumer-group')).toBe(suite.groupId);
      expect(header(letter, 'dlq-failed-at')).toBe('2026-02-01T10:00:00.000Z');
    });
    expect(letters.map((letter) => header(letter, 'dlq-reason'))).toEqual([
      expect.stringMatching(/not JSON/),
      expect.stringMatching(/MemberLevitated/),
      expect.stringMatching(/MemberJoined v1 does not match its schema.*gender/s),
      'The handler failed 3 times; last error: member directory has no union-dlq',
    ]);

    expect(
      await metricValue(metrics, ConsumerMetricNames.deadLettered, { group: suite.groupId }),
    ).toBe(4);
    expect(
      await metricValue(metrics, ConsumerMetricNames.deadLettered, { code: 'HANDLER_FAILED' }),
    ).toBe(1);
    expect(await metricValue(metrics, ConsumerMetricNames.retries)).toBe(fastRetry.attempts - 1);
    expect(await metricValue(metrics, ConsumerMetricNames.processed)).toBe(2);
  });
});

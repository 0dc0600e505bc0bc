import { deadLetterTopic } from '@taizhang/contracts';

import type { EventConsumer } from '../../src';
import { toEventMessage } from '../../src';
import {
  header,
  INSERT_EFFECT_SQL,
  memberJoined,
  messagingSuite,
  readTopic,
  suiteConsumer,
} from './messaging-test-kit';

describe('EventConsumer when a handler breaks its transaction', () => {
  let consumer: EventConsumer | undefined;
  const suite = messagingSuite('tx-failures', 1, () => consumer?.stop());

  beforeAll(async () => {
    // Checked only at COMMIT, so that a run of events fails as a whole.
    await suite.db.pool.query(
      'CREATE TABLE test_member_names (name text UNIQUE DEFERRABLE INITIALLY DEFERRED)',
    );
  });

  it('sets aside the event whose commit fails or whose failed statement was swallowed', async () => {
    const { topic } = suite;
    const union = 'union-tx';
    const first = memberJoined(union, 1, { name: '李雷' });
    const swallowing = memberJoined(union, 2, { name: '韩梅梅' });
    const third = memberJoined(union, 3, { name: '王芳' });
    const sameName = memberJoined(union, 4, { name: '李雷' });
    const last = memberJoined(union, 5, { name: '张伟' });
    await suite.producer.send({
      topic,
      messages: [first, swallowing, third, sameName, last].map(toEventMessage),
    });

    consumer = suiteConsumer(suite, async (event, tx) => {
      const { name } = event.data as { name: string };
      await tx.query(INSERT_EFFECT_SQL, [event.eventId, event.orgUnitId, event.streamVersion]);
      await tx.query('INSERT INTO test_member_names (name) VALUES ($1)', [name]);
      // A handler that hides a failed statement: its transaction can only roll back.
      if (event.eventId === swallowing.eventId)
        await tx.query('SELECT 1 / 0').catch(() => undefined);
    });
    await consumer.start();
    await consumer.waitUntilCaughtUp();

    const effects = await suite.db.pool.query<{ event_id: string }>(
      'SELECT event_id FROM test_effects ORDER BY seq',
    );
    expect(effects.rows.map((row) => row.event_id)).toEqual([
      first.eventId,
      third.eventId,
      last.eventId,
    ]);
    const letters = await readTopic(suite.topics.kafka, deadLetterTopic(topic), 2);
    expect(letters.map((letter) => header(letter, 'event-id'))).toEqual([
      swallowing.eventId,
      sameName.eventId,
    ]);
    expect(letters.map((letter) => header(letter, 'dlq-reason'))).toEqual([
      expect.stringMatching(/aborted by a failed statement/),
      expect.stringMatching(/duplicate key value violates unique constraint/),
    ]);
  });
});

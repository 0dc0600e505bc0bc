import type { EventEnvelope } from '@taizhang/contracts';
import { deadLetterTopic } from '@taizhang/contracts';

import type { EventConsumer } from '../../src';
import { deferredBatch, toEventMessage, writeDeferredBatches } from '../../src';
import {
  header,
  INSERT_EFFECT_SQL,
  memberJoined,
  messagingSuite,
  readTopic,
  suiteConsumer,
} from './messaging-test-kit';

/**
 * Handlers that defer their writes to the end of the transaction (reporting's members' steps):
 * a run of good events is written in one go, and an event that fails, in its handler or in the
 * deferred write, costs no other event its effect, nor gives any event two.
 */
describe('EventConsumer with deferred batches', () => {
  let consumer: EventConsumer | undefined;
  const suite = messagingSuite('deferred', 1, () => consumer?.stop());

  beforeAll(async () => {
    // Checked only when the batch is written: a name twice breaks the deferred write.
    await suite.db.pool.query('CREATE TABLE test_member_names (name text PRIMARY KEY)');
  });

  it('writes runs together, sets aside what fails, and applies every other event once', async () => {
    const { topic } = suite;
    const union = 'union-deferred';
    const names = ['李雷', '韩梅梅', '王芳', '李雷', '张伟', '赵敏', '周婷', '陈刚'];
    const events = names.map((name, i) => memberJoined(union, i + 1, { name }));
    // The fourth repeats the first's name (its deferred write fails); the fifth needs what came
    // before it written first (as a move of the tree does in reporting); the sixth throws at once.
    const [, , , sameName, writingFirst, throwing] = events;
    const writes: number[] = [];
    await suite.producer.send({ topic, messages: events.map(toEventMessage) });

    consumer = suiteConsumer(suite, async (event, tx) => {
      if (event.eventId === throwing!.eventId) throw new Error('this event cannot be applied');
      if (event.eventId === writingFirst!.eventId) await writeDeferredBatches(tx);
      deferredBatch<EventEnvelope>(tx, 'effects', async (batch) => {
        writes.push(batch.length);
        for (const each of batch) {
          await tx.query(INSERT_EFFECT_SQL, [each.eventId, each.orgUnitId, each.streamVersion]);
          await tx.query('INSERT INTO test_member_names (name) VALUES ($1)', [
            (each.data as { name: string }).name,
          ]);
        }
      }).push(event);
    });
    await consumer.start();
    await consumer.waitUntilCaughtUp();

    const effects = await suite.db.pool.query<{ event_id: string }>(
      'SELECT event_id FROM test_effects ORDER BY stream_version',
    );
    expect(effects.rows.map((row) => row.event_id)).toEqual(
      events.filter((e) => e !== sameName && e !== throwing).map((e) => e.eventId),
    );
    const letters = await readTopic(suite.topics.kafka, deadLetterTopic(topic), 2);
    expect(letters.map((letter) => header(letter, 'event-id'))).toEqual([
      sameName!.eventId,
      throwing!.eventId,
    ]);
    // Some write carried several events: the run's work went in one go.
    expect(Math.max(...writes)).toBeGreaterThan(1);

    // Delivered again, nothing changes.
    await suite.producer.send({ topic, messages: events.map(toEventMessage) });
    await consumer.waitUntilCaughtUp();
    const again = await suite.db.pool.query('SELECT count(*)::int AS n FROM test_effects');
    expect(again.rows[0]).toEqual({ n: 6 });
  });
});

import { Registry } from 'prom-client';

import type { EventEnvelope } from '@taizhang/contracts';

import type { EventConsumer } from '../../src';
import { toEventMessage } from '../../src';
import {
  INSERT_EFFECT_SQL,
  memberJoined,
  messagingSuite,
  metricValue,
  suiteConsumer,
} from './messaging-test-kit';

const DAY_MS = 24 * 3_600_000;

describe('EventConsumer pruning its records of processed events', () => {
  let consumer: EventConsumer | undefined;
  const suite = messagingSuite('retention', 1, () => consumer?.stop());

  it('prunes records far below the committed offset and old, keeps the rest, and still dedupes a redelivery inside the window', async () => {
    const metrics = new Registry();
    let now = new Date('2026-01-01T00:00:00Z');
    consumer = suiteConsumer(
      suite,
      async (event, tx) => {
        await tx.query(INSERT_EFFECT_SQL, [event.eventId, event.orgUnitId, event.streamVersion]);
      },
      {
        metrics,
        clock: () => now,
        // A day old and more than 8 offsets below the committed one.
        retention: { minAgeMs: DAY_MS, offsetMargin: 8, intervalMs: 3_600_000 },
      },
    );
    await consumer.start();
    const send = async (events: EventEnvelope[]) => {
      await suite.producer.send({ topic: suite.topic, messages: events.map(toEventMessage) });
      await consumer!.waitUntilCaughtUp();
    };
    // Offsets 0–29 processed on the first day, 30–34 two days later: committed offset 35.
    const early = Array.from({ length: 30 }, (_, i) => memberJoined('union-r', i + 1));
    await send(early);
    now = new Date(now.getTime() + 2 * DAY_MS);
    const late = Array.from({ length: 5 }, (_, i) => memberJoined('union-r', i + 31));
    await send(late);

    expect(await consumer.pruneProcessedEvents()).toBe(27);
    const kept = await suite.db.pool.query<{ offset: string }>(
      'SELECT "offset" FROM messaging_processed_events ORDER BY "offset"',
    );
    // 27–29 are old but within the margin; 30 and 31 are below it but younger than a day.
    expect(kept.rows.map((row) => Number(row.offset))).toEqual([27, 28, 29, 30, 31, 32, 33, 34]);

    // The relay re-sends events already processed: recognised, not applied again.
    await send([early[28]!, late[1]!]);
    expect(await metricValue(metrics, 'taizhang_consumer_duplicates_skipped_total')).toBe(2);
    const effects = await suite.db.pool.query('SELECT count(*)::int AS n FROM test_effects');
    expect(effects.rows[0]).toEqual({ n: 35 });
    // Two offsets further on, 27 and 28 have left the margin; the young ones stay.
    expect(await consumer.pruneProcessedEvents()).toBe(2);
    expect(await consumer.pruneProcessedEvents()).toBe(0);
  });
});

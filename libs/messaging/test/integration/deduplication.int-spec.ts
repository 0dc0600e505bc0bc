import { setTimeout as sleep } from 'node:timers/promises';

import { Registry } from 'prom-client';

import type { EventConsumer } from '../../src';
import { ConsumerMetricNames, toEventMessage } from '../../src';
import {
  INSERT_EFFECT_SQL,
  memberJoined,
  messagingSuite,
  metricValue,
  suiteConsumer,
} from './messaging-test-kit';

describe('EventConsumer with redelivered events', () => {
  let consumer: EventConsumer | undefined;
  const suite = messagingSuite('dedupe', 3, () => consumer?.stop());

  it('applies each event once, in stream order, and its lag falls to zero', async () => {
    const { topic } = suite;
    const unions = ['union-a', 'union-b', 'union-c', 'union-d', 'union-e'];
    const events = unions.flatMap((union) =>
      Array.from({ length: 8 }, (_, i) => memberJoined(union, i + 1)),
    );
    // Every event twice, as an outbox relay that crashed before its checkpoint sends it again.
    await suite.producer.send({ topic, messages: events.map(toEventMessage) });
    await suite.producer.send({ topic, messages: events.map(toEventMessage) });

    const metrics = new Registry();
    consumer = suiteConsumer(
      suite,
      async (event, tx) => {
        await sleep(5);
        await tx.query(INSERT_EFFECT_SQL, [event.eventId, event.orgUnitId, event.streamVersion]);
      },
      { metrics },
    );
    await consumer.start();
    let highestLagSeen = 0;
    const caughtUp = consumer.waitUntilCaughtUp();
    while (!(await Promise.race([caughtUp.then(() => true), sleep(20).then(() => false)]))) {
      const lags = consumer.lag().map(({ lag }) => lag);
      highestLagSeen = Math.max(highestLagSeen, ...lags);
    }

    const effects = await suite.db.pool.query<{
      event_id: string;
      org_unit_id: string;
      stream_version: number;
    }>('SELECT event_id, org_unit_id, stream_version FROM test_effects ORDER BY seq');
    expect(effects.rows.map((row) => row.event_id).sort()).toEqual(
      events.map((event) => event.eventId).sort(),
    );
    for (const union of unions)
      expect(
        effects.rows.filter((row) => row.org_unit_id === union).map((row) => row.stream_version),
      ).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const recorded = await suite.db.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM messaging_processed_events WHERE consumer_group = $1',
      [suite.groupId],
    );
    expect(recorded.rows[0]?.n).toBe(events.length);

    expect(await metricValue(metrics, ConsumerMetricNames.processed)).toBe(events.length);
    expect(await metricValue(metrics, ConsumerMetricNames.duplicates)).toBe(events.length);
    expect(highestLagSeen).toBeGreaterThan(0);
    const lags = consumer.lag();
    expect(lags.length).toBeGreaterThan(0);
    expect(lags.every(({ lag }) => lag === 0)).toBe(true);
    const gauge = await metrics.getSingleMetric(ConsumerMetricNames.lag)!.get();
    expect(gauge.values.length).toBe(lags.length);
    expect(
      gauge.values.every(({ value, labels }) => value === 0 && labels['group'] === suite.groupId),
    ).toBe(true);
  });
});

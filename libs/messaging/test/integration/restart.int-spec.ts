import { setTimeout as sleep } from 'node:timers/promises';

import { Registry } from 'prom-client';

import type { EventHandler } from '../../src';
import { ConsumerMetricNames, EventConsumer, silentLogger, toEventMessage } from '../../src';
import {
  fastConsumerConfig,
  fastRetry,
  INSERT_EFFECT_SQL,
  memberJoined,
  messagingSuite,
  metricValue,
  registry,
} from './messaging-test-kit';

describe('EventConsumer instances of one group across stops and restarts', () => {
  const consumers: EventConsumer[] = [];
  const suite = messagingSuite('restart', 3, () =>
    Promise.all(consumers.map((consumer) => consumer.stop())),
  );

  const waitFor = async (condition: () => boolean): Promise<void> => {
    while (!condition()) await sleep(10);
  };

  const startConsumer = async (
    started: string[],
    metrics = new Registry(),
    holdAfter = Number.POSITIVE_INFINITY,
    released = () => true,
  ) => {
    const handler: EventHandler = async (event, tx) => {
      started.push(event.eventId);
      // On a slow machine the first instance could finish alone before the second has joined.
      // (Not waiting for the second's handler: it may wait on this one's claim of the same event.)
      while (started.length > holdAfter && !released()) await sleep(20);
      await sleep(25);
      await tx.query(INSERT_EFFECT_SQL, [event.eventId, event.orgUnitId, event.streamVersion]);
    };
    const consumer = new EventConsumer({
      kafka: suite.topics.kafka,
      groupId: suite.groupId,
      topics: [suite.topics.names['messaging-restart']!],
      registry,
      pool: suite.db.pool,
      handler,
      logger: silentLogger,
      metrics,
      retry: fastRetry,
      consumerConfig: fastConsumerConfig,
      eventsPerTransaction: 10,
    });
    consumers.push(consumer);
    await consumer.start();

    return consumer;
  };

  it('hands partitions over mid-stream and applies every event exactly once', async () => {
    const { topic } = suite;
    const unions = Array.from({ length: 12 }, (_, i) => `union-${i}`);
    const events = unions.flatMap((union) =>
      Array.from({ length: 25 }, (_, i) => memberJoined(union, i + 1)),
    );
    await suite.producer.send({ topic, messages: events.map(toEventMessage) });

    const startedByFirst: string[] = [];
    const startedBySecond: string[] = [];
    let secondJoined = false;
    const first = await startConsumer(
      startedByFirst,
      new Registry(),
      events.length / 2,
      () => secondJoined,
    );
    await waitFor(() => startedByFirst.length >= 20);
    // A second instance joins: the group rebalances while the first is busy.
    const second = await startConsumer(startedBySecond);
    secondJoined = true;
    await waitFor(() => startedBySecond.length >= 10);
    await first.stop();

    // The first instance stopped mid-stream, and finished every message it had started.
    expect(startedByFirst.length).toBeLessThan(events.length);
    const applied = await suite.db.pool.query<{ event_id: string }>(
      'SELECT event_id FROM test_effects',
    );
    const appliedIds = new Set(applied.rows.map((row) => row.event_id));
    expect(startedByFirst.filter((id) => !appliedIds.has(id))).toEqual([]);

    await second.waitUntilCaughtUp();
    await second.stop();

    // Redeliver everything, as after a crash before any commit: nothing may be applied twice.
    const admin = suite.topics.kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: suite.groupId, topic, earliest: true });
    await admin.disconnect();
    const metrics = new Registry();
    const third = await startConsumer([], metrics);
    await third.waitUntilCaughtUp();

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
      ).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(await metricValue(metrics, ConsumerMetricNames.duplicates)).toBe(events.length);
    expect(await metricValue(metrics, ConsumerMetricNames.processed)).toBe(0);
  });
});

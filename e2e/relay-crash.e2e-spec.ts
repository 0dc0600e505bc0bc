import { randomUUID } from 'node:crypto';

import { Topics } from '@taizhang/contracts';
import { OutboxRelay, PostgresEventStore } from '@taizhang/event-store';
import { createIdempotentProducer } from '@taizhang/messaging';

import { OrganisationEventsConsumer } from '../services/reporting/src/org-summary/organisation-events.consumer';
import { eventually, getJson, postJson } from './support/http';
import type { RunningSlice } from './support/running-slice';
import { startSlice } from './support/running-slice';

/** Counts how often each event id is on the topic, reading it from the beginning. */
const deliveriesOnTopic = async (slice: RunningSlice, topic: string, atLeast: number) => {
  const consumer = slice.topics.kafka.consumer({ groupId: `audit-${randomUUID()}`, maxWaitTimeInMs: 100 });
  const seen = new Map<string, number>();
  let total = 0;
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const id = message.headers?.['event-id']?.toString() ?? '';
      seen.set(id, (seen.get(id) ?? 0) + 1);
      total += 1;
    },
  });
  await eventually(async () => total, (n) => n >= atLeast);
  await consumer.disconnect();

  return seen;
};

describe('relay crash between the broker’s acknowledgement and the checkpoint', () => {
  let slice: RunningSlice;

  beforeAll(async () => {
    slice = await startSlice();
  });
  afterAll(() => slice?.close());

  it('re-sends on restart, every event reaches the topic, and reporting counts each member once', async () => {
    const post = async (path: string, body: unknown) =>
      (await postJson(`${slice.organisationUrl}${path}`, body)).body['id'] as string;
    const city = await post('/org-units', { code: '2101', name: '沈阳市总工会', kind: 'municipal' });
    const district = await post('/org-units', { code: '210102', name: '和平区总工会', kind: 'district', parentId: city });
    const union = await post('/unions', { name: '机床厂工会', parentId: district, establishedOn: '2000-01-01' });
    await slice.organisation.get(OutboxRelay).stop();

    for (let i = 0; i < 10; i += 1)
      await post(`/unions/${union}/members`, { name: `会员${i}`, gender: i % 2 ? 'male' : 'female', joinedOn: '2020-01-01' });

    const topic = slice.topics.names[Topics.organisation]!;
    const store = slice.organisation.get(PostgresEventStore);
    let crashed = false;
    const crashing = new OutboxRelay({
      store,
      topic,
      producer: createIdempotentProducer(slice.topics.kafka),
      afterPublish: async () => {
        crashed = true;
        throw new Error('crashed after the broker acknowledged, before the checkpoint');
      },
    });
    await crashing.start();
    await eventually(async () => crashed, Boolean);
    await crashing.stop();

    const restarted = new OutboxRelay({ store, topic, producer: createIdempotentProducer(slice.topics.kafka) });
    await restarted.start();
    await restarted.drain();
    await restarted.stop();

    const stored = await slice.organisationDb.pool.query<{ event_id: string }>('SELECT event_id FROM events');
    const deliveries = await deliveriesOnTopic(slice, topic, stored.rowCount! + 10);
    expect(stored.rows.every((row) => (deliveries.get(row.event_id) ?? 0) >= 1)).toBe(true);
    expect([...deliveries.values()].some((count) => count > 1)).toBe(true);

    await slice.reporting.get(OrganisationEventsConsumer).consumer.waitUntilCaughtUp();
    const summary = await getJson(`${slice.reportingUrl}/reports/org-units/${city}/summary`);
    expect(summary.body).toEqual({ orgUnitId: city, unions: 1, members: 10, femaleMembers: 5 });
  });
});

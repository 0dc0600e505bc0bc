import { randomUUID } from 'node:crypto';

import type { OrganisationEvent } from '@taizhang/contracts';
import { organisationRegistry, Topics } from '@taizhang/contracts';
import { eventStoreMigrations, OutboxRelay, PostgresEventStore } from '@taizhang/event-store';
import { createIdempotentProducer, EventConsumer } from '@taizhang/messaging';
import type { TestDatabase, TestTopics } from '@taizhang/testing';
import {
  createTestDatabase,
  createTestEventKeys,
  createTestTopics,
  eventually,
} from '@taizhang/testing';

import { orgUnitSummary } from '../../../src/org-summary/org-unit-summary.query';
import { projectOrganisationEvent } from '../../../src/organisation-event.projection';
import { reportingMigrations } from '../../../src/reporting.migrations';

/** How often each event id is on the topic, reading it from the beginning until `atLeast` arrived. */
const deliveriesOnTopic = async (topics: TestTopics, topic: string, atLeast: number) => {
  const consumer = topics.kafka.consumer({
    groupId: `audit-${randomUUID()}`,
    maxWaitTimeInMs: 100,
  });
  const seen = new Map<string, number>();
  let total = 0;
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => {
      const id = message.headers?.['event-id']?.toString() ?? '';
      seen.set(id, (seen.get(id) ?? 0) + 1);
      total += 1;

      return Promise.resolve();
    },
  });
  await eventually(
    () => Promise.resolve(total),
    (n) => n >= atLeast,
  );
  await consumer.disconnect();

  return seen;
};

describe('relay crash between the broker’s acknowledgement and the checkpoint', () => {
  let organisationDb: TestDatabase;
  let reportingDb: TestDatabase;
  let topics: TestTopics;

  beforeAll(async () => {
    [organisationDb, reportingDb, topics] = await Promise.all([
      createTestDatabase(eventStoreMigrations),
      createTestDatabase(reportingMigrations),
      createTestTopics([Topics.organisation], { partitions: 12 }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([organisationDb?.drop(), reportingDb?.drop(), topics?.delete()]);
  });

  it('re-sends on restart: every event reaches the topic, and reporting counts each member once', async () => {
    const topic = topics.names[Topics.organisation]!;
    const keys = createTestEventKeys('organisation');
    const store = new PostgresEventStore({
      service: 'organisation',
      pool: organisationDb.pool,
      registry: organisationRegistry,
    });
    const record = (
      streamId: string,
      orgUnit: { id: string; path: string },
      event: OrganisationEvent,
    ) =>
      store.appendToStream(streamId, [event], {
        streamType: streamId.split(':')[0]!,
        orgUnit,
        metadata: { now: new Date(), actorId: 'test', actorRole: 'system', correlationId: 'c' },
      });
    const cityId = randomUUID();
    const unionId = randomUUID();
    const city = { id: cityId, path: cityId };
    const union = { id: unionId, path: `${cityId}/${unionId}` };
    await record(`org-unit:${city.id}`, city, {
      type: 'OrgUnitCreated',
      data: {
        orgUnitId: city.id,
        code: '2101',
        name: '沈阳市总工会',
        kind: 'municipal',
        parentId: null,
        orgPath: city.path,
      },
    });
    await record(`union:${union.id}`, union, {
      type: 'UnionRegistered',
      data: {
        unionId: union.id,
        name: '机床厂工会',
        parentId: city.id,
        establishedOn: '2000-01-01',
        orgPath: union.path,
      },
    });
    for (let i = 0; i < 10; i += 1) {
      const memberId = randomUUID();
      await record(`member:${memberId}`, union, {
        type: 'MemberJoined',
        data: {
          memberId,
          unionId: union.id,
          name: `会员${i}`,
          gender: i % 2 ? 'male' : 'female',
          joinedOn: '2020-01-01',
          idCardNumber: null,
          phone: null,
          birthDate: null,
          employerId: null,
          employmentForm: 'regular',
          migrantWorker: false,
          channel: 'individual',
        },
      });
    }

    // How often the crashing relay had each event acknowledged. Its first batch holds only what
    // lies below the oldest open transaction of the whole server (other suites run beside this
    // one), and it retries after a crash: count, rather than assume one batch of everything.
    const published = new Map<string, number>();
    const crashing = new OutboxRelay({
      store,
      topic,
      signingKey: keys.privateKey,
      producer: createIdempotentProducer(topics.kafka),
      afterPublish: (events) => {
        for (const { eventId } of events) published.set(eventId, (published.get(eventId) ?? 0) + 1);
        throw new Error('crashed after the broker acknowledged, before the checkpoint');
      },
    });
    await crashing.start();
    await eventually(
      () => Promise.resolve(published.size),
      (n) => n > 0,
    );
    await crashing.stop();
    const restarted = new OutboxRelay({
      store,
      topic,
      signingKey: keys.privateKey,
      producer: createIdempotentProducer(topics.kafka),
    });
    await restarted.start();
    try {
      await restarted.drain();
    } finally {
      await restarted.stop();
    }

    // The restarted relay starts from the checkpoint the crashing one never saved: everything once more.
    const resent = [...published.values()].reduce((sum, times) => sum + times, 0);
    const deliveries = await deliveriesOnTopic(topics, topic, resent + 12);
    const stored = await organisationDb.pool.query<{ event_id: string }>(
      'SELECT event_id FROM events',
    );
    expect(stored.rows).toHaveLength(12);
    expect(
      Object.fromEntries(stored.rows.map(({ event_id }) => [event_id, deliveries.get(event_id)])),
    ).toEqual(
      Object.fromEntries(
        stored.rows.map(({ event_id }) => [event_id, (published.get(event_id) ?? 0) + 1]),
      ),
    );

    const consumer = new EventConsumer({
      kafka: topics.kafka,
      groupId: `reporting-${randomUUID()}`,
      topics: [topic],
      registry: organisationRegistry,
      pool: reportingDb.pool,
      signatures: { [topic]: keys.publicKeySource },
      handler: (event, tx) => projectOrganisationEvent(event, tx, { batchMemberSteps: true }),
    });
    await consumer.start();
    try {
      await consumer.waitUntilCaughtUp();
    } finally {
      await consumer.stop();
    }
    expect(await orgUnitSummary(reportingDb.pool, city.id)).toMatchObject({
      orgUnitId: city.id,
      unions: 1,
      members: 10,
      femaleMembers: 5,
    });
  });
});

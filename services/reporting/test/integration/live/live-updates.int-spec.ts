import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Producer } from 'kafkajs';

import type { EventEnvelope } from '@taizhang/contracts';
import { Topics } from '@taizhang/contracts';
import { createIdempotentProducer } from '@taizhang/messaging';
import type { OwnRedis, RunningServices, ServiceProcess, TestCaller } from '@taizhang/testing';
import {
  eventually,
  memberJoinedData,
  startOwnRedis,
  startServiceProcess,
  startServices,
  testInfrastructure,
} from '@taizhang/testing';

import type { LiveClient } from '../../live-client';
import { openLive } from '../../live-client';
import { organisationEnvelope, orgUnitCreated } from '../../organisation-envelope';

const union = (id: string, parentId: string, orgPath: string) =>
  organisationEnvelope('UnionRegistered', orgPath, {
    unionId: id,
    name: `${id}工会`,
    parentId,
    establishedOn: '2000-01-01',
    orgPath,
  });
let joins = 0;
const joined = (unionId: string, orgPath: string): EventEnvelope => {
  joins += 1;
  const memberId = `lm-${joins}`;

  return organisationEnvelope('MemberJoined', orgPath, memberJoinedData({ memberId, unionId }), {
    streamId: `member-${memberId}`,
    streamType: 'member',
    occurredAt: '2026-03-0' + String((joins % 9) + 1) + 'T08:00:00.000Z',
  });
};

const D1_OFFICER: TestCaller = { role: 'federation_officer', orgPath: 'lc/ld1' };
const D2_OFFICER: TestCaller = { role: 'federation_officer', orgPath: 'lc/ld2' };

const changesOf = (client: LiveClient): Array<{ id?: string; orgUnitIds: string[] }> =>
  client.events
    .filter((event) => event.event === 'change')
    .map((event) => ({ id: event.id, ...(JSON.parse(event.data) as { orgUnitIds: string[] }) }));

describe('live updates (GET /reports/live) over Kafka, PostgreSQL and Redis', () => {
  let running: RunningServices;
  let second: ServiceProcess;
  let secondDataDir: string;
  let producer: Producer;
  const clients: LiveClient[] = [];

  const send = async (...events: EventEnvelope[]) => {
    const organisation = running.eventKeys['organisation']!;
    await producer.send({
      topic: running.topics.names[Topics.organisation]!,
      messages: events.map((event) => organisation.message(event)),
    });
  };
  const live = async (
    url: string,
    caller: TestCaller,
    unit: string,
    extra: { headers?: Record<string, string>; query?: string } = {},
  ) => {
    const client = await openLive(
      `${url}/reports/live?unit=${encodeURIComponent(unit)}${extra.query ?? ''}`,
      { ...(await running.auth.headers(caller)), ...extra.headers },
    );
    clients.push(client);

    return client;
  };
  const members = async (unit: string) =>
    (
      await running
        .as({ role: 'auditor', orgPath: 'lc' })
        .get(`${running.urls['reporting']!}/reports/org-units/${unit}/summary`)
    ).body['members'];

  beforeAll(async () => {
    running = await startServices(['reporting'], [Topics.organisation]);
    // A second instance of reporting: same database, same consumer group, same Redis.
    const infrastructure = testInfrastructure();
    const topic = running.topics.names[Topics.organisation]!;
    secondDataDir = mkdtempSync(path.join(tmpdir(), 'taizhang-reporting-'));
    second = await startServiceProcess('reporting', {
      TAIZHANG_DATA_DIR: secondDataDir,
      ...running.eventKeys['organisation']!.verifyingEnv,
      ...running.eventKeys['rights']!.verifyingEnv,
      ...running.eventKeys['reporting']!.signingEnv,
      DATABASE_URL: running.databases['reporting']!.url,
      KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
      REDIS_URL: infrastructure.redisUrl,
      KAFKA_TOPIC_SUFFIX: topic.slice(Topics.organisation.length),
      AUTH_PUBLIC_KEY: running.auth.publicKeyPem,
    });
    producer = createIdempotentProducer(running.topics.kafka);
    await producer.connect();
    await send(
      orgUnitCreated('lc', 'municipal', null, 'lc'),
      orgUnitCreated('ld1', 'district', 'lc', 'lc/ld1'),
      orgUnitCreated('ld2', 'district', 'lc', 'lc/ld2'),
      union('lu1', 'ld1', 'lc/ld1/lu1'),
      union('lu2', 'ld2', 'lc/ld2/lu2'),
    );
    expect(
      await eventually(
        async () =>
          (
            await running
              .as({ role: 'auditor', orgPath: 'lc' })
              .get(`${running.urls['reporting']!}/reports/org-units/lc/summary`)
          ).body['unions'],
        (unions) => unions === 2,
        30_000,
      ),
    ).toBe(2);
  }, 180_000);
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await producer?.disconnect();
    await second?.stop();
    await running?.close();
    if (secondDataDir) rmSync(secondDataDir, { recursive: true, force: true });
  });

  it('tells subscribers on every instance, within seconds, and a neighbour district nothing', async () => {
    const onFirst = await live(running.urls['reporting']!, D1_OFFICER, 'ld1');
    const onSecond = await live(second.url, D1_OFFICER, 'ld1');
    const neighbour = await live(running.urls['reporting']!, D2_OFFICER, 'ld2');
    expect([onFirst.status, onSecond.status, neighbour.status]).toEqual([200, 200, 200]);

    const sentAt = Date.now();
    await send(joined('lu1', 'lc/ld1/lu1'));
    const [first, other] = await Promise.all([
      onFirst.waitFor((event) => event.event === 'change', 10_000),
      onSecond.waitFor((event) => event.event === 'change', 10_000),
    ]);
    const delayMs = Date.now() - sentAt;

    for (const event of [first, other])
      expect(JSON.parse(event.data)).toEqual({
        orgUnitIds: ['ld1', 'lu1'],
        businessDays: [expect.stringMatching(/^2026-03-0\d$/)],
      });
    // One entry of the stream, the same id on both instances.
    expect(first.id).toMatch(/^\d+-\d+$/);
    expect(other.id).toBe(first.id);
    // The figures the browser then fetches already count the join (published after the commit).
    expect(await members('ld1')).toBe(1);
    expect(delayMs).toBeLessThan(10_000);

    // The neighbour's next change comes after the first one's entry: had it been told of ld1,
    // that would have come first.
    await send(joined('lu2', 'lc/ld2/lu2'));
    await neighbour.waitFor((event) => event.event === 'change', 10_000);
    expect(changesOf(neighbour).map((change) => change.orgUnitIds)).toEqual([['ld2', 'lu2']]);
    expect(changesOf(onFirst).map((change) => change.orgUnitIds)).toEqual([['ld1', 'lu1']]);
  });

  it('resumes after Last-Event-ID (header or query) with what the client missed', async () => {
    const before = await live(running.urls['reporting']!, D1_OFFICER, 'ld1');
    await send(joined('lu1', 'lc/ld1/lu1'));
    const seen = await before.waitFor((event) => event.event === 'change', 10_000);
    before.close();

    // Missed while away: two joins in ld1 (separate runs), one in ld2.
    const expected = Number(await members('ld1')) + 2;
    await send(joined('lu1', 'lc/ld1/lu1'));
    await send(joined('lu2', 'lc/ld2/lu2'));
    await send(joined('lu1', 'lc/ld1/lu1'));
    await eventually(() => members('ld1'), (count) => count === expected, 20_000);

    const resumedByHeader = await live(second.url, D1_OFFICER, 'ld1', {
      headers: { 'last-event-id': seen.id! },
    });
    const resumedByQuery = await live(running.urls['reporting']!, D1_OFFICER, 'ld1', {
      query: `&lastEventId=${seen.id!}`,
    });
    for (const resumed of [resumedByHeader, resumedByQuery]) {
      await eventually(
        () => Promise.resolve(changesOf(resumed)),
        (changes) => changes.flatMap((change) => change.orgUnitIds).filter((id) => id === 'lu1').length >= 2,
        10_000,
      );
      const changes = changesOf(resumed);
      expect(changes.every((change) => change.id! > seen.id!)).toBe(true);
      expect(changes.flatMap((change) => change.orgUnitIds)).not.toContain('lu2');
      expect(resumed.events.some((event) => event.event === 'resync')).toBe(false);
    }
  });

  it('answers 404 for a unit outside the caller’s scope, as for an unknown one; 400 for a bad id', async () => {
    const outside = await live(running.urls['reporting']!, D2_OFFICER, 'ld1');
    const unknown = await live(running.urls['reporting']!, D2_OFFICER, 'nowhere');
    expect([outside.status, unknown.status]).toEqual([404, 404]);
    const problem = (client: LiveClient) => {
      const { code, title } = JSON.parse(client.events[0]!.data) as Record<string, unknown>;

      return { code, title };
    };
    expect(problem(outside).code).toBe('NOT_FOUND');
    // Nothing tells an existing neighbour from a unit that does not exist.
    expect(problem(unknown)).toEqual(problem(outside));

    const badHeader = await live(running.urls['reporting']!, D1_OFFICER, 'ld1', {
      headers: { 'last-event-id': 'not-an-id' },
    });
    const badQuery = await live(running.urls['reporting']!, D1_OFFICER, 'ld1', {
      query: '&lastEventId=1-0%0Aevent:%20forged',
    });
    expect([badHeader.status, badQuery.status]).toEqual([400, 400]);
    const anonymous = await openLive(`${running.urls['reporting']!}/reports/live?unit=ld1`, {});
    expect(anonymous.status).toBe(401);
  });

  it('ends the stream when the caller’s token expires, so that the client reconnects with a fresh one', async () => {
    const token = await running.auth.token(D1_OFFICER, { ttlSeconds: 3 });
    const client = await openLive(`${running.urls['reporting']!}/reports/live?unit=ld1`, {
      authorization: `Bearer ${token}`,
    });
    clients.push(client);
    expect(client.status).toBe(200);
    const ended = await Promise.race([
      client.ended.then(() => 'ended'),
      new Promise((resolve) => setTimeout(() => resolve('still open'), 10_000)),
    ]);
    expect(ended).toBe('ended');
  });
});

describe('live updates while Redis is away', () => {
  let redis: OwnRedis;
  let running: RunningServices;
  let producer: Producer;
  const clients: LiveClient[] = [];
  const reporting = () => running.urls['reporting']!;
  const send = async (...events: EventEnvelope[]) => {
    const organisation = running.eventKeys['organisation']!;
    await producer.send({
      topic: running.topics.names[Topics.organisation]!,
      messages: events.map((event) => organisation.message(event)),
    });
  };
  const members = async () =>
    (
      await running
        .as({ role: 'auditor', orgPath: 'rc' })
        .get(`${reporting()}/reports/org-units/rd/summary`)
    ).body['members'];
  const live = async () => {
    const client = await openLive(
      `${reporting()}/reports/live?unit=rd`,
      await running.auth.headers({ role: 'federation_officer', orgPath: 'rc/rd' }),
    );
    clients.push(client);

    return client;
  };

  beforeAll(async () => {
    redis = await startOwnRedis();
    running = await startServices(['reporting'], [Topics.organisation], { REDIS_URL: redis.url });
    producer = createIdempotentProducer(running.topics.kafka);
    await producer.connect();
    await send(
      orgUnitCreated('rc', 'municipal', null, 'rc'),
      orgUnitCreated('rd', 'district', 'rc', 'rc/rd'),
      union('ru', 'rd', 'rc/rd/ru'),
    );
  }, 180_000);
  afterAll(async () => {
    for (const client of clients) client.close();
    await producer?.disconnect();
    await running?.close();
    await redis?.stop();
  });

  it('projects every event without Redis, answers 503 meanwhile, and goes live again when it is back', async () => {
    expect(await eventually(members, (count) => count === 0, 30_000)).toBe(0);
    const before = await live();
    expect(before.status).toBe(200);

    await redis.stop();
    await send(joined('ru', 'rc/rd/ru'), joined('ru', 'rc/rd/ru'));
    // Nothing of the projections is lost, and the process stays up.
    expect(await eventually(members, (count) => count === 2, 30_000)).toBe(2);
    expect((await fetch(`${reporting()}/health`)).status).toBe(200);
    const meanwhile = await live();
    expect(meanwhile.status).toBe(503);
    expect(JSON.parse(meanwhile.events[0]!.data)).toMatchObject({ code: 'LIVE_UNAVAILABLE' });

    await redis.start();
    const after = await eventually(live, (client) => client.status === 200, 30_000);
    expect(after.status).toBe(200);
    // The reader and the writer reconnect by themselves (backing off up to 10 s).
    const change = await eventually(
      async () => {
        await send(joined('ru', 'rc/rd/ru'));

        return after
          .waitFor((event) => event.event === 'change', 3_000)
          .then(() => true, () => false);
      },
      Boolean,
      40_000,
    );
    expect(change).toBe(true);
    expect(JSON.parse(after.events.find((event) => event.event === 'change')!.data)).toMatchObject({
      orgUnitIds: ['rd', 'ru'],
    });
  }, 120_000);
});

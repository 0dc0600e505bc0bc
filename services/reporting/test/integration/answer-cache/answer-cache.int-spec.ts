import type { Producer } from 'kafkajs';

import type { EventEnvelope } from '@taizhang/contracts';
import { Topics } from '@taizhang/contracts';
import { createIdempotentProducer } from '@taizhang/messaging';
import type { RunningServices } from '@taizhang/testing';
import { eventually, startServices } from '@taizhang/testing';

import { organisationEnvelope } from '../../organisation-envelope';
import { knownHistory } from '../known-at/known-history';

/** A counter or gauge of reporting's /metrics, for one route (summed over labels otherwise). */
const metric = async (url: string, name: string, route?: string): Promise<number> => {
  const text = await (await fetch(`${url}/metrics`)).text();

  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .filter((line) => route === undefined || line.includes(`route="${route}"`))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
};

// A member joining union a (street s1) on `joinedOn`, recorded at `recordedAt`.
const joining = (memberId: string, joinedOn: string, recordedAt: string): EventEnvelope =>
  organisationEnvelope(
    'MemberJoined',
    'm/d1/s1/a',
    {
      memberId,
      unionId: 'a',
      name: '李明',
      joinedOn,
      gender: 'male',
      employmentForm: 'regular',
      migrantWorker: false,
    },
    { streamId: `member-${memberId}`, recordedAt },
  );

describe('Reporting’s answers cached in Redis, invalidated by its projections', () => {
  let running: RunningServices;
  let producer: Producer;
  let url: string;
  const get = (path: string, orgPath = 'm') =>
    running.as({ role: 'federation_officer', orgPath }).get(`${url}/reports/org-units/${path}`);
  const send = async (...events: EventEnvelope[]) =>
    producer.send({
      topic: running.topics.names[Topics.organisation]!,
      messages: events.map((event) => running.eventKeys['organisation']!.message(event)),
    });

  beforeAll(async () => {
    running = await startServices(['reporting'], [Topics.organisation]);
    url = running.urls['reporting']!;
    producer = createIdempotentProducer(running.topics.kafka);
    await producer.connect();
    await send(...knownHistory());
    await eventually(
      () => get('s1/summary?asOf=2025-12-31'),
      (answer) => answer.body['members'] === 3 && answer.body['workforce'] === 150,
      30_000,
    );
    // Every event of the history applied: no run commits (and retires answers) during a test.
    let runs = -1;
    await eventually(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const before = runs;
        runs = await metric(url, 'taizhang_reporting_cache_invalidations_total');

        return runs === before;
      },
      Boolean,
      30_000,
    );
  }, 180_000);
  afterAll(async () => {
    await producer?.disconnect();
    await running?.close();
  });

  it('answers a miss from PostgreSQL, then the same answer from the cache', async () => {
    for (const [route, path] of [
      ['summary', 'd1/summary?asOf=2025-11-30'],
      ['children', 'd1/children?asOf=2025-11-30'],
      ['series', 'd1/series?from=2025-01&to=2025-12'],
      ['lateness', 'd1/lateness?from=2025-01&to=2025-12'],
      ['by-union-type', 'd1/by-union-type?asOf=2025-11-30'],
      ['by-branch', 'a/by-branch?asOf=2025-11-30'],
    ] as const) {
      const [hits, misses] = [
        await metric(url, 'taizhang_reporting_cache_hits_total', route),
        await metric(url, 'taizhang_reporting_cache_misses_total', route),
      ];
      const first = await get(path);
      expect(first.status).toBe(200);
      expect(await metric(url, 'taizhang_reporting_cache_misses_total', route)).toBe(misses + 1);
      const second = await get(path);
      expect(second.status).toBe(200);
      expect(second.body).toEqual(first.body);
      expect(await metric(url, 'taizhang_reporting_cache_hits_total', route)).toBe(hits + 1);
      expect(await metric(url, 'taizhang_reporting_cache_misses_total', route)).toBe(misses + 1);
    }
    const ratio = await metric(url, 'taizhang_reporting_cache_hit_ratio', 'all');
    expect(ratio).toBeGreaterThan(0);
    expect(ratio).toBeLessThan(1);
  });

  it('keys by every part of the question: another date, instant or range is its own answer', async () => {
    const [now, before, known] = [
      await get('s1/summary'),
      await get('s1/summary?asOf=2025-11-30'),
      await get('s1/summary?asOf=2025-12-31&knownAt=2026-01-15T00:00:00Z'),
    ];
    expect([now.body['members'], before.body['members'], known.body['members']]).toEqual([3, 1, 2]);
    // Cached, each stays itself.
    expect((await get('s1/summary?asOf=2025-11-30')).body).toEqual(before.body);
    expect((await get('s1/summary?asOf=2025-12-31&knownAt=2026-01-15T00:00:00Z')).body).toEqual(
      known.body,
    );
  });

  it('never serves a cached answer to a caller outside the unit: the scope check comes first', async () => {
    expect((await get('d1/summary?asOf=2025-11-30')).status).toBe(200);
    expect((await get('d1/summary?asOf=2025-11-30', 'm/d2')).status).toBe(404);
    expect((await get('d1/children?asOf=2025-11-30', 'm/d2')).status).toBe(404);
    expect((await get('d1/series?from=2025-01&to=2025-12', 'm/d2')).status).toBe(404);
  });

  it('answers fresh after an event: the projections retire every cached answer', async () => {
    const cached = await get('s1/summary');
    expect((await get('s1/summary')).body).toEqual(cached.body);
    const children = await get('s1/children');
    const invalidations = await metric(url, 'taizhang_reporting_cache_invalidations_total');

    await send(joining('p10', '2026-02-01', '2026-02-02T02:00:00.000Z'));

    const fresh = await eventually(
      () => get('s1/summary'),
      (answer) => answer.body['members'] === Number(cached.body['members']) + 1,
      20_000,
    );
    expect(fresh.body['members']).toBe(Number(cached.body['members']) + 1);
    expect(await metric(url, 'taizhang_reporting_cache_invalidations_total')).toBeGreaterThan(
      invalidations,
    );
    const childA = (body: Record<string, unknown>) =>
      (body['children'] as { orgUnitId: string; members: number }[]).find(
        (child) => child.orgUnitId === 'a',
      )!.members;
    expect(childA((await get('s1/children')).body)).toBe(childA(children.body) + 1);
  });

  it('retires an answer as known at a past instant too: an entry recorded before it can arrive late', async () => {
    const path = 's1/summary?asOf=2026-03-31&knownAt=2026-03-01T00:00:00Z';
    const before = await get(path);
    expect((await get(path)).body).toEqual(before.body);

    // Recorded on 2026-02-20, before the instant, but reaching reporting only now.
    await send(joining('p11', '2026-02-15', '2026-02-20T02:00:00.000Z'));

    const after = await eventually(
      () => get(path),
      (answer) => answer.body['members'] === Number(before.body['members']) + 1,
      20_000,
    );
    expect(after.body['members']).toBe(Number(before.body['members']) + 1);
  });
});

describe('Reporting with its Redis away', () => {
  let running: RunningServices;
  let producer: Producer;

  beforeAll(async () => {
    // Nothing listens on port 1: every Redis command fails at once.
    running = await startServices(['reporting'], [Topics.organisation], {
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    producer = createIdempotentProducer(running.topics.kafka);
    await producer.connect();
    await producer.send({
      topic: running.topics.names[Topics.organisation]!,
      messages: knownHistory().map((event) => running.eventKeys['organisation']!.message(event)),
    });
  }, 180_000);
  afterAll(async () => {
    await producer?.disconnect();
    await running?.close();
  });

  it('still answers from PostgreSQL, fresh after every event, and counts Redis as unavailable', async () => {
    const url = running.urls['reporting']!;
    const get = (path: string) =>
      running
        .as({ role: 'federation_officer', orgPath: 'm' })
        .get(`${url}/reports/org-units/${path}`);
    const answer = await eventually(
      () => get('s1/summary?asOf=2025-12-31'),
      (found) => found.body['members'] === 3 && found.body['workforce'] === 150,
      30_000,
    );
    expect(answer.status).toBe(200);
    expect((await get('s1/children?asOf=2025-12-31')).status).toBe(200);
    expect((await get('s1/series?from=2025-11&to=2025-12')).status).toBe(200);
    expect(await metric(url, 'taizhang_reporting_cache_unavailable_total')).toBeGreaterThan(0);
    expect(await metric(url, 'taizhang_reporting_cache_hits_total')).toBe(0);
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
  });
});

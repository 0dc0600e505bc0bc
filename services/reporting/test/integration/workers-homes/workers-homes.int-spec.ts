import type { Producer } from 'kafkajs';

import { Topics } from '@taizhang/contracts';
import { createIdempotentProducer } from '@taizhang/messaging';
import type { RunningServices } from '@taizhang/testing';
import { eventually, startServices, unionEstablishedData } from '@taizhang/testing';

import type { WorkersHomeYear } from '../../../src/workers-homes/workers-home-ratings.query';
import {
  federationUnitMoved,
  organisationEnvelope,
  orgUnitCreated,
} from '../../organisation-envelope';

const union = (id: string, streetPath: string) =>
  organisationEnvelope(
    'UnionEstablished',
    `${streetPath}/${id}`,
    unionEstablishedData({
      unionId: id,
      parentId: streetPath.split('/').pop()!,
      orgPath: `${streetPath}/${id}`,
      establishedOn: '2020-05-01',
      employerIds: [`e-${id}`],
      committee: [{ name: '张伟', post: 'organiser' }],
      termYears: 3,
      termEndsOn: '2023-04-30',
    }),
    { streamId: `union-${id}` },
  );
let ratings = 0;
const rated = (
  unionPath: string,
  year: number,
  title: string,
  awardedOn: string,
  more: Record<string, unknown> = {},
) => {
  ratings += 1;

  return organisationEnvelope(
    'WorkersHomeRated',
    unionPath,
    {
      unionId: unionPath.split('/').pop(),
      year,
      title,
      awardedByOrgUnitId: 'c',
      awardedOn,
      ...more,
    },
    { streamId: `workers-home-${unionPath}`, streamVersion: ratings },
  );
};

const u1 = 'c/d1/s1/u1';
const u2 = 'c/d1/s2/u2';
const u2Later = 'c/d2/s2/u2';
const u3 = 'c/d2/s3/u3';
const smallHome = rated(u2, 2025, 'workers_small_home', '2025-11-20', { branchId: 'b7' });
const EVENTS = [
  orgUnitCreated('c', 'municipal', null, 'c'),
  orgUnitCreated('d1', 'district', 'c', 'c/d1'),
  orgUnitCreated('d2', 'district', 'c', 'c/d2'),
  orgUnitCreated('s1', 'street', 'd1', 'c/d1/s1'),
  orgUnitCreated('s2', 'street', 'd1', 'c/d1/s2'),
  orgUnitCreated('s3', 'street', 'd2', 'c/d2/s3'),
  union('u1', 'c/d1/s1'),
  union('u2', 'c/d1/s2'),
  union('u3', 'c/d2/s3'),
  rated(u1, 2024, 'model_workers_home', '2025-04-28'),
  rated(u1, 2025, 'workers_home', '2025-12-10'),
  rated(u2, 2025, 'model_workers_home', '2025-12-10'),
  // 职工小家 of a branch reporting does not know: counted under its union.
  smallHome,
  rated(u3, 2025, 'model_workers_home', '2025-12-10'),
  // Awarded in 2026 for 2025: not yet conferred on 2025-12-31.
  rated(u1, 2025, 'model_workers_home', '2026-02-01'),
  // Street s2 (with u2) moves to the other district from 2026.
  federationUnitMoved('c/d1/s2', 'c/d2/s2', '2026-01-01'),
];

const yearsOf = (answer: { body: Record<string, unknown> }) =>
  (answer.body['years'] ?? []) as WorkersHomeYear[];

describe('Workers’ Home ratings by title and year (reporting, integration)', () => {
  let running: RunningServices;
  let producer: Producer;
  const read = (unit: string, query = '', orgPath = 'c') =>
    running
      .as({ role: 'federation_officer', orgPath })
      .get(`${running.urls['reporting']!}/reports/org-units/${unit}/workers-homes?${query}`);
  const send = (events: typeof EVENTS) =>
    producer.send({
      topic: running.topics.names[Topics.organisation]!,
      messages: events.map((event) => running.eventKeys['organisation']!.message(event)),
    });

  beforeAll(async () => {
    running = await startServices(['reporting'], [Topics.organisation]);
    producer = createIdempotentProducer(running.topics.kafka);
    await producer.connect();
    await send(EVENTS);
    // Everything projected (partitions in any order), the move included.
    await eventually(
      async () => [await read('c', 'asOf=2026-03-01'), await read('d2', 'asOf=2026-03-01')],
      ([city, d2]) =>
        JSON.stringify(city!.body['years']) ===
          JSON.stringify([
            { year: 2025, workersHomes: 1, modelWorkersHomes: 3, workersSmallHomes: 1 },
            { year: 2024, workersHomes: 0, modelWorkersHomes: 1, workersSmallHomes: 0 },
          ]) && yearsOf(d2!)[0]?.modelWorkersHomes === 2,
      30_000,
    );
  });
  afterAll(async () => {
    await producer?.disconnect();
    await running?.close();
  });

  it('counts a subtree’s ratings by year and title, as conferred by the date, under the parents of then', async () => {
    const atYearEnd = await read('d1', 'asOf=2025-12-31');
    expect(atYearEnd.status).toBe(200);
    expect(atYearEnd.body).toEqual({
      orgUnitId: 'd1',
      asOf: '2025-12-31',
      years: [
        { year: 2025, workersHomes: 1, modelWorkersHomes: 1, workersSmallHomes: 1 },
        { year: 2024, workersHomes: 0, modelWorkersHomes: 1, workersSmallHomes: 0 },
      ],
    });
    // After the move, u2's titles count under d2; u1's late 2025 title is conferred.
    expect((await read('d1', 'asOf=2026-03-01')).body['years']).toEqual([
      { year: 2025, workersHomes: 1, modelWorkersHomes: 1, workersSmallHomes: 0 },
      { year: 2024, workersHomes: 0, modelWorkersHomes: 1, workersSmallHomes: 0 },
    ]);
    expect((await read('d2', 'asOf=2026-03-01&year=2025')).body['years']).toEqual([
      { year: 2025, workersHomes: 0, modelWorkersHomes: 2, workersSmallHomes: 1 },
    ]);
    expect((await read('c', 'asOf=2026-03-01&year=2025')).body['years']).toEqual([
      { year: 2025, workersHomes: 1, modelWorkersHomes: 3, workersSmallHomes: 1 },
    ]);
    expect((await read('u1', 'year=2023')).body['years']).toEqual([
      { year: 2023, workersHomes: 0, modelWorkersHomes: 0, workersSmallHomes: 0 },
    ]);
  });

  it('counts a redelivered rating once', async () => {
    const before = (await read('c', 'asOf=2026-03-01&year=2025')).body;
    // On the redelivered event's partition (keyed by u2): once it is seen, so was the redelivery.
    const marker = rated(u2Later, 2024, 'workers_home', '2025-01-10');
    await send([smallHome, marker]);
    await eventually(
      () => read('c', 'year=2024'),
      (answer) => yearsOf(answer)[0]?.workersHomes === 1,
      30_000,
    );
    expect((await read('c', 'asOf=2026-03-01&year=2025')).body).toEqual(before);
  });

  it('answers 404 outside the caller’s subtree and 400 for a bad year', async () => {
    expect((await read('d1', '', 'c/d2')).status).toBe(404);
    expect((await read('nowhere')).status).toBe(404);
    expect((await read('d1', 'year=twenty')).status).toBe(400);
    expect((await read('d1', 'asOf=2025-13-01')).status).toBe(400);
  });
});

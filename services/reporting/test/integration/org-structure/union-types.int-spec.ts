import type { EventEnvelope } from '@taizhang/contracts';
import { unionEstablishedData } from '@taizhang/testing';

import { figuresByKeyAsOf, UNION_TYPE_FIGURES } from '../../../src/as-of';
import { orgUnitSummary } from '../../../src/org-summary/org-unit-summary.query';
import {
  federationUnitMoved,
  organisationEnvelope,
  orgUnitCreated,
  projectAll,
} from '../../organisation-envelope';
import { reportingDatabaseForSuite } from '../../reporting-database';

const event = (type: string, key: string, streamId: string, version: number, data: object) =>
  organisationEnvelope(type, key, data, { orgUnitId: key, streamId, streamVersion: version });
const unit = (id: string, kind: string, parentId: string | null) =>
  orgUnitCreated(id, kind, parentId, id, { streamId: `org-unit-${id}` });
const member = (id: string, key: string, version: number, type: string, data: object) =>
  event(type, key, `member-${id}`, version, { memberId: id, ...data });
const profile = { gender: 'male', employmentForm: 'regular', migrantWorker: false };
const joined = (id: string, union: string, joinedOn: string) =>
  member(id, union, 1, 'MemberJoined', { unionId: union, name: '李雷', joinedOn, ...profile });
const registered = (u: string, street: string, unionType?: string) =>
  event('UnionRegistered', u, `union-${u}`, 1, {
    unionId: u,
    name: `${u}工会`,
    parentId: street,
    establishedOn: '2020-01-01',
    orgPath: u,
    ...(unionType ? { unionType } : {}),
  });

/**
 * City m; districts d1, d2; street s1 under d1 until it moves to d2 on 2024-01-01; s2 under d2.
 * a: a school union (s1, 2020), a joint union from 2024-01-01; b (s1, 2020) registered without a
 * type; c: a market union (s2) founded 2023-06-01. p1 and p2 join a (p2 leaves 2024-06-01), p3
 * joins b and transfers to c on 2023-07-01.
 */
const history = (): EventEnvelope[] => [
  unit('m', 'municipal', null),
  unit('d1', 'district', 'm'),
  unit('d2', 'district', 'm'),
  unit('s1', 'street', 'd1'),
  unit('s2', 'street', 'd2'),
  registered('a', 's1', 'school'),
  registered('b', 's1'),
  event(
    'UnionEstablished',
    'c',
    'union-c',
    1,
    unionEstablishedData({
      unionId: 'c',
      parentId: 's2',
      orgPath: 'c',
      establishedOn: '2023-06-01',
      employerIds: ['e1'],
      termEndsOn: '2028-05-31',
      unionType: 'market',
    }),
  ),
  federationUnitMoved('m/d1/s1', 'm/d2/s1', '2024-01-01', {
    streamId: 'org-unit-s1',
    streamVersion: 2,
  }),
  joined('p1', 'a', '2021-01-01'),
  joined('p2', 'a', '2022-01-01'),
  member('p2', 'a', 2, 'MemberLeft', { unionId: 'a', reason: '离职', leftOn: '2024-06-01' }),
  joined('p3', 'b', '2021-01-01'),
  member('p3', 'c', 2, 'MemberTransferred', {
    fromUnionId: 'b',
    toUnionId: 'c',
    transferredOn: '2023-07-01',
    joinedOn: '2021-01-01',
    ...profile,
  }),
  // Entered after the members: the type change still splits a's figures on its date.
  event('UnionTypeChanged', 'a', 'union-a', 2, {
    unionId: 'a',
    unionType: 'joint',
    previousType: 'school',
    effectiveOn: '2024-01-01',
  }),
];

type ByType = Record<string, [unions: number, members: number]>;
// By hand from the history above; types not listed are [0, 0].
const EXPECTED: Record<string, Record<string, ByType>> = {
  '2020-12-31': { m: { school: [1, 0], unrecorded: [1, 0] }, d2: {} },
  '2022-12-31': {
    m: { school: [1, 2], unrecorded: [1, 1] },
    d1: { school: [1, 2], unrecorded: [1, 1] },
  },
  '2023-12-31': {
    m: { school: [1, 2], unrecorded: [1, 0], market: [1, 1] },
    d1: { school: [1, 2], unrecorded: [1, 0] },
    s2: { market: [1, 1] },
  },
  '2024-06-30': {
    m: { joint: [1, 1], unrecorded: [1, 0], market: [1, 1] },
    d1: {},
    d2: { joint: [1, 1], unrecorded: [1, 0], market: [1, 1] },
    a: { joint: [1, 1] },
  },
};

/** The events in another order that keeps each partition's own order (what Kafka guarantees). */
const interleave = (events: EventEnvelope[], seed: number): EventEnvelope[] => {
  const queues = new Map<string, EventEnvelope[]>();
  for (const e of events) queues.set(e.orgUnitId, [...(queues.get(e.orgUnitId) ?? []), e]);
  let state = seed;
  const out: EventEnvelope[] = [];
  while (queues.size > 0) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const keys = [...queues.keys()];
    const key = keys[state % keys.length]!;
    const queue = queues.get(key)!;
    out.push(queue.shift()!);
    if (queue.length === 0) queues.delete(key);
  }

  return out;
};

describe('figures by union type (基层工会按类型)', () => {
  const db = reportingDatabaseForSuite();
  const byType = async (id: string, asOf: string | null): Promise<ByType> => {
    const figures = await figuresByKeyAsOf(db.pool, UNION_TYPE_FIGURES, id, asOf);

    return Object.fromEntries(
      [...figures]
        .filter(([, f]) => f.unions !== 0 || f.members !== 0)
        .map(([key, f]) => [key, [f.unions, f.members]]),
    );
  };
  const check = async (seed: number) => {
    for (const [asOf, units] of Object.entries(EXPECTED))
      for (const [id, expected] of Object.entries(units))
        expect({ seed, asOf, id, figures: await byType(id, asOf) }).toEqual({
          seed,
          asOf,
          id,
          figures: expected,
        });
    expect(await byType('m', null)).toEqual(EXPECTED['2024-06-30']!['m']);
  };

  it('counts unions and their members under the type they had on each date, under the parents then, in any order of arrival', async () => {
    for (const seed of [1, 7, 42]) {
      await db.pool.query(
        `TRUNCATE org_unit_facts, employer_facts, union_coverage, org_placements, org_paths,
           member_timeline, unit_deltas, subtree_deltas, union_life, employer_headcounts,
           employer_steps, unit_headcount_dates, subtree_headcount_dates, union_merges,
           union_type_steps, union_type_unit_deltas, union_type_subtree_deltas`,
      );
      const order = interleave(history(), seed);
      await projectAll(db.pool, order);
      // Seen again: every recomputation is idempotent.
      await projectAll(
        db.pool,
        order.filter((e) => e.type.startsWith('Member') || e.type.startsWith('Union')),
      );
      await check(seed);
    }
  }, 180_000);

  it('adds up to the summary’s unions and members', async () => {
    for (const asOf of ['2022-12-31', '2023-12-31', '2024-06-30']) {
      const summary = (await orgUnitSummary(db.pool, 'm', asOf))!;
      const figures = [
        ...(await figuresByKeyAsOf(db.pool, UNION_TYPE_FIGURES, 'm', asOf)).values(),
      ];
      expect({
        asOf,
        unions: figures.reduce((sum, f) => sum + f.unions, 0),
        members: figures.reduce((sum, f) => sum + f.members, 0),
      }).toEqual({ asOf, unions: summary.unions, members: summary.members });
    }
  });
});

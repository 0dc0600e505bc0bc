import type { EventEnvelope } from '@taizhang/contracts';
import { unionEstablishedData } from '@taizhang/testing';

import { childrenAsOf } from '../../../src/as-of/figures-as-of.query';
import { employerFiguresOfUnit } from '../../../src/employer-facts/employer-facts.query';
import { orgUnitSummary } from '../../../src/org-summary/org-unit-summary.query';
import {
  federationUnitMoved,
  organisationEnvelope,
  orgUnitCreated,
  projectAll,
} from '../../organisation-envelope';
import { reportingDatabaseForSuite } from '../../reporting-database';

// Each event as the consumer receives it; `key` is the partition key (the unit it concerns).
const event = (type: string, key: string, streamId: string, version: number, data: object) =>
  organisationEnvelope(type, key, data, { orgUnitId: key, streamId, streamVersion: version });
const unit = (id: string, kind: string, parentId: string | null) =>
  orgUnitCreated(id, kind, parentId, id, { streamId: `org-unit-${id}` });
const member = (id: string, key: string, version: number, type: string, data: object) =>
  event(type, key, `member-${id}`, version, { memberId: id, ...data });
const profile = { gender: 'female', employmentForm: 'regular', migrantWorker: true };
const joined = (id: string, union: string, joinedOn: string) =>
  member(id, union, 1, 'MemberJoined', { unionId: union, name: '王芳', joinedOn, ...profile });
const transferred = (id: string, version: number, from: string, to: string, on: string) =>
  member(id, to, version, 'MemberTransferred', {
    fromUnionId: from,
    toUnionId: to,
    transferredOn: on,
    joinedOn: '2021-01-01',
    ...profile,
  });

/**
 * City m; districts d1, d2; street s1 under d1 until it moves to d2 on 2024-01-01, s2 under d2.
 * Unions a (s1, 2020), b (s2, 2020), c (s1, founded 2023-06-01 covering employer e1); a is merged
 * into b on 2025-01-01 and its member follows by a transfer. b's term ran out on 2024-05-31 and
 * its re-election was approved on 2024-09-01.
 */
const history = (): EventEnvelope[] => [
  unit('m', 'municipal', null),
  unit('d1', 'district', 'm'),
  unit('d2', 'district', 'm'),
  unit('s1', 'street', 'd1'),
  unit('s2', 'street', 'd2'),
  ...['a', 'b'].map((u) =>
    event('UnionRegistered', u, `union-${u}`, 1, {
      unionId: u,
      name: `${u}工会`,
      parentId: u === 'a' ? 's1' : 's2',
      establishedOn: '2020-01-01',
      orgPath: u,
    }),
  ),
  event(
    'UnionEstablished',
    'c',
    'union-c',
    1,
    unionEstablishedData({
      unionId: 'c',
      parentId: 's1',
      orgPath: 'c',
      establishedOn: '2023-06-01',
      employerIds: ['e1'],
      termEndsOn: '2028-05-31',
    }),
  ),
  event('EmployerRegistered', 'e1', 'employer-e1', 1, {
    employerId: 'e1',
    creditCode: 'e1',
    name: 'e1公司',
    kind: 'enterprise',
    streetId: 's1',
    orgPath: 's1/e1',
    registeredOn: '2021-01-01',
    headcount: 100,
    femaleHeadcount: 0,
    migrantHeadcount: 0,
    newFormHeadcount: 0,
  }),
  event('EmployerHeadcountsUpdated', 'e1', 'employer-e1', 2, {
    employerId: 'e1',
    asOf: '2024-01-01',
    headcount: 120,
    femaleHeadcount: 0,
    migrantHeadcount: 0,
    newFormHeadcount: 0,
  }),
  federationUnitMoved('m/d1/s1', 'm/d2/s1', '2024-01-01', {
    streamId: 'org-unit-s1',
    streamVersion: 2,
  }),
  event('UnionTermExpired', 'b', 'union-b', 2, { unionId: 'b', termEndedOn: '2024-05-31' }),
  event('CommitteeElectionApproved', 'b', 'union-b', 3, {
    unionId: 'b',
    approvedOn: '2024-09-01',
    termEndsOn: '2029-08-31',
  }),
  event('UnionMerged', 'a', 'union-a', 2, {
    unionId: 'a',
    intoUnionId: 'b',
    mergedOn: '2025-01-01',
    reason: '企业合并',
  }),
  joined('p1', 'a', '2021-01-01'),
  transferred('p1', 2, 'a', 'b', '2025-01-01'),
  joined('p2', 'a', '2021-06-01'),
  transferred('p2', 2, 'a', 'b', '2023-01-01'),
  joined('p3', 'c', '2023-07-01'),
  member('p3', 'c', 2, 'MemberLeft', { unionId: 'c', reason: '离职', leftOn: '2024-03-01' }),
];

// Figures computed by hand from the history above, per date and unit: [unions, members, terms].
const EXPECTED: Record<string, Record<string, [number, number, number]>> = {
  '2022-12-31': { m: [2, 2, 0], d1: [1, 2, 0], d2: [1, 0, 0], s1: [1, 2, 0], a: [1, 2, 0] },
  '2023-12-31': { m: [3, 3, 0], d1: [2, 2, 0], d2: [1, 1, 0], s1: [2, 2, 0], c: [1, 1, 0] },
  '2024-06-30': { m: [3, 2, 1], d1: [0, 0, 0], d2: [3, 2, 1], s1: [2, 1, 0], c: [1, 0, 0] },
  '2025-06-30': { m: [2, 2, 0], d1: [0, 0, 0], d2: [2, 2, 0], s1: [1, 0, 0], a: [0, 0, 0] },
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

const employerRegistered = (id: string, registeredOn: string, headcount: number) =>
  event('EmployerRegistered', id, `employer-${id}`, 1, {
    employerId: id,
    creditCode: id,
    name: `${id}有限公司`,
    kind: 'enterprise',
    streetId: 's1',
    orgPath: `s1/${id}`,
    registeredOn,
    headcount,
    femaleHeadcount: 0,
    migrantHeadcount: 0,
    newFormHeadcount: 0,
  });
const established = (id: string, on: string, employerId: string) =>
  event('UnionEstablished', id, `union-${id}`, 1, {
    unionId: id,
    name: `${id}工会`,
    parentId: 's1',
    orgPath: id,
    establishedOn: on,
    employerIds: [employerId],
    congress: { entitledVoters: 30, present: 25 },
    committee: [{ name: '李明', post: 'chair' }],
    termYears: 5,
    termEndsOn: '2030-05-31',
  });

/**
 * Street s1 under d1. Employer e2 (2019, 50 workers; 70 from 2022-01-01, corrected to 75 for the
 * same date) is covered by union x from 2020; e3 (2019, 30 workers, closed 2023-06-01) by y from
 * 2021. x is merged into y on 2022-06-01, so y covers e2 from then; y is dissolved on 2024-01-01.
 */
const employerHistory = (): EventEnvelope[] => [
  unit('m', 'municipal', null),
  unit('d1', 'district', 'm'),
  unit('s1', 'street', 'd1'),
  employerRegistered('e2', '2019-01-01', 50),
  ...[70, 75].map((headcount, i) =>
    event('EmployerHeadcountsUpdated', 'e2', 'employer-e2', 2 + i, {
      employerId: 'e2',
      asOf: '2022-01-01',
      headcount,
      femaleHeadcount: 0,
      migrantHeadcount: 0,
      newFormHeadcount: 0,
    }),
  ),
  employerRegistered('e3', '2019-01-01', 30),
  event('EmployerClosed', 'e3', 'employer-e3', 2, {
    employerId: 'e3',
    closedOn: '2023-06-01',
    reason: '注销',
  }),
  established('x', '2020-01-01', 'e2'),
  established('y', '2021-01-01', 'e3'),
  event('UnionMerged', 'x', 'union-x', 2, {
    unionId: 'x',
    intoUnionId: 'y',
    mergedOn: '2022-06-01',
    reason: '企业合并',
  }),
  event('UnionDissolved', 'y', 'union-y', 2, {
    unionId: 'y',
    dissolvedOn: '2024-01-01',
    reason: '撤销',
  }),
];

// [employers, workforce, coveredEmployers, workforceOfUnionisedEmployers, oldest, newest] of the
// street, district and city (one street: all the same), by hand from the history above.
const EMPLOYERS_EXPECTED: Record<string, unknown[]> = {
  '2018-12-31': [0, 0, 0, 0, null, null],
  '2019-12-31': [2, 80, 0, 0, '2019-01-01', '2019-01-01'],
  '2020-06-30': [2, 80, 1, 50, '2019-01-01', '2019-01-01'],
  '2021-06-30': [2, 80, 2, 80, '2019-01-01', '2019-01-01'],
  '2022-03-01': [2, 105, 2, 105, '2019-01-01', '2022-01-01'],
  '2022-12-31': [2, 105, 2, 105, '2019-01-01', '2022-01-01'],
  '2023-12-31': [1, 75, 1, 75, '2022-01-01', '2022-01-01'],
  '2024-06-30': [1, 75, 0, 0, '2022-01-01', '2022-01-01'],
};

describe('figures as of a date', () => {
  const db = reportingDatabaseForSuite();
  const apply = (events: EventEnvelope[]) => projectAll(db.pool, events);
  const figuresOn = async (asOf: string | null) => {
    const found: Record<string, [number, number, number]> = {};
    for (const id of ['m', 'd1', 'd2', 's1', 'a', 'c']) {
      const s = (await orgUnitSummary(db.pool, id, asOf))!;
      found[id] = [s.unions, s.members, s.termsExpired];
    }

    return found;
  };
  const check = async () => {
    for (const [asOf, units] of Object.entries(EXPECTED))
      expect({ asOf, ...(await figuresOn(asOf)) }).toMatchObject({ asOf, ...units });
    expect(await figuresOn(null)).toMatchObject(EXPECTED['2025-06-30']!);
  };

  it('rolls each past date up under the parents units had then: moves, merges, terms, leaving', async () => {
    await apply(history());
    await check();
    expect((await childrenAsOf(db.pool, 'd2', '2023-12-31')).sort()).toEqual(['s2']);
    expect((await childrenAsOf(db.pool, 'd2', '2024-06-30')).sort()).toEqual(['s1', 's2']);
    expect((await childrenAsOf(db.pool, 's1', '2022-12-31')).sort()).toEqual(['a']);
    expect((await childrenAsOf(db.pool, 's1', null)).sort()).toEqual(['c']);
  });

  it('counts employers, their workforce and coverage as they were, under the street’s parent then', async () => {
    const employers = async (id: string, asOf: string | null) => {
      const f = (await employerFiguresOfUnit(db.pool, id, asOf))!;

      return [f.employers, f.workforce, f.coveredEmployers, f.workforceOfUnionisedEmployers];
    };
    expect(await employers('d1', '2022-12-31')).toEqual([1, 100, 0, 0]);
    expect(await employers('d1', '2023-12-31')).toEqual([1, 100, 1, 100]);
    expect(await employers('d1', '2024-06-30')).toEqual([0, 0, 0, 0]);
    expect(await employers('d2', '2024-06-30')).toEqual([1, 120, 1, 120]);
    expect(await employers('m', '2020-12-31')).toEqual([0, 0, 0, 0]);
    expect(await employers('m', null)).toEqual([1, 120, 1, 120]);
  });

  it('ends the same in any order of arrival across partitions; a member or tree event seen twice changes nothing', async () => {
    for (const seed of [1, 7, 42, 99, 2024]) {
      await db.pool.query(
        `TRUNCATE org_unit_facts, employer_facts, union_coverage, org_placements,
           org_paths, member_timeline, unit_deltas, subtree_deltas, union_life, employer_headcounts,
           employer_steps, unit_headcount_dates, subtree_headcount_dates, union_merges`,
      );
      const order = interleave(history(), seed);
      await apply(order);
      // Redeliveries are dropped by event id before projection (@taizhang/messaging); these
      // steps are idempotent on their own as well.
      await apply(order.filter((e) => e.type.startsWith('Member') || e.type.startsWith('OrgUnit')));
      await check();
    }
  }, 180_000);

  it('keeps employers as of each date: headcounts replaced from their date, closing, coverage from the founding congress, handed on by a merger, ended by dissolution, in any order', async () => {
    for (const seed of [3, 11, 57]) {
      await db.pool.query(
        `TRUNCATE org_unit_facts, employer_facts, union_coverage, org_placements, org_paths,
           member_timeline, unit_deltas, subtree_deltas, union_life, employer_headcounts,
           employer_steps, unit_headcount_dates, subtree_headcount_dates, union_merges`,
      );
      const order = interleave(employerHistory(), seed);
      await apply(order);
      // Seen twice (everything but the two corrections of one date, whose order matters).
      await apply(order.filter((e) => e.type !== 'EmployerHeadcountsUpdated'));
      for (const [asOf, expected] of [
        ...Object.entries(EMPLOYERS_EXPECTED),
        ['now', null] as const,
      ])
        for (const id of ['s1', 'd1', 'm']) {
          const f = (await employerFiguresOfUnit(db.pool, id, asOf === 'now' ? null : asOf))!;
          expect({
            seed,
            asOf,
            id,
            figures: [
              f.employers,
              f.workforce,
              f.coveredEmployers,
              f.workforceOfUnionisedEmployers,
              f.employerRegistry.oldestHeadcountsAsOf,
              f.employerRegistry.newestHeadcountsAsOf,
            ],
          }).toEqual({ seed, asOf, id, figures: expected ?? EMPLOYERS_EXPECTED['2024-06-30'] });
        }
    }
  }, 180_000);

  it('counts a term expired until an approval on its own date: a late approval leaves no false stretch, a rejection ends nothing', async () => {
    await db.pool.query(
      `TRUNCATE org_unit_facts, employer_facts, union_coverage, org_placements, org_paths,
         member_timeline, unit_deltas, subtree_deltas, union_life, employer_headcounts,
         employer_steps, unit_headcount_dates, subtree_headcount_dates, union_merges`,
    );
    const union = (u: string) =>
      event('UnionRegistered', u, `union-${u}`, 1, {
        unionId: u,
        name: `${u}工会`,
        parentId: 's1',
        establishedOn: '2020-01-01',
        orgPath: u,
      });
    const expired = (u: string) =>
      event('UnionTermExpired', u, `union-${u}`, 2, { unionId: u, termEndedOn: '2024-05-31' });
    const rejected = (u: string, version: number, rejectedOn: string) =>
      event('ElectionRejected', u, `union-${u}`, version, {
        unionId: u,
        heldOn: '2024-05-10',
        rejectedOn,
        reason: '候选人未经民主推荐',
      });
    await apply([
      unit('m', 'municipal', null),
      unit('d1', 'district', 'm'),
      unit('s1', 'street', 'd1'),
      // x re-elected on 2024-05-15, approved on 2024-05-20, entered after the clock warned.
      union('x'),
      expired('x'),
      rejected('x', 3, '2024-05-12'),
      event('CommitteeElectionApproved', 'x', 'union-x', 4, {
        unionId: 'x',
        approvedOn: '2024-05-20',
        termEndsOn: '2029-05-14',
      }),
      // y's re-election was rejected: its term stays expired.
      union('y'),
      expired('y'),
      rejected('y', 3, '2024-07-01'),
    ]);
    const termsExpired = async (asOf: string | null) =>
      (await orgUnitSummary(db.pool, 'm', asOf))!.termsExpired;

    expect(await termsExpired('2024-05-31')).toBe(0);
    expect(await termsExpired('2024-06-15')).toBe(1);
    expect(await termsExpired('2024-12-31')).toBe(1);
    expect(await termsExpired(null)).toBe(1);
  });
});

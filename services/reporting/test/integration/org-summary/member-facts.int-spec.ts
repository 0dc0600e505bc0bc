import { randomUUID } from 'node:crypto';

import fc from 'fast-check';

import type { EventEnvelope } from '@taizhang/contracts';
import { memberJoinedData } from '@taizhang/testing';

import { orgUnitSummary } from '../../../src/org-summary/org-unit-summary.query';
import { organisationEnvelope, projectAll } from '../../organisation-envelope';
import { reportingDatabaseForSuite } from '../../reporting-database';

const PATHS: Record<string, string> = {
  m: 'm',
  d: 'm/d',
  s1: 'm/d/s1',
  s2: 'm/d/s2',
  a: 'm/d/s1/a',
  b: 'm/d/s2/b',
};

const envelope = (
  type: string,
  orgUnitId: string,
  streamId: string,
  streamVersion: number,
  data: unknown,
) =>
  organisationEnvelope(type, PATHS[orgUnitId]!, data, {
    orgUnitId,
    streamId,
    streamType: 'member',
    streamVersion,
    position: String(streamVersion),
    actor: { id: 'a', role: 'union_cadre' },
  });

const tree = (): EventEnvelope[] => [
  envelope('OrgUnitCreated', 'm', 'org-unit-m', 1, {
    orgUnitId: 'm',
    code: '2101',
    name: '市总工会',
    kind: 'municipal',
    parentId: null,
    orgPath: 'm',
  }),
  envelope('OrgUnitCreated', 'd', 'org-unit-d', 1, {
    orgUnitId: 'd',
    code: '210102',
    name: '区总工会',
    kind: 'district',
    parentId: 'm',
    orgPath: 'm/d',
  }),
  ...['s1', 's2'].map((s) =>
    envelope('OrgUnitCreated', s, `org-unit-${s}`, 1, {
      orgUnitId: s,
      code: s,
      name: `${s}街道工会`,
      kind: 'street',
      parentId: 'd',
      orgPath: PATHS[s],
    }),
  ),
  ...[
    ['a', 's1'],
    ['b', 's2'],
  ].map(([u, s]) =>
    envelope('UnionRegistered', u!, `union-${u}`, 1, {
      unionId: u,
      name: `${u}工会`,
      parentId: s,
      establishedOn: '2000-01-01',
      orgPath: PATHS[u!],
    }),
  ),
];

/** One member's history: join a, transfer to b, retained by b's street, then left. */
const lifeOf = (
  memberId: string,
  person: { female: boolean; migrant: boolean; newForm: boolean },
) => {
  const stream = `member-${memberId}`;
  const profile = {
    gender: person.female ? 'female' : 'male',
    employmentForm: person.newForm ? 'new_form' : 'regular',
    migrantWorker: person.migrant,
  };

  return [
    envelope(
      'MemberJoined',
      'a',
      stream,
      1,
      memberJoinedData({ memberId, unionId: 'a', ...profile }),
    ),
    envelope('MemberTransferred', 'b', stream, 2, {
      memberId,
      fromUnionId: 'a',
      toUnionId: 'b',
      transferredOn: '2022-01-01',
      joinedOn: '2020-01-01',
      ...profile,
    }),
    envelope('MembershipRetained', 's2', stream, 3, {
      memberId,
      unionId: 'b',
      reason: 'retired',
      heldBy: 'federation',
      heldByOrgUnitId: 's2',
      since: '2024-01-01',
    }),
    envelope('MemberLeft', 's2', stream, 4, {
      memberId,
      unionId: 'b',
      reason: '去世',
      leftOn: '2025-01-01',
    }),
  ];
};

describe('member figures', () => {
  const db = reportingDatabaseForSuite();

  const apply = (events: EventEnvelope[]) => projectAll(db.pool, events);
  const figures = async (id: string) => {
    const summary = await orgUnitSummary(db.pool, id);

    return {
      members: summary!.members,
      femaleMembers: summary!.femaleMembers,
      migrantMembers: summary!.migrantMembers,
      newFormMembers: summary!.newFormMembers,
      retainedMemberships: summary!.retainedMemberships,
    };
  };
  const reset = async () => {
    await db.pool.query(
      'TRUNCATE org_unit_facts, org_placements, org_paths, member_timeline, unit_deltas, subtree_deltas, union_life',
    );
    await apply(tree());
  };

  it('moves a member through join, transfer, retention and leaving, step by step', async () => {
    await reset();
    const [joined, transferred, retained, left] = lifeOf(randomUUID(), {
      female: true,
      migrant: true,
      newForm: true,
    });
    const one = { members: 1, femaleMembers: 1, migrantMembers: 1, newFormMembers: 1 };
    const none = { members: 0, femaleMembers: 0, migrantMembers: 0, newFormMembers: 0 };

    await apply([joined!]);
    expect(await figures('a')).toEqual({ ...one, retainedMemberships: 0 });
    expect(await figures('b')).toEqual({ ...none, retainedMemberships: 0 });

    await apply([transferred!]);
    expect(await figures('a')).toEqual({ ...none, retainedMemberships: 0 });
    expect(await figures('b')).toEqual({ ...one, retainedMemberships: 0 });
    expect(await figures('d')).toEqual({ ...one, retainedMemberships: 0 });

    await apply([retained!]);
    expect(await figures('b')).toEqual({ ...none, retainedMemberships: 0 });
    expect(await figures('s2')).toEqual({ ...none, retainedMemberships: 1 });
    expect(await figures('m')).toEqual({ ...none, retainedMemberships: 1 });

    await apply([left!]);
    expect(await figures('m')).toEqual({ ...none, retainedMemberships: 0 });
  });

  it('a retained membership moved by a merger stays retained, held by the receiving union', async () => {
    await reset();
    const memberId = randomUUID();
    const [joined] = lifeOf(memberId, { female: true, migrant: false, newForm: false });
    const stream = `member-${memberId}`;
    await apply([
      joined!,
      envelope('MembershipRetained', 'a', stream, 2, {
        memberId,
        unionId: 'a',
        reason: 'retired',
        heldBy: 'union',
        heldByOrgUnitId: 'a',
        since: '2023-01-01',
      }),
      envelope('MemberTransferred', 'b', stream, 3, {
        memberId,
        fromUnionId: 'a',
        toUnionId: 'b',
        transferredOn: '2024-06-01',
        joinedOn: '2020-01-01',
        gender: 'female',
        employmentForm: 'regular',
        migrantWorker: false,
        cause: 'merger',
        retention: { reason: 'retired', since: '2023-01-01' },
      }),
    ]);

    expect(await figures('a')).toMatchObject({ members: 0, retainedMemberships: 0 });
    expect(await figures('b')).toMatchObject({ members: 0, retainedMemberships: 1 });
    expect(await figures('m')).toMatchObject({ members: 0, retainedMemberships: 1 });
  });

  it('a redelivered or older event changes nothing', async () => {
    await reset();
    const [joined, transferred] = lifeOf(randomUUID(), {
      female: false,
      migrant: false,
      newForm: false,
    });
    await apply([joined!, transferred!, transferred!, joined!]);

    expect(await figures('a')).toMatchObject({ members: 0 });
    expect(await figures('b')).toMatchObject({ members: 1 });
  });

  it('in any order of arrival, counts each member once where its latest event puts it, and ends the same', async () => {
    const people = [
      { female: true, migrant: true, newForm: false },
      { female: false, migrant: false, newForm: true },
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.infiniteStream(fc.nat()),
        async (lengthA, lengthB, seeds) => {
          await reset();
          const lives = people.map((person) => lifeOf(randomUUID(), person));
          const events = [...lives[0]!.slice(0, lengthA), ...lives[1]!.slice(0, lengthB)];
          // A shuffle: events of different unions arrive in any order across partitions.
          const order = events
            .map((event, i) => ({ event, key: (seeds.next().value as number | undefined) ?? i }))
            .sort((x, y) => x.key - y.key)
            .map(({ event }) => event);
          const latest = new Map<string, EventEnvelope>();
          for (const event of order) {
            await apply([event]);
            const seen = latest.get(event.streamId);
            if (!seen || seen.streamVersion < event.streamVersion)
              latest.set(event.streamId, event);
            const counted = [...latest.values()].filter((e) => e.type !== 'MemberLeft');
            const city = await figures('m');
            // Never twice, never zero: each member counts exactly once as its latest event says.
            expect(city.members).toBe(
              counted.filter((e) => e.type !== 'MembershipRetained').length,
            );
            expect(city.retainedMemberships).toBe(
              counted.filter((e) => e.type === 'MembershipRetained').length,
            );
          }
          const expectedIn = (unit: string) =>
            [...latest.values()].filter(
              (e) =>
                e.orgUnitId === unit && e.type !== 'MemberLeft' && e.type !== 'MembershipRetained',
            ).length;
          expect((await figures('a')).members).toBe(expectedIn('a'));
          expect((await figures('b')).members).toBe(expectedIn('b'));
        },
      ),
      { numRuns: 25 },
    );
  });
});

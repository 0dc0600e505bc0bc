import type { EventEnvelope } from '@taizhang/contracts';

import {
  childrenAsOf,
  employerFiguresAsOf,
  ownFiguresAsOf,
  subtreeFiguresAsOf,
} from '../../../src/as-of';
import { organisationEnvelope, orgUnitCreated } from '../../organisation-envelope';
import { reportingDatabaseForSuite } from '../../reporting-database';

const event = (type: string, key: string, streamId: string, version: number, data: object) =>
  organisationEnvelope(type, key, data, { orgUnitId: key, streamId, streamVersion: version });
const unit = (id: string, kind: string, parentId: string | null) =>
  orgUnitCreated(id, kind, parentId, id, { streamId: `org-unit-${id}` });
const member = (id: string, key: string, version: number, type: string, data: object) =>
  event(type, key, `member-${id}`, version, { memberId: id, ...data });
const joined = (id: string, union: string, joinedOn: string, gender = 'female') =>
  member(id, union, 1, 'MemberJoined', {
    unionId: union,
    name: '赵丽',
    joinedOn,
    gender,
    employmentForm: 'regular',
    migrantWorker: false,
  });
// As organisation records a retention: the event concerns the unit that holds it.
const retained = (id: string, version: number, union: string, heldBy: string, since: string) =>
  member(id, heldBy, version, 'MembershipRetained', {
    unionId: union,
    reason: heldBy === union ? 'retired' : 'union_dissolved',
    heldBy: heldBy === union ? 'union' : 'federation',
    heldByOrgUnitId: heldBy,
    since,
  });

/**
 * City m, district d1, streets s1 and s2. Unions a and b under s1 (2020), c under s2; employer e1
 * at s1. a is dissolved on 2024-01-01: its active members p1, p2 and p3 (retained by a since
 * 2022) are held by s1 from that day, recorded with the dissolution; p4 left a before.
 */
const history = (): EventEnvelope[] => [
  unit('m', 'municipal', null),
  unit('d1', 'district', 'm'),
  unit('s1', 'street', 'd1'),
  unit('s2', 'street', 'd1'),
  ...[
    ['a', 's1'],
    ['b', 's1'],
    ['c', 's2'],
  ].map(([u, parent]) =>
    event('UnionRegistered', u!, `union-${u}`, 1, {
      unionId: u,
      name: `${u}工会`,
      parentId: parent,
      establishedOn: '2020-01-01',
      orgPath: u,
    }),
  ),
  event('EmployerRegistered', 'e1', 'employer-e1', 1, {
    employerId: 'e1',
    creditCode: 'e1',
    name: 'e1公司',
    kind: 'enterprise',
    streetId: 's1',
    orgPath: 's1/e1',
    registeredOn: '2020-01-01',
    headcount: 40,
    femaleHeadcount: 10,
    migrantHeadcount: 0,
    newFormHeadcount: 0,
  }),
  joined('p1', 'a', '2020-03-01'),
  joined('p2', 'a', '2021-03-01', 'male'),
  joined('p3', 'a', '2020-03-01'),
  retained('p3', 2, 'a', 'a', '2022-01-01'),
  joined('p4', 'a', '2020-03-01'),
  member('p4', 'a', 2, 'MemberLeft', { unionId: 'a', reason: '离职', leftOn: '2023-01-01' }),
  joined('p5', 'b', '2020-05-01'),
  joined('p6', 'c', '2020-05-01'),
  event('UnionDissolved', 'a', 'union-a', 2, {
    unionId: 'a',
    dissolvedOn: '2024-01-01',
    reason: '企业注销',
  }),
  retained('p1', 2, 'a', 's1', '2024-01-01'),
  retained('p2', 2, 'a', 's1', '2024-01-01'),
  retained('p3', 3, 'a', 's1', '2024-01-01'),
];

describe('figures around a dissolution (reporting, integration)', () => {
  const db = reportingDatabaseForSuite(history);
  const figures = async (id: string, asOf: string | null) => {
    const { orgUnitId: _id, ...members } = await subtreeFiguresAsOf(db.pool, id, asOf);
    const { employerRegistry: _registry, ...employers } = await employerFiguresAsOf(
      db.pool,
      id,
      asOf,
    );

    return { ...members, ...employers } as Record<string, number>;
  };
  const held = async (id: string, asOf: string | null) => {
    const own = await ownFiguresAsOf(db.pool, id, asOf);

    return {
      unions: own.unions,
      members: own.members,
      femaleMembers: own.female_members,
      migrantMembers: own.migrant_members,
      newFormMembers: own.new_form_members,
      retainedMemberships: own.retained_memberships,
      termsExpired: own.terms_expired,
      employers: own.employers,
      workforce: own.workforce,
      femaleWorkforce: own.female_workforce,
      migrantWorkforce: own.migrant_workforce,
      newFormWorkforce: own.new_form_workforce,
      coveredEmployers: own.covered_employers,
      workforceOfUnionisedEmployers: own.unionised_workforce,
    } as Record<string, number>;
  };
  // The unit's figures, and the sum of its children's and what it holds itself.
  const addUp = async (id: string, asOf: string | null) => {
    const sum = await held(id, asOf);
    for (const child of await childrenAsOf(db.pool, id, asOf))
      for (const [figure, value] of Object.entries(await figures(child, asOf)))
        sum[figure] = (sum[figure] ?? 0) + value;

    return { unit: await figures(id, asOf), sum };
  };

  it.each(['2019-12-31', '2021-06-30', '2022-06-30', '2023-12-31', '2024-01-01', '2025-06-30'])(
    'adds the children up to their parent at every level on %s',
    async (asOf) => {
      for (const id of ['m', 'd1', 's1', 's2']) {
        const { unit, sum } = await addUp(id, asOf);
        expect({ id, ...sum }).toEqual({ id, ...unit });
      }
    },
  );

  it('adds up now too', async () => {
    for (const id of ['m', 'd1', 's1']) {
      const { unit, sum } = await addUp(id, null);
      expect(sum).toEqual(unit);
    }
  });

  it('counts the dissolved union’s members at the street from the dissolution date, and the union no more', async () => {
    expect(await figures('s1', '2023-12-31')).toMatchObject({
      unions: 2,
      members: 3,
      femaleMembers: 2,
      retainedMemberships: 1,
    });
    expect(await held('s1', '2023-12-31')).toMatchObject({ retainedMemberships: 0 });
    expect((await childrenAsOf(db.pool, 's1', '2023-12-31')).sort()).toEqual(['a', 'b']);

    expect(await figures('s1', '2024-01-01')).toMatchObject({
      unions: 1,
      members: 1,
      retainedMemberships: 3,
    });
    expect(await held('s1', '2024-01-01')).toMatchObject({
      members: 0,
      retainedMemberships: 3,
      employers: 1,
      workforce: 40,
    });
    expect(await childrenAsOf(db.pool, 's1', '2024-01-01')).toEqual(['b']);
    expect(await figures('a', '2024-06-30')).toMatchObject({
      unions: 0,
      members: 0,
      retainedMemberships: 0,
    });
    expect(await figures('m', '2025-06-30')).toMatchObject({
      unions: 2,
      members: 2,
      retainedMemberships: 3,
    });
  });
});

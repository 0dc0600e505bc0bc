import type { EventEnvelope } from '@taizhang/contracts';

import { BRANCH_FIGURES, figuresByKeyAsOf } from '../../../src/as-of';
import { organisationEnvelope, orgUnitCreated, projectAll } from '../../organisation-envelope';
import { reportingDatabaseForSuite } from '../../reporting-database';

const event = (type: string, key: string, streamId: string, version: number, data: object) =>
  organisationEnvelope(type, key, data, { orgUnitId: key, streamId, streamVersion: version });
const unit = (id: string, kind: string, parentId: string | null) =>
  orgUnitCreated(id, kind, parentId, id, { streamId: `org-unit-${id}` });
const member = (id: string, key: string, version: number, type: string, data: object) =>
  event(type, key, `member-${id}`, version, { memberId: id, ...data });
const profile = { gender: 'female', employmentForm: 'regular', migrantWorker: false };
const joined = (id: string, union: string, joinedOn: string, branchId?: string) =>
  member(id, union, 1, 'MemberJoined', {
    unionId: union,
    name: '王芳',
    joinedOn,
    ...profile,
    ...(branchId ? { branchId } : {}),
  });
const placed = (
  id: string,
  version: number,
  branchId: string | null,
  from: string | null,
  on: string,
) =>
  member(id, 'u', version, 'MemberPlacedInBranch', {
    unionId: 'u',
    branchId,
    previousBranchId: from,
    placedOn: on,
  });
const registered = (u: string) =>
  event('UnionRegistered', u, `union-${u}`, 1, {
    unionId: u,
    name: `${u}工会`,
    parentId: 's',
    establishedOn: '2020-01-01',
    orgPath: u,
  });
const branch = (id: string, kind: string, name: string) =>
  event('BranchUnitCreated', 'u', 'union-branches-u', id === 'b1' ? 1 : 2, {
    branchId: id,
    unionId: 'u',
    kind,
    name,
    establishedOn: '2020-06-01',
  });

/**
 * Union u has the workshop union b1 (化水车间工会) and the union group b2. p1 joins into b1
 * (2021) and moves to b2 (2023-01-01); p2 joins unplaced (2021), is placed in b2 (2022) and
 * leaves (2024); p3 joins into b1 (2022-06-01) and transfers to union v (2023-06-01).
 */
const history = (): EventEnvelope[] => [
  unit('m', 'municipal', null),
  unit('d', 'district', 'm'),
  unit('s', 'street', 'd'),
  registered('u'),
  registered('v'),
  branch('b1', 'branch_union', '化水车间工会'),
  branch('b2', 'union_group', '化验班工会小组'),
  joined('p1', 'u', '2021-01-01', 'b1'),
  placed('p1', 2, 'b2', 'b1', '2023-01-01'),
  joined('p2', 'u', '2021-01-01'),
  placed('p2', 2, 'b2', null, '2022-01-01'),
  member('p2', 'u', 3, 'MemberLeft', { unionId: 'u', reason: '离职', leftOn: '2024-01-01' }),
  joined('p3', 'u', '2022-06-01', 'b1'),
  member('p3', 'v', 2, 'MemberTransferred', {
    fromUnionId: 'u',
    toUnionId: 'v',
    transferredOn: '2023-06-01',
    joinedOn: '2022-06-01',
    ...profile,
  }),
];

// Members per branch, by hand from the history above.
const EXPECTED: Record<string, Record<string, number>> = {
  '2021-06-30': { b1: 1, b2: 0 },
  '2022-06-30': { b1: 2, b2: 1 },
  '2023-03-01': { b1: 1, b2: 2 },
  '2023-12-31': { b1: 0, b2: 2 },
  '2024-06-30': { b1: 0, b2: 1 },
};

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

describe('members per branch union and union group (分工会/工会小组)', () => {
  const db = reportingDatabaseForSuite();
  const perBranch = async (id: string, asOf: string | null) => {
    const figures = await figuresByKeyAsOf(db.pool, BRANCH_FIGURES, id, asOf);

    return { b1: figures.get('b1')?.members ?? 0, b2: figures.get('b2')?.members ?? 0 };
  };

  it('counts each member in the branch unit they were in on the date, in any order of arrival', async () => {
    for (const seed of [1, 5, 77]) {
      await db.pool.query(
        `TRUNCATE org_unit_facts, org_placements, org_paths, member_timeline, unit_deltas,
           subtree_deltas, union_life, member_branch_timeline, branch_facts,
           branch_unit_deltas, branch_subtree_deltas`,
      );
      const order = interleave(history(), seed);
      await projectAll(db.pool, order);
      // Seen again: the placement steps are idempotent.
      await projectAll(
        db.pool,
        order.filter((e) => e.type.startsWith('Member')),
      );
      for (const [asOf, expected] of Object.entries(EXPECTED))
        for (const id of ['u', 's', 'm'])
          expect({ seed, asOf, id, figures: await perBranch(id, asOf) }).toEqual({
            seed,
            asOf,
            id,
            figures: expected,
          });
      expect(await perBranch('u', null)).toEqual(EXPECTED['2024-06-30']);
      expect(await perBranch('v', null)).toEqual({ b1: 0, b2: 0 });
    }
  }, 120_000);

  it('answers as known at an instant: a move between branch units entered late counts from its recording', async () => {
    await db.pool.query(
      `TRUNCATE org_unit_facts, org_placements, org_paths, member_timeline, unit_deltas,
         subtree_deltas, unit_deltas_known, subtree_deltas_known, union_life,
         member_branch_timeline, branch_facts, branch_unit_deltas, branch_subtree_deltas,
         branch_unit_deltas_known, branch_subtree_deltas_known`,
    );
    // Everything entered in 2020 but p1's move to b2 (2023-01-01), entered on 2023-09-01.
    const late = (e: EventEnvelope) =>
      e.streamId === 'member-p1' && e.streamVersion === 2
        ? { ...e, recordedAt: '2023-09-01T00:00:00.000Z' }
        : { ...e, recordedAt: '2020-01-01T00:00:00.000Z' };
    await projectAll(db.pool, interleave(history().map(late), 5));
    const known = async (id: string, knownAt: string | null) => {
      const figures = await figuresByKeyAsOf(db.pool, BRANCH_FIGURES, id, '2023-03-01', knownAt);

      return { b1: figures.get('b1')?.members ?? 0, b2: figures.get('b2')?.members ?? 0 };
    };

    for (const id of ['u', 'm']) {
      expect(await known(id, '2023-02-01T00:00:00Z')).toEqual({ b1: 2, b2: 1 });
      expect(await known(id, '2023-09-01T00:00:00Z')).toEqual(EXPECTED['2023-03-01']);
      expect(await known(id, null)).toEqual(EXPECTED['2023-03-01']);
    }
  });

  it('keeps the branch units’ names and kinds', async () => {
    const { rows } = await db.pool.query(
      'SELECT branch_id, union_id, kind, name FROM branch_facts ORDER BY branch_id',
    );
    expect(rows).toEqual([
      { branch_id: 'b1', union_id: 'u', kind: 'branch_union', name: '化水车间工会' },
      { branch_id: 'b2', union_id: 'u', kind: 'union_group', name: '化验班工会小组' },
    ]);
  });
});

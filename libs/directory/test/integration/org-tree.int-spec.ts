import type { PoolClient } from 'pg';

import type { EventEnvelope } from '@taizhang/contracts';
import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase } from '@taizhang/testing';

import type { SubtreeMoveHooks } from '../../src';
import {
  childrenOf,
  currentPathsOf,
  directoryMigrations,
  listOrgUnits,
  pathOn,
  projectOrgTree,
  subtreeOf,
  whereIsUnit,
} from '../../src';
import { organisationEvent, unionRegistered, unitCreated, unitMoved } from '../organisation-event';

/** City m; districts d1, d2; street s1 under d1 with union a; s1 moves to d2 on 2024-01-01. */
const TREE = [
  unitCreated('m', 'municipal', null),
  unitCreated('d1', 'district', 'm'),
  unitCreated('d2', 'district', 'm'),
  unitCreated('s1', 'street', 'm/d1'),
  unionRegistered('a', 'm/d1/s1'),
];
const S1_MOVED = unitMoved('s1', 'federation', 'm/d1', 'm/d2', '2024-01-01');

describe('the org tree in time', () => {
  let db: TestDatabase;
  const project = async (events: EventEnvelope[], hooks?: SubtreeMoveHooks) => {
    const tx: PoolClient = await db.pool.connect();
    try {
      await tx.query('BEGIN');
      for (const event of events) await projectOrgTree(tx, event, hooks);
      await tx.query('COMMIT');
    } finally {
      tx.release();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase(directoryMigrations);
  });
  afterAll(() => db.drop());
  beforeEach(() => db.pool.query('TRUNCATE org_units, org_placements, org_paths'));

  it('places each unit under its parent since always', async () => {
    await project(TREE);

    expect(await whereIsUnit(db.pool, 'a')).toEqual({
      orgUnitId: 'a',
      parentId: 's1',
      kind: 'union',
      orgPath: 'm/d1/s1/a',
      name: 'a工会',
      ended: false,
    });
    expect(await pathOn(db.pool, 's1', '2019-05-01')).toBe('m/d1/s1');
    expect(await childrenOf(db.pool, 'm')).toEqual(['d1', 'd2']);
    expect(await subtreeOf(db.pool, 'd1')).toEqual(['s1', 'a']);
    expect((await listOrgUnits(db.pool, { limit: 10, offset: 0 })).map((u) => u.orgPath)).toEqual([
      'm',
      'm/d1',
      'm/d1/s1',
      'm/d1/s1/a',
      'm/d2',
    ]);
  });

  it('moves a street with its subtree from a date: before it the old paths, from it the new', async () => {
    await project(TREE);
    await project([S1_MOVED]);

    expect((await whereIsUnit(db.pool, 'a'))?.orgPath).toBe('m/d2/s1/a');
    expect((await whereIsUnit(db.pool, 's1'))?.parentId).toBe('d2');
    expect(await pathOn(db.pool, 'a', '2023-12-31')).toBe('m/d1/s1/a');
    expect(await pathOn(db.pool, 'a', '2024-01-01')).toBe('m/d2/s1/a');
    expect(await subtreeOf(db.pool, 'd1', '2023-12-31')).toEqual(['s1', 'a']);
    expect(await subtreeOf(db.pool, 'd1')).toEqual([]);
    expect(await subtreeOf(db.pool, 'd2')).toEqual(['s1', 'a']);
    expect(await childrenOf(db.pool, 'd2', '2024-06-01')).toEqual(['s1']);
    expect(await currentPathsOf(db.pool, ['s1', 'a', 'x'])).toEqual(
      new Map([
        ['s1', 'm/d2/s1'],
        ['a', 'm/d2/s1/a'],
      ]),
    );
  });

  it('calls the hooks around the path change with the whole subtree, once per placement', async () => {
    await project(TREE);
    const seen: string[] = [];
    const hooks: SubtreeMoveHooks = {
      beforePathsChange: async (tx, subtree) => {
        const { rows } = await tx.query<{ org_path: string }>(
          `SELECT org_path FROM org_paths WHERE unit_id = 'a'`,
        );
        seen.push(`before ${subtree.join(',')} ${rows.map((r) => r.org_path).join(',')}`);
      },
      afterPathsChange: async (tx, subtree) => {
        const { rows } = await tx.query<{ org_path: string }>(
          `SELECT org_path FROM org_paths WHERE unit_id = 'a' ORDER BY valid_from`,
        );
        seen.push(`after ${subtree.join(',')} ${rows.map((r) => r.org_path).join(',')}`);
      },
    };
    await project([S1_MOVED, S1_MOVED], hooks);

    expect(seen).toEqual(['before s1,a m/d1/s1/a', 'after s1,a m/d1/s1/a,m/d2/s1/a']);
  });

  it('gives a union that arrives before its street its recorded path until the street comes', async () => {
    await project([unitCreated('m', 'municipal', null), unionRegistered('a', 'm/s9')]);

    expect((await whereIsUnit(db.pool, 'a'))?.orgPath).toBe('m/s9/a');
    expect(await pathOn(db.pool, 'a', '2020-01-01')).toBeNull();

    await project([unitCreated('s9', 'street', 'm')]);

    expect(await pathOn(db.pool, 'a', '2020-01-01')).toBe('m/s9/a');
  });

  it('keeps names and ends, and a creation delivered again undoes nothing', async () => {
    await project(TREE);
    await project([
      S1_MOVED,
      organisationEvent(
        'UnionRenamed',
        { unionId: 'a', previousName: 'a工会', name: '甲工会', effectiveOn: '2024-02-01' },
        { unit: 'a', path: 'm/d2/s1/a', streamId: 'union-a', version: 2 },
      ),
      organisationEvent(
        'UnionDissolved',
        { unionId: 'a', dissolvedOn: '2024-03-01', reason: '企业关闭' },
        { unit: 'a', path: 'm/d2/s1/a', streamId: 'union-a', version: 3 },
      ),
      ...TREE,
    ]);

    expect(await whereIsUnit(db.pool, 'a')).toMatchObject({
      name: '甲工会',
      ended: true,
      orgPath: 'm/d2/s1/a',
    });
    expect((await whereIsUnit(db.pool, 's1'))?.parentId).toBe('d2');
  });
});

import { CreateOrgTreeInTime1765000000000, whereIsUnit } from '@taizhang/directory';
import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase } from '@taizhang/testing';

import { CreateGatewayTables1760100000000 } from '../../../src/migrations/1760100000000-create-gateway-tables';
import { MoveOrgTreeToDirectory1765000000200 } from '../../../src/migrations/1765000000200-move-org-tree-to-directory';

describe('moving the org-tree replica into the directory', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase([
      CreateGatewayTables1760100000000,
      CreateOrgTreeInTime1765000000000,
    ]);
  });
  afterAll(() => db.drop());

  it('keeps every unit where it is now, with its kind, name and end', async () => {
    await db.pool.query(`
      INSERT INTO gateway_org_units (org_unit_id, parent_id, kind, org_path, name, dissolved)
      VALUES ('c', NULL, 'municipal', 'c', '市总工会', false),
             ('d2', 'c', 'district', 'c/d2', '东区总工会', false),
             ('s1', 'd2', 'street', 'c/d2/s1', '街道总工会', false),
             ('u1', 's1', 'union', 'c/d2/s1/u1', '甲工会', true)`);
    const runner = db.dataSource.createQueryRunner();
    try {
      await new MoveOrgTreeToDirectory1765000000200().up(runner);
    } finally {
      await runner.release();
    }

    expect(await whereIsUnit(db.pool, 'u1')).toEqual({
      orgUnitId: 'u1',
      parentId: 's1',
      kind: 'union',
      orgPath: 'c/d2/s1/u1',
      name: '甲工会',
      ended: true,
    });
    expect((await whereIsUnit(db.pool, 's1'))?.orgPath).toBe('c/d2/s1');
    const { rows } = await db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM org_paths WHERE valid_to = 'infinity'`,
    );
    expect(rows[0]?.n).toBe(4);
  });
});

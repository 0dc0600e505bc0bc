import { randomUUID } from 'node:crypto';

import { pathOn } from '@taizhang/directory';
import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase } from '@taizhang/testing';

import { MoveOrgTreeToDirectory1765000000300 } from '../../../src/org-units/migrations/1765000000300-move-org-tree-to-directory';
import { organisationMigrations } from '../../../src/organisation.migrations';

// Rows as the store recorded them before the tree moved; only what the migration reads matters.
const RECORD = `
  INSERT INTO events (stream_id, stream_type, stream_version, event_id, type, schema_version,
    occurred_at, recorded_at, org_unit_id, org_path, data, metadata, prev_hash, hash)
  VALUES ($1, 'org-unit', $2, $3, $4, 1, now(), now(), $5, $6, $7, '{}', '', '')`;

describe('moving the federation units into the org tree in time', () => {
  let db: TestDatabase;
  const record = (type: string, version: number, unit: string, path: string, data: object) =>
    db.pool.query(RECORD, [`org-unit-${unit}`, version, randomUUID(), type, unit, path, data]);

  beforeAll(async () => {
    db = await createTestDatabase(
      organisationMigrations.filter((m) => m !== MoveOrgTreeToDirectory1765000000300),
    );
  });
  afterAll(() => db.drop());

  it('places each unit from its own events: created since always, moved from its date', async () => {
    const created = (id: string, parentId: string | null, orgPath: string) =>
      record('OrgUnitCreated', 1, id, orgPath, { orgUnitId: id, parentId, orgPath, name: id });
    await created('m', null, 'm');
    await created('d1', 'm', 'm/d1');
    await created('d2', 'm', 'm/d2');
    await created('s1', 'd1', 'm/d1/s1');
    await record('OrgUnitMoved', 2, 's1', 'm/d2/s1', {
      orgUnitId: 's1',
      unitKind: 'federation',
      parentId: 'd2',
      orgPath: 'm/d2/s1',
      effectiveOn: '2024-01-01',
    });
    const runner = db.dataSource.createQueryRunner();
    try {
      await new MoveOrgTreeToDirectory1765000000300().up(runner);
    } finally {
      await runner.release();
    }

    expect(await pathOn(db.pool, 's1', '2023-12-31')).toBe('m/d1/s1');
    expect(await pathOn(db.pool, 's1', '2024-01-01')).toBe('m/d2/s1');
    const { rows } = await db.pool.query(`SELECT to_regclass('org_tree') AS t`);
    expect(rows[0]).toEqual({ t: null });
  });
});

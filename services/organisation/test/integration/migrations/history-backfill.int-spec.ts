import { randomUUID } from 'node:crypto';

import type { MigrationInterface } from 'typeorm';

import { eventStoreMigrations } from '@taizhang/event-store';
import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase } from '@taizhang/testing';

import { CreateEmployerCoverage1732000004100 } from '../../../src/employer-coverage/create-employer-coverage.migration';
import { CreateOrgTree1732000005100 } from '../../../src/org-units/migrations/1732000005100-create-org-tree';

/** The migrations that fill a new table from the events stored before it, on such a history. */
describe('migrations that fill a table from history', () => {
  let db: TestDatabase;
  const versions = new Map<string, number>();

  beforeEach(async () => {
    db = await createTestDatabase(eventStoreMigrations);
    versions.clear();
  });
  afterEach(() => db.drop());

  // Written as rows, as a store of that time held them: the migrations read nothing else.
  const stored = async (streamId: string, type: string, data: object) => {
    const version = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, version);
    await db.pool.query(
      `INSERT INTO events (stream_id, stream_type, stream_version, event_id, type, schema_version,
         occurred_at, recorded_at, org_unit_id, org_path, data, metadata, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, 1, now(), now(), 'm1', 'm1', $6, '{}', '', '')`,
      [streamId, streamId.split('-')[0], version, randomUUID(), type, data],
    );
  };
  const migrate = async (migration: MigrationInterface) => {
    const runner = db.dataSource.createQueryRunner();
    try {
      await migration.up(runner);
    } finally {
      await runner.release();
    }
  };

  it('gives each employer to the earliest application of a union neither rejected nor dissolved', async () => {
    const submitted = (unionId: string, employerIds: string[]) =>
      stored(`union-${unionId}`, 'UnionApplicationSubmitted', {
        unionId,
        employerIds,
        name: '工会',
      });
    await submitted('rejected', ['e1']);
    await submitted('first', ['e1', 'e2']);
    await submitted('dissolved', ['e3']);
    await submitted('second', ['e2', 'e3', 'e4']);
    await stored('union-rejected', 'UnionApplicationRejected', { unionId: 'rejected' });
    await stored('union-dissolved', 'UnionDissolved', { unionId: 'dissolved' });

    await migrate(new CreateEmployerCoverage1732000004100());

    const { rows } = await db.pool.query(
      'SELECT employer_id, union_id FROM employer_coverage ORDER BY employer_id',
    );
    expect(rows).toEqual([
      { employer_id: 'e1', union_id: 'first' },
      { employer_id: 'e2', union_id: 'first' },
      { employer_id: 'e3', union_id: 'second' },
      { employer_id: 'e4', union_id: 'second' },
    ]);
  });

  it('fills the org tree from the units created', async () => {
    await stored('org-unit-m1', 'OrgUnitCreated', {
      orgUnitId: 'm1',
      parentId: null,
      orgPath: 'm1',
      name: '沈阳市总工会',
    });
    await stored('org-unit-d1', 'OrgUnitCreated', {
      orgUnitId: 'd1',
      parentId: 'm1',
      orgPath: 'm1/d1',
    });
    await stored('org-unit-d1', 'OrgUnitRenamed', { orgUnitId: 'd1', name: '和平区总工会' });

    await migrate(new CreateOrgTree1732000005100());

    const { rows } = await db.pool.query('SELECT * FROM org_tree ORDER BY org_path');
    expect(rows).toEqual([
      { org_unit_id: 'm1', parent_id: null, org_path: 'm1' },
      { org_unit_id: 'd1', parent_id: 'm1', org_path: 'm1/d1' },
    ]);
  });

  it('creates empty tables on an empty store', async () => {
    await migrate(new CreateEmployerCoverage1732000004100());
    await migrate(new CreateOrgTree1732000005100());

    const counts = await db.pool.query(
      'SELECT (SELECT count(*)::int FROM employer_coverage) AS coverage, (SELECT count(*)::int FROM org_tree) AS tree',
    );
    expect(counts.rows[0]).toEqual({ coverage: 0, tree: 0 });
  });
});

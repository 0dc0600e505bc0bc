import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase } from '@taizhang/testing';

import { childrenAsOf } from '../../../src/as-of/figures-as-of.query';
import { seedLargeRegion } from '../../../src/large-region/large-region.seed';
import { findOrgPath } from '../../../src/org-summary/org-subtree';
import { orgUnitSummary } from '../../../src/org-summary/org-unit-summary.query';
import { reportingMigrations } from '../../../src/reporting.migrations';

/**
 * The benchmark's region, small: its units carry the paths organisation writes (the scope check
 * of a municipal officer reads them), and the municipal figures add up from its unions.
 */
describe('the large-region seed, in a small shape', () => {
  let db: TestDatabase;
  const shape = { districts: 2, streetsPerDistrict: 2, unionsPerStreet: 3, membersPerUnion: 20 };

  beforeAll(async () => {
    db = await createTestDatabase(reportingMigrations);
  });
  afterAll(() => db?.drop());

  it('builds a tree of full paths whose municipal summary is the sum of its unions', async () => {
    const region = await seedLargeRegion(db.pool, shape);

    expect(region).toMatchObject({
      municipalId: 'm',
      aUnionId: 'd1s1u1',
      unions: 12,
      members: 240,
    });
    // d1s1 moved from d1 to d2: its union's path follows it.
    expect(await findOrgPath(db.pool, 'd1s1u1')).toBe('m/d2/d1s1/d1s1u1');
    expect(await findOrgPath(db.pool, 'd1s2u3')).toBe('m/d1/d1s2/d1s2u3');
    expect((await childrenAsOf(db.pool, 'd2', null)).sort()).toEqual(['d1s1', 'd2s1', 'd2s2']);
    expect((await childrenAsOf(db.pool, 'd2', '2024-12-31')).sort()).toEqual(['d2s1', 'd2s2']);

    const unionIds = ['d1', 'd2'].flatMap((d) =>
      [1, 2].flatMap((s) => [1, 2, 3].map((u) => `${d}s${s}u${u}`)),
    );
    const unions = await Promise.all(unionIds.map((id) => orgUnitSummary(db.pool, id)));
    const city = (await orgUnitSummary(db.pool, 'm'))!;
    const sum = (field: 'members' | 'femaleMembers' | 'migrantMembers' | 'newFormMembers') =>
      unions.reduce((total, union) => total + union![field], 0);

    expect(city.unions).toBe(12);
    expect(city.members).toBe(sum('members'));
    expect(city.femaleMembers).toBe(sum('femaleMembers'));
    expect(city.migrantMembers).toBe(sum('migrantMembers'));
    expect(city.newFormMembers).toBe(sum('newFormMembers'));
    // Some left over the years, none vanished: every joiner is counted or has left.
    expect(city.members).toBeGreaterThan(200);
    expect(city.members).toBeLessThanOrEqual(240);
  }, 60_000);
});

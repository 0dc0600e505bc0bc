import type { EventEnvelope } from '@taizhang/contracts';
import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase } from '@taizhang/testing';

import { figuresAt } from '../../../src/org-summary/figures';
import { reportingMigrations } from '../../../src/reporting.migrations';
import { projectAll } from '../../organisation-envelope';
import { reportingDatabaseForSuite } from '../../reporting-database';
import { knownHistory } from './known-history';

const UNITS = ['m', 'd1', 'd2', 's1', 's2', 'a', 'b', 'c'];
const DAYS = ['2024-06-30', '2025-06-30', '2025-11-30', '2025-12-31', null];
const INSTANTS = [
  '2025-11-15T00:00:00.000Z',
  '2026-01-15T00:00:00.000Z',
  // The instant an event was recorded: it is known then.
  '2026-01-20T02:00:00.000Z',
  '2026-01-21T00:00:00.000+08:00',
  '2026-01-23T00:00:00.000Z',
];

describe('figures as known at an instant (DESIGN §7)', () => {
  const db = reportingDatabaseForSuite(knownHistory);
  const everything = async (pool: TestDatabase['pool'], knownAt: string | null) => {
    const found: Record<string, unknown> = {};
    for (const id of UNITS)
      for (const asOf of DAYS) found[`${id}@${asOf}`] = await figuresAt(pool, id, asOf, knownAt);

    return found;
  };

  it('are the figures of a read model that had only the events recorded by then', async () => {
    for (const knownAt of INSTANTS) {
      const oracle = await createTestDatabase(reportingMigrations);
      try {
        const recorded = knownHistory().filter(
          (e: EventEnvelope) => Date.parse(e.recordedAt) <= Date.parse(knownAt),
        );
        await projectAll(oracle.pool, recorded);
        // Not trivially so: late entries changed something of every instant asked.
        expect(await everything(db.pool, knownAt)).not.toEqual(await everything(db.pool, null));
        expect({ knownAt, figures: await everything(db.pool, knownAt) }).toEqual({
          knownAt,
          figures: await everything(oracle.pool, null),
        });
      } finally {
        await oracle.drop();
      }
    }
  }, 120_000);

  it('leaves a late join out before its recording and counts it after; now and the future are the same', async () => {
    const members = async (knownAt: string | null) =>
      (await figuresAt(db.pool, 'a', '2025-12-31', knownAt)).members;

    expect(await members('2026-01-20T01:59:59.999Z')).toBe(2);
    expect(await members('2026-01-20T02:00:00.000Z')).toBe(3);
    expect(await members(null)).toBe(3);
    expect(await figuresAt(db.pool, 'm', '2025-12-31', '2099-01-01T00:00:00Z')).toEqual(
      await figuresAt(db.pool, 'm', '2025-12-31'),
    );
    // Known before the day asked: what was recorded by then (p4's transfer), counted on that day.
    expect(await members('2025-11-15T00:00:00Z')).toBe(1);
    expect((await figuresAt(db.pool, 'b', '2025-12-31', '2025-11-15T00:00:00Z')).members).toBe(1);
  });
});

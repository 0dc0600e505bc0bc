import { randomUUID } from 'node:crypto';

import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase, openTransaction, testInfrastructure } from '@taizhang/testing';

import { counterDecider, increment, orgUnit, registry } from '../../test/counter.fixture';
import { handleCommand } from '../core/handle-command';
import { eventStoreMigrations } from '../postgres/migrations';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import type { LocalProjection } from './local-projection';
import { catchUpProjection, catchUpProjectionToNow, ProjectionLagError } from './local-projection';

describe('catchUpProjection', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const totals: LocalProjection = {
    name: 'counter-totals',
    types: new Set(['CounterIncremented']),
    apply: async (event, tx) => {
      await tx.query(
        `INSERT INTO counter_totals (stream_id, total) VALUES ($1, $2)
         ON CONFLICT (stream_id) DO UPDATE SET total = counter_totals.total + EXCLUDED.total`,
        [event.streamId, (event.data as { by: number }).by],
      );
    },
  };
  const bump = (streamId: string, by: number) =>
    handleCommand(store, {
      streamId,
      streamType: 'counter',
      decider: counterDecider,
      command: increment(by),
      orgUnit,
    });
  const total = async (streamId: string) =>
    (
      await db.pool.query<{ total: number }>(
        'SELECT total FROM counter_totals WHERE stream_id = $1',
        [streamId],
      )
    ).rows[0]?.total;

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations);
    await db.pool.query(
      'CREATE TABLE counter_totals (stream_id text PRIMARY KEY, total integer NOT NULL)',
    );
    store = new PostgresEventStore({ service: 'test', pool: db.pool, registry });
  });
  afterAll(() => db.drop());

  it('applies each committed event once and resumes from its checkpoint', async () => {
    const a = `counter-${randomUUID()}`;
    const b = `counter-${randomUUID()}`;
    for (const by of [1, 2, 3]) await bump(a, by);
    await bump(b, 10);

    await catchUpProjection(store, totals, 2);
    expect([await total(a), await total(b)]).toEqual([6, 10]);

    await bump(a, 4);
    expect(await catchUpProjection(store, totals)).toBe(1);
    expect(await catchUpProjection(store, totals)).toBe(0);
    expect(await total(a)).toBe(10);
  });

  it('lets concurrent catch-ups queue instead of applying an event twice', async () => {
    const c = `counter-${randomUUID()}`;
    await Promise.all([1, 1, 1, 1, 1].map((by) => bump(c, by)));

    await Promise.all([catchUpProjection(store, totals), catchUpProjection(store, totals)]);
    expect(await total(c)).toBe(5);
  });

  it('is not held back by a transaction open in another database of the server', async () => {
    const elsewhere = await openTransaction(testInfrastructure().postgresAdminUrl);
    try {
      const d = `counter-${randomUUID()}`;
      await bump(d, 7);
      await catchUpProjection(store, totals);
      expect(await total(d)).toBe(7);
    } finally {
      await elsewhere.end();
    }
  });

  it('waits for an older transaction of its own database, whose events may come first', async () => {
    const older = await openTransaction(db.url);
    const e = `counter-${randomUUID()}`;
    try {
      await bump(e, 3);
      await catchUpProjection(store, totals);
      expect(await total(e)).toBeUndefined();
      await expect(
        catchUpProjectionToNow(store, totals, { timeoutMs: 100 }),
      ).rejects.toBeInstanceOf(ProjectionLagError);
    } finally {
      await older.end();
    }

    expect(await catchUpProjectionToNow(store, totals)).toBe(1);
    expect(await total(e)).toBe(3);
  });
});

import { randomUUID } from 'node:crypto';

import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase } from '@taizhang/testing';

import { counterDecider, increment, orgUnit, registry } from '../../test/counter.fixture';
import { eventStoreMigrations } from '../postgres/migrations';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { verifyIntegrity } from '../postgres/verify-integrity';
import { ConcurrencyError, IllegalStateError } from './errors';
import { GroupCommit } from './group-commit';
import { handleCommand } from './handle-command';
import { StreamReadBatcher } from './stream-read-batcher';

const command = (streamId: string, by = 1, expectedVersion?: number) => ({
  streamId,
  streamType: 'counter',
  decider: counterDecider,
  command: increment(by),
  orgUnit,
  expectedVersion,
  context: undefined,
});

describe('GroupCommit', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations);
    store = new PostgresEventStore({ service: 'test', pool: db.pool, registry });
  });
  afterAll(() => db.drop());

  it('lets concurrent callers share transactions, each hearing its own outcome', async () => {
    const stale = `counter-${randomUUID()}`;
    await handleCommand(store, command(stale));
    const streams = Array.from({ length: 100 }, () => `counter-${randomUUID()}`);
    const group = new GroupCommit(store, { maxBatch: 40, maxConcurrent: 2 });

    const outcomes = await Promise.allSettled([
      ...streams.map((streamId) => group.submit(command(streamId))),
      group.submit(command(`counter-${randomUUID()}`, 2_000_000)),
      group.submit(command(stale, 1, 0)),
    ]);

    expect(outcomes.slice(0, 100).every((o) => o.status === 'fulfilled')).toBe(true);
    expect(outcomes[100]).toMatchObject({
      status: 'rejected',
      reason: expect.any(IllegalStateError) as unknown,
    });
    expect(outcomes[101]).toMatchObject({
      status: 'rejected',
      reason: expect.any(ConcurrencyError) as unknown,
    });
    const { rows } = await db.pool.query<{ transactions: string; events: string }>(
      `SELECT count(DISTINCT transaction_id)::text AS transactions, count(*)::text AS events
       FROM events WHERE stream_id = ANY($1)`,
      [streams],
    );
    expect(Number(rows[0]!.events)).toBe(100);
    // 100 commands arriving together: at most 40 to a transaction, so 3 or a few more.
    expect(Number(rows[0]!.transactions)).toBeGreaterThanOrEqual(3);
    expect(Number(rows[0]!.transactions)).toBeLessThan(10);
    expect(await verifyIntegrity(db.pool)).toMatchObject({ intact: true });
  });

  it('appends each of many commands on one stream once, in some order', async () => {
    const streamId = `counter-${randomUUID()}`;
    const group = new GroupCommit(store);

    await Promise.all(Array.from({ length: 10 }, () => group.submit(command(streamId))));

    expect((await store.readStream(streamId)).version).toBe(10);
  });
});

describe('StreamReadBatcher', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations);
    store = new PostgresEventStore({ service: 'test', pool: db.pool, registry });
  });
  afterAll(() => db.drop());

  it('answers concurrent reads of streams, asked once or twice or never written, each with its events', async () => {
    const [one, two] = [`counter-${randomUUID()}`, `counter-${randomUUID()}`];
    await handleCommand(store, command(one, 1));
    await handleCommand(store, command(one, 2));
    await handleCommand(store, command(two, 3));
    const reads = new StreamReadBatcher(store);

    const [a, b, c, none] = await Promise.all([
      reads.read(one),
      reads.read(two),
      reads.read(one),
      reads.read(`counter-${randomUUID()}`),
    ]);

    expect(a.map((e) => e.data)).toEqual([
      { by: 1, note: '增加' },
      { by: 2, note: '增加' },
    ]);
    expect(c).toEqual(a);
    expect(b.map((e) => e.streamVersion)).toEqual([1]);
    expect(none).toEqual([]);
  });
});

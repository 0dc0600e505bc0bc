import { randomUUID } from 'node:crypto';

import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase, eventually } from '@taizhang/testing';

import { counterDecider, increment, orgUnit, registry } from '../../test/counter.fixture';
import { ConcurrencyError, IdempotencyKeyReusedError, ValidationError } from '../core/errors';
import { handleCommand } from '../core/handle-command';
import { eventStoreMigrations } from './migrations';
import { PostgresEventStore, START_CHECKPOINT } from './postgres-event-store';

describe('PostgresEventStore', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations, { poolSize: 60 });
    store = new PostgresEventStore({
      service: 'test',
      pool: db.pool,
      registry,
      clock: () => new Date('2026-03-02T09:30:00.000Z'),
    });
  });
  afterAll(() => db.drop());

  const run = (
    streamId: string,
    by: number,
    extra: Parameters<typeof increment>[1] = {},
    expectedVersion?: number,
  ) =>
    handleCommand(store, {
      streamId,
      streamType: 'counter',
      decider: counterDecider,
      command: increment(by, extra),
      orgUnit,
      expectedVersion,
    });

  it('appends, reads back exactly what was written, and records both times', async () => {
    const streamId = `counter-${randomUUID()}`;
    await run(streamId, 1);
    const second = await run(streamId, 2, { occurredAt: new Date('2026-01-15T00:00:00.000Z') });

    const { version, events } = await store.readStream(streamId);
    expect(second.streamVersion).toBe(2);
    expect(version).toBe(2);
    expect(events.map((e) => e.data)).toEqual([
      { by: 1, note: '增加' },
      { by: 2, note: '增加' },
    ]);
    expect(events[1]).toMatchObject({
      occurredAt: '2026-01-15T00:00:00.000Z',
      recordedAt: '2026-03-02T09:30:00.000Z',
      orgPath: orgUnit.path,
      actor: { id: 'user-1', role: 'union_cadre' },
      prevHash: events[0]!.hash,
      prevPosition: events[0]!.position,
    });
  });

  it('lets exactly one of 50 concurrent appends at the same expected version succeed', async () => {
    const streamId = `counter-${randomUUID()}`;
    await run(streamId, 1);

    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, () => run(streamId, 1, {}, 1)),
    );

    const succeeded = outcomes.filter((o) => o.status === 'fulfilled');
    const conflicts = outcomes.filter(
      (o) => o.status === 'rejected' && o.reason instanceof ConcurrencyError,
    );
    expect(succeeded).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    expect((await store.readStream(streamId)).version).toBe(2);
  });

  it('answers a repeated Idempotency-Key with the first result and appends nothing', async () => {
    const streamId = `counter-${randomUUID()}`;
    const first = await run(streamId, 5, { commandId: 'key-1' });
    const again = await run(streamId, 5, { commandId: 'key-1' });

    expect(again).toMatchObject({ streamVersion: 1, eventIds: first.eventIds, replayed: true });
    expect((await store.readStream(streamId)).version).toBe(1);
    await expect(run(streamId, 6, { commandId: 'key-1' })).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
  });

  it('refuses text PostgreSQL cannot store with a validation error, not a crash', async () => {
    await expect(
      handleCommand(store, {
        streamId: `counter-${randomUUID()}`,
        streamType: 'counter',
        decider: counterDecider,
        command: increment(1, {}, 'bad \u0000 text'),
        orgUnit,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('never skips an event whose transaction commits after a later one', async () => {
    const base = await store.readAll(START_CHECKPOINT, 100_000);
    const early = await db.pool.connect();
    try {
      await early.query('BEGIN');
      // The early transaction takes the lower position and stays open.
      const earlyStream = `counter-${randomUUID()}`;
      await early.query(
        `INSERT INTO events (stream_id, stream_type, stream_version, event_id, type, schema_version,
           occurred_at, recorded_at, org_unit_id, org_path, data, metadata, prev_hash, hash)
         VALUES ($1, 'counter', 1, $2, 'CounterIncremented', 1, now(), now(), 'u', 'u', '{}', '{}', '', '')`,
        [earlyStream, randomUUID()],
      );
      const lateStream = `counter-${randomUUID()}`;
      await run(lateStream, 1);

      const whileOpen = await store.readAll(base.checkpoint, 100);
      expect(whileOpen.events.map((e) => e.streamId)).not.toContain(lateStream);

      await early.query('COMMIT');
      // Other suites' transactions on this server may hold the horizon back a moment, and events
      // of this file's other tests may surface here too: follow only this test's two streams.
      const ours = new Set([earlyStream, lateStream]);
      const seen: string[] = [];
      let checkpoint = whileOpen.checkpoint;
      await eventually(
        async () => {
          const read = await store.readAll(checkpoint, 100);
          checkpoint = read.checkpoint;
          seen.push(...read.events.map((e) => e.streamId).filter((id) => ours.has(id)));

          return seen.length;
        },
        (count) => count >= 2,
      );
      expect(seen).toEqual([earlyStream, lateStream]);
    } finally {
      early.release();
    }
  });
});

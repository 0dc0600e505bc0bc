import { randomUUID } from 'node:crypto';

import type { PoolClient } from 'pg';

import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase } from '@taizhang/testing';

import { counterDecider, increment, orgUnit, registry } from '../../test/counter.fixture';
import { handleCommand } from '../core/handle-command';
import { readEventsOfType } from './history-for-migrations';
import { eventStoreMigrations } from './migrations';
import { PostgresEventStore } from './postgres-event-store';
import { readEventsAtVersions, shareStreamHead, shareStreamHeads } from './stream-heads';
import { streamsOfType, streamsWithEventsAt } from './stream-index';

describe('reads of the store besides a stream', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations);
    store = new PostgresEventStore({ service: 'test', pool: db.pool, registry });
  });
  afterAll(() => db.drop());

  const increase = (
    streamId: string,
    by: number,
    options: { streamType?: string; at?: typeof orgUnit; note?: string } = {},
  ) =>
    handleCommand(store, {
      streamId,
      streamType: options.streamType ?? 'counter',
      decider: counterDecider,
      command: increment(by, {}, options.note),
      orgUnit: options.at ?? orgUnit,
    });

  const inTransaction = async <T>(fn: (client: PoolClient) => Promise<T>) => {
    const client = await db.pool.connect();
    await client.query('BEGIN');

    return {
      result: await fn(client),
      commit: async () => {
        await client.query('COMMIT');
        client.release();
      },
    };
  };

  const settledWithin = (promise: Promise<unknown>, ms: number) =>
    Promise.race([
      promise.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
    ]);

  describe('shareStreamHeads', () => {
    it('answers each stream’s version once, 0 for a stream with no events', async () => {
      const [a, b, none] = [1, 2, 3].map(() => `counter-${randomUUID()}`);
      await increase(a!, 1);
      await increase(b!, 1);
      await increase(b!, 2);

      const { result, commit } = await inTransaction((client) =>
        shareStreamHeads(client, [b!, none!, a!, b!]),
      );
      await commit();

      expect(result).toEqual([
        { streamId: b, version: 2 },
        { streamId: none, version: 0 },
        { streamId: a, version: 1 },
      ]);
    });

    it('makes an append to the stream wait until the holder commits', async () => {
      const streamId = `counter-${randomUUID()}`;
      await increase(streamId, 1);
      const holder = await inTransaction((client) => shareStreamHead(client, streamId));

      const append = increase(streamId, 2);

      expect(holder.result).toBe(1);
      expect(await settledWithin(append, 300)).toBe(false);
      await holder.commit();
      await expect(append).resolves.toMatchObject({ streamVersion: 2 });
    });

    it('waits for an append in progress and answers the version it committed', async () => {
      const streamId = `counter-${randomUUID()}`;
      await increase(streamId, 1);
      let commitAppend!: () => void;
      const appending = store.transaction(async (tx) => {
        const { head } = await tx.lockAndReadStream(streamId);
        await tx.append(
          streamId,
          head,
          [{ type: 'CounterIncremented', data: { by: 1, note: '' } }],
          {
            streamType: 'counter',
            orgUnit,
            metadata: increment(1).metadata,
          },
        );
        await new Promise<void>((resolve) => (commitAppend = resolve));
      });
      await new Promise((resolve) => setTimeout(resolve, 100));

      const held = inTransaction((client) => shareStreamHead(client, streamId));

      expect(await settledWithin(held, 300)).toBe(false);
      commitAppend();
      await appending;
      const holder = await held;
      await holder.commit();
      expect(holder.result).toBe(2);
    });

    it('lets two holders of the same head go on together', async () => {
      const streamId = `counter-${randomUUID()}`;
      await increase(streamId, 1);
      const first = await inTransaction((client) => shareStreamHead(client, streamId));
      const second = inTransaction((client) => shareStreamHead(client, streamId));

      expect(await settledWithin(second, 1000)).toBe(true);
      await first.commit();
      await (await second).commit();
    });
  });

  describe('readEventsAtVersions', () => {
    it('reads the event at each version as stored, and none at version 0', async () => {
      const [a, b] = [1, 2].map(() => `counter-${randomUUID()}`);
      await increase(a!, 1, { note: '入会' });
      await increase(a!, 2, { note: '转会' });
      await increase(b!, 5, { note: '合并' });

      const events = await readEventsAtVersions(db.pool, [
        { streamId: a!, version: 2 },
        { streamId: b!, version: 1 },
        { streamId: `counter-${randomUUID()}`, version: 0 },
      ]);

      expect(events).toEqual(
        expect.arrayContaining([
          { streamId: a, version: 2, type: 'CounterIncremented', data: { by: 2, note: '转会' } },
          { streamId: b, version: 1, type: 'CounterIncremented', data: { by: 5, note: '合并' } },
        ]),
      );
      expect(events).toHaveLength(2);
    });
  });

  describe('stream index', () => {
    it('lists the streams of a type with events at an org unit, in stream id order', async () => {
      const unit = { id: `unit-${randomUUID()}`, path: 'm1/d1/s1/unit' };
      const elsewhere = { id: `unit-${randomUUID()}`, path: 'm1/d1/s1/other' };
      const [x, y, moved, away] = ['x', 'y', 'moved', 'away'].map((n) => `${n}-${randomUUID()}`);
      await increase(y!, 1, { at: unit, streamType: 'tally' });
      await increase(x!, 1, { at: unit, streamType: 'tally' });
      await increase(x!, 1, { at: unit, streamType: 'tally' });
      await increase(moved!, 1, { at: unit, streamType: 'tally' });
      await increase(moved!, 1, { at: elsewhere, streamType: 'tally' });
      await increase(away!, 1, { at: elsewhere, streamType: 'tally' });
      await increase(`counter-${randomUUID()}`, 1, { at: unit });

      expect(await streamsWithEventsAt(db.pool, unit.id, 'tally')).toEqual([x, y, moved].sort());
      expect(await streamsOfType(db.pool, 'tally')).toEqual([x, y, moved, away].sort());
    });
  });

  describe('readEventsOfType', () => {
    it('reads history of the given types in position order through a migration’s runner', async () => {
      const streamId = `history-${randomUUID()}`;
      await increase(streamId, 1, { streamType: 'history', note: '第一' });
      await increase(streamId, 2, { streamType: 'history', note: '第二' });
      const runner = db.dataSource.createQueryRunner();

      const history = await readEventsOfType(runner, ['CounterIncremented']).finally(() =>
        runner.release(),
      );

      const ours = history.filter((event) => event.streamId === streamId);
      expect(ours.map((event) => event.data)).toEqual([
        { by: 1, note: '第一' },
        { by: 2, note: '第二' },
      ]);
      expect(BigInt(ours[0]!.position)).toBeLessThan(BigInt(ours[1]!.position));
      expect(await readEventsOfType(db.dataSource.manager, ['NoSuchEvent'])).toEqual([]);
    });
  });
});

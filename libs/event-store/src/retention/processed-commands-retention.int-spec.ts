import { randomUUID } from 'node:crypto';

import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase } from '@taizhang/testing';

import { counterDecider, increment, orgUnit, registry } from '../../test/counter.fixture';
import { handleCommand } from '../core/handle-command';
import { eventStoreMigrations } from '../postgres/migrations';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { ProcessedCommandsRetention } from './processed-commands-retention';

describe('ProcessedCommandsRetention', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const now = new Date('2026-03-02T12:00:00.000Z');
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
  const bump = (streamId: string, commandId: string) =>
    handleCommand(store, {
      streamId,
      streamType: 'counter',
      decider: counterDecider,
      command: increment(1, { commandId }),
      orgUnit,
    });
  const recordedAt = (commandId: string, at: Date) =>
    db.pool.query('UPDATE processed_commands SET recorded_at = $2 WHERE command_id LIKE $1', [
      `%:${commandId}`,
      at,
    ]);
  const keys = async () =>
    (
      await db.pool.query<{ command_id: string }>(
        'SELECT command_id FROM processed_commands ORDER BY command_id',
      )
    ).rows.map((row) => row.command_id.split(':')[1]);

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations);
    store = new PostgresEventStore({ service: 'test', pool: db.pool, registry });
  });
  afterAll(() => db.drop());

  it('prunes keys older than the window in batches and keeps the recent ones, which still replay', async () => {
    const stream = `counter-${randomUUID()}`;
    const old = Array.from({ length: 5 }, (_, i) => `old-${i}`);
    for (const key of [...old, 'recent']) await bump(stream, key);
    for (const key of old) await recordedAt(key, hoursAgo(25));
    await recordedAt('recent', hoursAgo(23));

    const retention = new ProcessedCommandsRetention({
      pool: db.pool,
      clock: () => now,
      batchSize: 2,
    });
    expect(await retention.pruneOnce()).toBe(5);
    expect(await keys()).toEqual(['recent']);

    // Inside the window the key still answers its first answer; after it, a key is a new command.
    expect((await bump(stream, 'recent')).replayed).toBe(true);
    const again = await bump(stream, 'old-0');
    expect(again).toMatchObject({ replayed: false, streamVersion: 7 });
  });

  it('takes its window from the configuration', async () => {
    const stream = `counter-${randomUUID()}`;
    await bump(stream, 'two-hours');
    await recordedAt('two-hours', hoursAgo(2));

    const retention = new ProcessedCommandsRetention({
      pool: db.pool,
      clock: () => now,
      retentionHours: 1,
    });
    // 'recent' of the first test is 23 hours old: past a window of one hour too.
    expect(await retention.pruneOnce()).toBe(2);
    expect(await keys()).toEqual(['old-0']);
  });
});

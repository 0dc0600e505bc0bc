import { randomUUID } from 'node:crypto';

import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase, eventually } from '@taizhang/testing';

import { counterDecider, increment, orgUnit, registry } from '../../test/counter.fixture';
import { eventStoreMigrations } from '../postgres/migrations';
import { PostgresEventStore, START_CHECKPOINT } from '../postgres/postgres-event-store';
import { verifyIntegrity } from '../postgres/verify-integrity';
import type { CommandMetadata } from './decider';
import { ConcurrencyError, IdempotencyKeyReusedError, ValidationError } from './errors';
import { handleCommand } from './handle-command';
import type { CommandOutcome } from './handle-commands';
import { handleCommands } from './handle-commands';

const newStream = () => `counter-${randomUUID()}`;

const command = (
  streamId: string,
  by = 1,
  extra: Partial<CommandMetadata> = {},
  expectedVersion?: number,
  note?: string,
) => ({
  streamId,
  streamType: 'counter',
  decider: counterDecider,
  command: increment(by, extra, note),
  orgUnit,
  expectedVersion,
  context: streamId,
});

const fulfilled = (outcomes: CommandOutcome[]) => outcomes.filter((o) => o.status === 'fulfilled');
const reasons = (outcomes: CommandOutcome[]) =>
  outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));

describe('handleCommands (many streams, one transaction)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const versionOf = async (streamId: string) => (await store.readStream(streamId)).version;
  const countEvents = async (streamIds: string[]) =>
    Number(
      (
        await db.pool.query<{ count: string }>(
          'SELECT count(*) FROM events WHERE stream_id = ANY($1)',
          [streamIds],
        )
      ).rows[0]!.count,
    );

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations, { poolSize: 30 });
    store = new PostgresEventStore({ service: 'test', pool: db.pool, registry });
  });
  afterAll(() => db.drop());

  it('appends to new and existing streams in one transaction, each in its own hash chain', async () => {
    const existing = [newStream(), newStream()];
    for (const streamId of existing) await handleCommand(store, command(streamId, 2));
    const fresh = Array.from({ length: 200 }, newStream);

    const outcomes = await handleCommands(
      store,
      [...existing, ...fresh].map((s) => command(s, 3)),
    );

    expect(fulfilled(outcomes)).toHaveLength(202);
    for (const streamId of existing) expect(await versionOf(streamId)).toBe(2);
    const { events } = await store.readStream(existing[0]!);
    expect(events[1]).toMatchObject({ prevHash: events[0]!.hash, data: { by: 3, note: '增加' } });
    const { rows } = await db.pool.query<{ transaction_id: string }>(
      'SELECT DISTINCT transaction_id::text FROM events WHERE stream_id = ANY($1)',
      [fresh],
    );
    expect(rows).toHaveLength(1);
    expect(await verifyIntegrity(db.pool)).toMatchObject({ intact: true });
  });

  it('fails only the command the rules refuse, or whose expected version is stale', async () => {
    const existing = newStream();
    await handleCommand(store, command(existing));
    const others = Array.from({ length: 5 }, newStream);

    const outcomes = await handleCommands(store, [
      command(others[0]!),
      command(newStream(), 2_000_000),
      command(existing, 1, {}, 0),
      ...others.slice(1).map((s) => command(s)),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect(reasons(outcomes)[0]).toMatchObject({ code: 'COUNTER_LIMIT' });
    expect(reasons(outcomes)[1]).toBeInstanceOf(ConcurrencyError);
    expect(await versionOf(existing)).toBe(1);
    expect(await countEvents(others)).toBe(5);
  });

  it('isolates a row the database refuses: the others are recorded one by one', async () => {
    const good = [newStream(), newStream()];
    const outcomes = await handleCommands(store, [
      command(good[0]!),
      command(newStream(), 1, {}, undefined, 'bad \u0000 text'),
      command(good[1]!),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(reasons(outcomes)[0]).toBeInstanceOf(ValidationError);
    expect(await countEvents(good)).toBe(2);
  });

  it('handles a second command on the same stream after the first, in the same call', async () => {
    const streamId = newStream();
    const outcomes = await handleCommands(store, [command(streamId, 1), command(streamId, 2)]);

    expect(fulfilled(outcomes)).toHaveLength(2);
    expect((await store.readStream(streamId)).events.map((e) => e.streamVersion)).toEqual([1, 2]);
  });

  it('lets exactly one of 20 concurrent batches append at the same expected version, and the rest of every batch goes through', async () => {
    const contested = newStream();
    await handleCommand(store, command(contested));
    const batches = Array.from({ length: 20 }, () => [
      command(contested, 1, {}, 1),
      ...Array.from({ length: 10 }, () => command(newStream())),
    ]);

    const outcomes = await Promise.all(batches.map((batch) => handleCommands(store, batch)));

    const contestedOutcomes = outcomes.map((batch) => batch[0]!);
    expect(fulfilled(contestedOutcomes)).toHaveLength(1);
    expect(reasons(contestedOutcomes).every((r) => r instanceof ConcurrencyError)).toBe(true);
    expect(outcomes.flatMap((batch) => fulfilled(batch.slice(1)))).toHaveLength(200);
    expect(await versionOf(contested)).toBe(2);
    expect(await verifyIntegrity(db.pool)).toMatchObject({ intact: true });
  });

  it('decides again, without losing any, when concurrent batches race on the same streams', async () => {
    const shared = Array.from({ length: 30 }, newStream);
    const batches = Array.from({ length: 8 }, (_, b) =>
      // Every batch lists the streams in another order: locks must still never deadlock for good.
      (b % 2 ? [...shared].reverse() : shared).map((s) => command(s)),
    );

    const outcomes = await Promise.all(batches.map((batch) => handleCommands(store, batch)));

    expect(outcomes.flatMap(fulfilled)).toHaveLength(240);
    for (const streamId of shared) expect(await versionOf(streamId)).toBe(8);
    const { rows } = await db.pool.query<{ count: string; ids: string }>(
      'SELECT count(*), count(DISTINCT event_id) AS ids FROM events WHERE stream_id = ANY($1)',
      [shared],
    );
    expect(rows[0]).toEqual({ count: '240', ids: '240' });
    expect(await verifyIntegrity(db.pool)).toMatchObject({ intact: true });
  });

  it('answers repeated Idempotency-Keys with the first answers and appends nothing', async () => {
    const streams = [newStream(), newStream(), newStream()];
    const batch = streams.map((s, i) => command(s, 1, { commandId: `batch-key-${s}-${i}` }));

    const first = await handleCommands(store, batch);
    const again = await handleCommands(store, batch);
    const reused = await handleCommands(store, [
      command(streams[0]!, 7, { commandId: `batch-key-${streams[0]}-0` }),
    ]);

    expect(fulfilled(first)).toHaveLength(3);
    expect(again.map((o) => o.status === 'fulfilled' && o.value)).toEqual(
      first.map((o) => o.status === 'fulfilled' && { ...o.value, replayed: true, events: [] }),
    );
    expect(reasons(reused)[0]).toBeInstanceOf(IdempotencyKeyReusedError);
    expect(await countEvents(streams)).toBe(3);
  });

  it('runs the batch hook once with every command that appended, inside the transaction', async () => {
    await db.pool.query('CREATE TABLE IF NOT EXISTS batch_side (stream_id text PRIMARY KEY)');
    const streams = [newStream(), newStream()];
    const calls: string[][] = [];

    await handleCommands(store, [...streams.map((s) => command(s)), command(newStream(), 2e6)], {
      withinTransaction: async (tx, appended) => {
        calls.push(appended.map((a) => a.context));
        await tx.client.query('INSERT INTO batch_side SELECT unnest($1::text[])', [
          appended.map((a) => a.context),
        ]);
      },
    });

    expect(calls).toEqual([streams]);
    const { rows } = await db.pool.query('SELECT stream_id FROM batch_side ORDER BY stream_id');
    expect(rows.map((r: { stream_id: string }) => r.stream_id)).toEqual([...streams].sort());
  });

  it('leaves the events table the outbox: a batch is read in commit order once committed', async () => {
    let checkpoint = START_CHECKPOINT;
    for (;;) {
      const read = await store.readAll(checkpoint, 10_000);
      if (read.events.length === 0) break;
      checkpoint = read.checkpoint;
    }
    const streams = Array.from({ length: 3 }, newStream);
    await handleCommands(
      store,
      streams.map((s) => command(s)),
    );

    // Other suites' transactions on this server may hold the commit horizon back a moment.
    const seen: string[] = [];
    await eventually(
      async () => {
        const read = await store.readAll(checkpoint, 100);
        checkpoint = read.checkpoint;
        seen.push(...read.events.map((e) => e.streamId).filter((id) => streams.includes(id)));

        return seen.length;
      },
      (count) => count >= 3,
    );
    expect(seen).toEqual(streams);
  });
});

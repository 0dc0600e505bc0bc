import { randomUUID } from 'node:crypto';

import {
  eventStoreMigrations,
  PostgresEventStore,
  ProjectionLagError,
} from '@taizhang/event-store';
import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase, openTransaction } from '@taizhang/testing';

import type { DisputeClockHooks } from '../test/dispute.fixture';
import {
  answerClock,
  chinaDate,
  disputeRegistry,
  officer,
  reviewClock,
  runDisputeCommand,
} from '../test/dispute.fixture';
import type { DeadlineClock } from './deadline-clock';
import type { DeadlineClocksOptions } from './deadline-clocks';
import { DeadlineClocks } from './deadline-clocks';
import { deadlinesMigrations } from './migrations';

describe('deadline clocks', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  // The controllable clock every runner of this suite reads.
  let now = new Date('2026-01-01T04:00:00Z');
  const at = (instant: string) => {
    now = new Date(instant);
  };
  const clocksOf = (
    clocks: readonly DeadlineClock[],
    options: Partial<DeadlineClocksOptions> = {},
  ) => new DeadlineClocks(store, { clocks, businessDate: chinaDate, now: () => now, ...options });
  const twoClocks = (hooks?: DisputeClockHooks) => clocksOf([answerClock(hooks), reviewClock()]);

  const register = async (receivedOn: string): Promise<string> => {
    const disputeId = randomUUID();
    await runDisputeCommand(store, {
      type: 'RegisterDispute',
      data: { disputeId, receivedOn },
      metadata: officer(new Date(`${receivedOn}T02:00:00Z`)),
    });

    return disputeId;
  };
  const settle = (type: 'AnswerDispute' | 'WithdrawDispute' | 'CloseDispute', disputeId: string) =>
    runDisputeCommand(store, { type, data: { disputeId }, metadata: officer(now) });
  const recorded = async (disputeId: string, type: string): Promise<string[]> => {
    const { rows } = await db.pool.query<{ data: Record<string, string> }>(
      'SELECT data FROM events WHERE stream_id = $1 AND type = $2 ORDER BY position',
      [`dispute-${disputeId}`, type],
    );

    return rows.map(({ data }) => data['dueOn'] ?? data['reviewedOn']!);
  };
  const ran = async (clocks: DeadlineClocks, clock: string) => (await clocks.runDue(clock)).ran;

  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations, ...deadlinesMigrations]);
    store = new PostgresEventStore({ service: 'rights', pool: db.pool, registry: disputeRegistry });
  });
  afterAll(() => db.drop());

  it('keeps two clocks in one service: a 20-day answer and a yearly re-check', async () => {
    const late = await register('2026-03-01');
    const answered = await register('2026-03-01');
    const closed = await register('2026-03-01');
    const clocks = twoClocks();

    at('2026-03-20T10:00:00Z');
    await settle('AnswerDispute', answered);
    expect(await clocks.tick()).toEqual([
      { clock: 'dispute-answer', ran: 0, refused: 0, failed: [] },
      { clock: 'dispute-review', ran: 0, refused: 0, failed: [] },
    ]);
    at('2026-03-21T10:00:00Z');
    expect(await ran(clocks, 'dispute-answer')).toBe(2);
    expect(await ran(clocks, 'dispute-answer')).toBe(0);
    expect(await recorded(late, 'DisputeOverdue')).toEqual(['2026-03-21']);
    expect(await recorded(answered, 'DisputeOverdue')).toEqual([]);

    // Each review starts the next year's; a closed dispute is reviewed no more.
    at('2027-03-01T10:00:00Z');
    expect(await ran(clocks, 'dispute-review')).toBe(3);
    await settle('CloseDispute', closed);
    at('2028-02-29T10:00:00Z');
    expect(await ran(clocks, 'dispute-review')).toBe(0);
    at('2028-03-01T10:00:00Z');
    expect(await ran(clocks, 'dispute-review')).toBe(2);
    expect(await recorded(late, 'DisputeReviewed')).toEqual(['2027-03-01', '2028-03-01']);
    expect(await recorded(closed, 'DisputeReviewed')).toEqual(['2027-03-01']);
    expect(await recorded(closed, 'DisputeOverdue')).toEqual(['2026-03-21']);
  });

  it('comes due when the business date in China turns, not at midnight UTC', async () => {
    const dispute = await register('2026-04-01');
    const clocks = twoClocks();

    at('2026-04-20T15:59:59Z');
    expect(await ran(clocks, 'dispute-answer')).toBe(0);
    at('2026-04-20T16:00:00Z');
    expect(await ran(clocks, 'dispute-answer')).toBe(1);
    expect(await recorded(dispute, 'DisputeOverdue')).toEqual(['2026-04-21']);
  });

  it('runs each due command once while several instances run at the same time', async () => {
    const disputes = await Promise.all(Array.from({ length: 12 }, () => register('2026-05-01')));
    const instances = [twoClocks(), twoClocks(), twoClocks()];

    at('2026-05-21T10:00:00Z');
    const runs = await Promise.all(instances.map((clocks) => clocks.runDue('dispute-answer')));
    expect(runs.reduce((sum, run) => sum + run.ran, 0)).toBe(12);
    for (const dispute of disputes)
      expect(await recorded(dispute, 'DisputeOverdue')).toEqual(['2026-05-21']);
  });

  it('replays the first answer when a crash came between the command and its mark', async () => {
    const dispute = await register('2026-06-01');
    const crashes = new Set([dispute]);
    const clocks = twoClocks({
      afterCommand: ({ key }) => {
        if (crashes.delete(key)) throw new Error('the connection dropped after the commit');
      },
    });

    at('2026-06-21T10:00:00Z');
    const crashed = await clocks.runDue('dispute-answer');
    expect(crashed.ran).toBe(0);
    expect(crashed.failed.map(({ key }) => key)).toEqual([dispute]);
    expect(await ran(clocks, 'dispute-answer')).toBe(1);
    expect(await ran(clocks, 'dispute-answer')).toBe(0);
    expect(await recorded(dispute, 'DisputeOverdue')).toEqual(['2026-06-21']);
  });

  it('takes a refusal of the rules as handled, and does not ask again', async () => {
    const withdrawn = await register('2026-07-01');
    await settle('WithdrawDispute', withdrawn);
    const clocks = twoClocks();

    at('2026-07-21T10:00:00Z');
    expect(await clocks.runDue('dispute-answer')).toEqual({
      clock: 'dispute-answer',
      ran: 0,
      refused: 1,
      failed: [],
    });
    expect((await clocks.runDue('dispute-answer')).refused).toBe(0);
    expect(await recorded(withdrawn, 'DisputeOverdue')).toEqual([]);
  });

  it('finds what came due before it was declared: a new clock reads the whole store', async () => {
    const dispute = await register('2026-08-01');
    await settle('AnswerDispute', dispute);
    at('2027-08-01T10:00:00Z');
    const declaredLater = clocksOf([reviewClock('dispute-review-declared-later')]);

    expect(await ran(declaredLater, 'dispute-review-declared-later')).toBeGreaterThan(0);
    expect(await ran(declaredLater, 'dispute-review-declared-later')).toBe(0);
    expect(await recorded(dispute, 'DisputeReviewed')).toEqual(['2027-08-01']);
  });

  it('never decides on a lagging projection: it fails the run, and the next one catches up', async () => {
    // A transaction of the store's database that holds a transaction id and stays open.
    const older = await openTransaction(db.url);
    const dispute = await register('2026-09-01');
    const clocks = twoClocks();
    const impatient = clocksOf([answerClock(), reviewClock()], { catchUpTimeoutMs: 100 });

    at('2026-09-21T10:00:00Z');
    try {
      await expect(impatient.runDue('dispute-answer')).rejects.toBeInstanceOf(ProjectionLagError);
      const tick = await impatient.tick();
      expect(tick.map((run) => 'error' in run && run.error)).toEqual([
        expect.any(ProjectionLagError),
        expect.any(ProjectionLagError),
      ]);
    } finally {
      await older.end();
    }
    expect(await ran(clocks, 'dispute-answer')).toBe(1);
    expect(await recorded(dispute, 'DisputeOverdue')).toEqual(['2026-09-21']);
  });
});

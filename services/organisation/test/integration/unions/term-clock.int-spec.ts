import { randomUUID } from 'node:crypto';

import { organisationRegistry } from '@taizhang/contracts';
import { DeadlineClocks } from '@taizhang/deadlines';
import { businessDate } from '@taizhang/domain';
import type { CommandMetadata } from '@taizhang/event-store';
import { PostgresEventStore, ProjectionLagError } from '@taizhang/event-store';
import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase, openTransaction, testInfrastructure } from '@taizhang/testing';

import { organisationMigrations } from '../../../src/organisation.migrations';
import { unionTermClock } from '../../../src/unions/term-clock/union-term.clock';
import type { UnionCommand } from '../../../src/unions/union.commands';
import { runUnionCommand } from '../../../src/unions/union-streams';

const at = (day: string): CommandMetadata => ({
  now: new Date(`${day}T04:00:00Z`),
  actorId: 'officer-1',
  actorRole: 'federation_officer',
  correlationId: randomUUID(),
});
const committee = [
  { name: '张伟', post: 'chair' as const },
  { name: '李娜', post: 'member' as const },
  { name: '王强', post: 'member' as const },
];

describe('the term clock (换届预警)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  const run = (unionId: string, command: UnionCommand) => runUnionCommand(store, unionId, command);
  /** One run of the term clock at `now`, as the app's clocks run it; how many terms it warned of. */
  const recordExpiredTerms = async (
    now: Date,
    { catchUpTimeoutMs }: { catchUpTimeoutMs?: number } = {},
  ): Promise<number> => {
    const clocks = new DeadlineClocks(store, {
      clocks: [unionTermClock],
      businessDate,
      now: () => now,
      catchUpTimeoutMs,
    });

    return (await clocks.runDue(unionTermClock.name)).ran;
  };
  /** Founds a union on `day` with a term of three years. */
  const found = async (day: string): Promise<string> => {
    const unionId = randomUUID();
    const employerId = randomUUID();
    await run(unionId, {
      type: 'SubmitUnionApplication',
      data: {
        unionId,
        proposedName: `工会${unionId.slice(0, 4)}`,
        parent: { id: 's1', kind: 'street', orgPath: 'm1/d1/s1' },
        employerIds: [employerId],
        employers: [{ id: employerId, status: 'Open', orgPath: `m1/d1/s1/${employerId}` }],
        preparatoryGroup: committee.map(({ name }) => ({ name, role: '成员' })),
      },
      metadata: at(day),
    });
    await run(unionId, { type: 'ApproveUnionApplication', data: {}, metadata: at(day) });
    await run(unionId, {
      type: 'HoldFoundingCongress',
      data: { heldOn: day, entitledVoters: 30, present: 25, committee, termYears: 3 },
      metadata: at(day),
    });

    return unionId;
  };
  const expiries = async (unionId: string): Promise<number> => {
    const { rows } = await db.pool.query<{ count: string }>(
      `SELECT count(*) FROM events WHERE stream_id = $1 AND type = 'UnionTermExpired'`,
      [`union-${unionId}`],
    );

    return Number(rows[0]!.count);
  };

  beforeAll(async () => {
    db = await createTestDatabase(organisationMigrations);
    store = new PostgresEventStore({
      service: 'organisation',
      pool: db.pool,
      registry: organisationRegistry,
    });
  });
  afterAll(() => db.drop());

  it('warns once for a term that ran out, not for a re-elected or dissolved union or a running term', async () => {
    const lapsed = await found('2020-01-10');
    const reElected = await found('2020-01-10');
    await run(reElected, {
      type: 'HoldElection',
      data: { heldOn: '2023-01-05', entitledVoters: 30, present: 25, committee, termYears: 3 },
      metadata: at('2023-01-05'),
    });
    await run(reElected, { type: 'ApproveElection', data: {}, metadata: at('2023-01-06') });
    const dissolved = await found('2020-01-10');
    await run(dissolved, {
      type: 'DissolveUnion',
      data: { reason: '企业注销', dissolvedOn: '2022-06-30' },
      metadata: at('2022-06-30'),
    });
    const running = await found('2022-05-01');

    // The lapsed term ended on 2023-01-09: on that day nothing happens, the next day it is warned.
    expect(await recordExpiredTerms(new Date('2023-01-09T10:00:00Z'))).toBe(0);
    expect(await recordExpiredTerms(new Date('2023-01-10T10:00:00Z'))).toBe(1);
    expect(await recordExpiredTerms(new Date('2023-01-11T10:00:00Z'))).toBe(0);

    expect(await expiries(lapsed)).toBe(1);
    expect(await expiries(reElected)).toBe(0);
    expect(await expiries(dissolved)).toBe(0);
    expect(await expiries(running)).toBe(0);
  });

  it('warns on time while another database on the server holds a transaction open', async () => {
    const elsewhere = await openTransaction(testInfrastructure().postgresAdminUrl);
    try {
      const lapsed = await found('2019-03-01');

      expect(await recordExpiredTerms(new Date('2022-03-02T10:00:00Z'))).toBe(1);
      expect(await expiries(lapsed)).toBe(1);
    } finally {
      await elsewhere.end();
    }
  });

  it('refuses to decide while its own database holds an older transaction open, and warns once it ends', async () => {
    const older = await openTransaction(db.url);
    const lapsed = await found('2018-05-01');
    try {
      // The union's events wait behind the open transaction: no silent "nothing due".
      await expect(
        recordExpiredTerms(new Date('2021-05-02T10:00:00Z'), { catchUpTimeoutMs: 100 }),
      ).rejects.toBeInstanceOf(ProjectionLagError);
    } finally {
      await older.end();
    }

    expect(await recordExpiredTerms(new Date('2021-05-02T10:00:00Z'))).toBe(1);
    expect(await expiries(lapsed)).toBe(1);
  });

  it('keeps the old term’s deadline after a rejected re-election, and restarts it on an approval', async () => {
    const elect = (unionId: string, heldOn: string) =>
      run(unionId, {
        type: 'HoldElection',
        data: { heldOn, entitledVoters: 30, present: 25, committee, termYears: 3 },
        metadata: at(heldOn),
      });
    const reject = (unionId: string, rejectedOn: string) =>
      run(unionId, {
        type: 'RejectElection',
        data: { rejectedOn, reason: '候选人未经民主推荐' },
        metadata: at(rejectedOn),
      });
    const refused = await found('2024-02-01');
    await elect(refused, '2027-01-20');
    await reject(refused, '2027-01-25');
    const reElected = await found('2024-02-01');
    await elect(reElected, '2027-01-20');
    await reject(reElected, '2027-01-22');
    await elect(reElected, '2027-01-28');
    // Entered after the term ran out, dated the day the higher union approved.
    await run(reElected, {
      type: 'ApproveElection',
      data: { approvedOn: '2027-01-29' },
      metadata: at('2027-02-05'),
    });

    // Both terms ended on 2027-01-31; only the refused union's is warned of (the earlier tests'
    // unions fall due by then too).
    await recordExpiredTerms(new Date('2027-02-01T10:00:00Z'));
    expect(await expiries(refused)).toBe(1);
    expect(await expiries(reElected)).toBe(0);
  });
});

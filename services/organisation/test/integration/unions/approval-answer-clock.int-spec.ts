import { randomUUID } from 'node:crypto';

import { organisationRegistry } from '@taizhang/contracts';
import { DeadlineClocks } from '@taizhang/deadlines';
import { businessDate } from '@taizhang/domain';
import type { CommandMetadata } from '@taizhang/event-store';
import { PostgresEventStore } from '@taizhang/event-store';
import { recordAmendment } from '@taizhang/rules';
import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase } from '@taizhang/testing';

import { organisationMigrations } from '../../../src/organisation.migrations';
import { approvalAnswerClock } from '../../../src/unions/answer-clock/approval-answer.clock';
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

// The higher union answers within the rule's time (DESIGN §9): a controllable clock, the real
// PostgreSQL store, the clock's runner as the app runs it.
describe('the answer clock (批复时限)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  const run = (unionId: string, command: UnionCommand) => runUnionCommand(store, unionId, command);
  /** One run of the clock on `day` (10:00 UTC, 18:00 in China), by a runner of its own. */
  const tick = async (day: string): Promise<number> =>
    (
      await new DeadlineClocks(store, {
        clocks: [approvalAnswerClock],
        businessDate,
        now: () => new Date(`${day}T10:00:00Z`),
      }).runDue(approvalAnswerClock.name)
    ).ran;
  const apply = async (day: string, region = 'm1'): Promise<string> => {
    const unionId = randomUUID();
    const employerId = randomUUID();
    await run(unionId, {
      type: 'SubmitUnionApplication',
      data: {
        unionId,
        proposedName: `工会${unionId.slice(0, 4)}`,
        parent: { id: 's1', kind: 'street', orgPath: `${region}/d1/s1` },
        employerIds: [employerId],
        employers: [{ id: employerId, status: 'Open', orgPath: `${region}/d1/s1/${employerId}` }],
        preparatoryGroup: committee.map(({ name }) => ({ name, role: '成员' })),
        submittedOn: day,
      },
      metadata: at(day),
    });

    return unionId;
  };
  const registered = async (): Promise<string> => {
    const unionId = randomUUID();
    await run(unionId, {
      type: 'RegisterUnion',
      data: {
        unionId,
        name: `存量工会${unionId.slice(0, 4)}`,
        establishedOn: '2010-01-01',
        parent: { id: 's1', kind: 'street', orgPath: 'm1/d1/s1' },
      },
      metadata: at('2010-01-01'),
    });

    return unionId;
  };
  const elect = (unionId: string, heldOn: string) =>
    run(unionId, {
      type: 'HoldElection',
      data: { heldOn, entitledVoters: 30, present: 25, committee, termYears: 5 },
      metadata: at(heldOn),
    });
  const overdue = async (unionId: string) =>
    (
      await db.pool.query<{ data: Record<string, unknown> }>(
        `SELECT data FROM events WHERE stream_id = $1 AND type = 'ApprovalOverdue' ORDER BY position`,
        [`union-${unionId}`],
      )
    ).rows.map((row) => row.data);

  beforeEach(async () => {
    db = await createTestDatabase(organisationMigrations);
    store = new PostgresEventStore({
      service: 'organisation',
      pool: db.pool,
      registry: organisationRegistry,
    });
  });
  afterEach(() => db.drop());

  it('raises nothing on day 14, the overdue event on day 15, once, also after a restart', async () => {
    const waiting = await apply('2026-03-01');

    expect(await tick('2026-03-15')).toBe(0);
    expect(await overdue(waiting)).toEqual([]);
    expect(await tick('2026-03-16')).toBe(1);
    // A restarted runner (a new instance over the same table), the same day and the next.
    expect(await tick('2026-03-16')).toBe(0);
    expect(await tick('2026-03-17')).toBe(0);

    expect(await overdue(waiting)).toEqual([
      {
        unionId: waiting,
        subject: 'application',
        waitingSince: '2026-03-01',
        dueOn: '2026-03-16',
        replyDays: 15,
        ruleSet: { region: 'national', version: 1 },
      },
    ]);
  });

  it('raises nothing for an application or an election answered in time', async () => {
    const approved = await apply('2026-03-01');
    await run(approved, {
      type: 'ApproveUnionApplication',
      data: { approvedOn: '2026-03-10' },
      metadata: at('2026-03-10'),
    });
    const rejected = await apply('2026-03-01');
    await run(rejected, {
      type: 'RejectUnionApplication',
      data: { reason: '材料不全' },
      metadata: at('2026-03-15'),
    });
    const reElected = await registered();
    await elect(reElected, '2026-03-01');
    await run(reElected, {
      type: 'ApproveElection',
      data: { approvedOn: '2026-03-16' },
      metadata: at('2026-03-16'),
    });

    expect(await tick('2026-03-16')).toBe(0);
    expect(await tick('2026-04-30')).toBe(0);
    for (const unionId of [approved, rejected, reElected])
      expect(await overdue(unionId)).toEqual([]);
  });

  it('raises an election left waiting, and starts again for a new election after a rejection', async () => {
    const waiting = await registered();
    await elect(waiting, '2026-03-01');
    const refused = await registered();
    await elect(refused, '2026-03-01');
    await run(refused, {
      type: 'RejectElection',
      data: { rejectedOn: '2026-03-05', reason: '候选人未经民主推荐' },
      metadata: at('2026-03-05'),
    });
    await elect(refused, '2026-03-10');

    expect(await tick('2026-03-16')).toBe(1);
    expect(await tick('2026-03-24')).toBe(0);
    expect(await tick('2026-03-25')).toBe(1);

    expect(await overdue(waiting)).toMatchObject([
      { subject: 'election', waitingSince: '2026-03-01', dueOn: '2026-03-16' },
    ]);
    expect(await overdue(refused)).toMatchObject([
      { subject: 'election', waitingSince: '2026-03-10', dueOn: '2026-03-25' },
    ]);
  });

  it('counts the days of the regional rule in force when the wait began, and records its version', async () => {
    await recordAmendment(store, {
      type: 'AmendRuleSet',
      data: {
        region: 'm2',
        version: 2,
        effectiveFrom: '2026-01-01',
        changes: { committee: { congressReplyDays: 10 } },
        reason: '市总工会关于缩短批复时限的通知',
      },
      metadata: at('2025-12-01'),
    });
    const before = await apply('2025-12-20', 'm2');
    const after = await apply('2026-03-01', 'm2');

    expect(await tick('2026-01-03')).toBe(0);
    expect(await tick('2026-01-04')).toBe(1);
    expect(await tick('2026-03-10')).toBe(0);
    expect(await tick('2026-03-11')).toBe(1);

    expect(await overdue(before)).toMatchObject([
      { dueOn: '2026-01-04', replyDays: 15, ruleSet: { region: 'm2', version: 1 } },
    ]);
    expect(await overdue(after)).toMatchObject([
      { dueOn: '2026-03-11', replyDays: 10, ruleSet: { region: 'm2', version: 2 } },
    ]);
  });
});

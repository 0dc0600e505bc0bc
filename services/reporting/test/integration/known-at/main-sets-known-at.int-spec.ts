import type { PoolClient } from 'pg';

import type { EventEnvelope } from '@taizhang/contracts';
import { rightsRegistry, Topics } from '@taizhang/contracts';
import { EventContext, writeDeferredBatches } from '@taizhang/messaging';
import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase } from '@taizhang/testing';

import { ANSWER_FIGURES, figuresAsOf } from '../../../src/as-of';
import { figuresAt } from '../../../src/org-summary';
import { reportingConsumers } from '../../../src/reporting.consumers';
import { reportingMigrations } from '../../../src/reporting.migrations';
import { rightsFiguresAsOf } from '../../../src/rights-figures';
import { organisationEnvelope, orgUnitCreated, projectAll } from '../../organisation-envelope';

const rule = { region: 'national', version: 1 };
const at = (recordedAt: string) => ({ recordedAt, occurredAt: recordedAt });
/** An event of rights' topic for union a, recorded at `recordedAt`. */
const rights = (type: string, data: object, recordedAt: string): EventEnvelope =>
  organisationEnvelope(
    type,
    'm/d/a',
    { unionId: 'a', ...data },
    { service: 'rights', ...at(recordedAt) },
  );
const registered = (disputeId: string, acceptedOn: string, recordedAt: string) =>
  rights(
    'DisputeRegistered',
    {
      disputeId,
      category: 'overtime',
      claimants: [{ memberId: null, name: '王芳' }],
      amountClaimedFen: 100_000,
      acceptedOn,
      arbitrationEligibleOn: acceptedOn,
      ruleSet: rule,
    },
    recordedAt,
  );
const congress = (congressId: string, heldOn: string, recordedAt: string) =>
  rights(
    'CongressHeld',
    {
      congressId,
      kind: 'workers',
      heldOn,
      delegatesEntitled: 30,
      delegatesPresent: 25,
      ruleSet: rule,
    },
    recordedAt,
  );

/**
 * The figure sets that came to reporting beside organisation's (rights 维权, answers overdue
 * 逾期未批复) answer as known at an instant too: what was recorded after it is left out.
 */
describe('figures of the sets from other topics, as known at an instant (knownAt)', () => {
  let db: TestDatabase;
  const [, RightsConsumer] = reportingConsumers;
  const deliver = async (...events: EventEnvelope[]) => {
    const client: PoolClient = await db.pool.connect();
    try {
      await client.query('BEGIN');
      const source = { topic: Topics.rights, partition: 0, offset: '0', groupId: 'test' };
      for (const event of events) {
        const data = rightsRegistry.validate(event.type, 1, event.data);
        await new RightsConsumer!().onEvent({ ...event, data }, new EventContext([client, source]));
      }
      await writeDeferredBatches(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase(reportingMigrations);
    await projectAll(db.pool, [
      orgUnitCreated('m', 'municipal', null, 'm'),
      orgUnitCreated('d', 'district', 'm', 'm/d'),
      organisationEnvelope(
        'UnionRegistered',
        'm/d/a',
        {
          unionId: 'a',
          name: 'a工会',
          parentId: 'd',
          establishedOn: '2020-01-01',
          orgPath: 'm/d/a',
        },
        at('2025-12-01T00:00:00.000Z'),
      ),
    ]);
    // x1 entered on its day; x2, accepted in March, entered only in May, and agreed then.
    await deliver(
      registered('x1', '2026-03-01', '2026-03-01T02:00:00.000Z'),
      congress('k1', '2026-04-01', '2026-04-01T02:00:00.000Z'),
      registered('x2', '2026-03-05', '2026-05-20T02:00:00.000Z'),
      rights(
        'DisputeAgreed',
        { disputeId: 'x2', agreedOn: '2026-03-20', amountRecoveredFen: 500 },
        '2026-05-20T03:00:00.000Z',
      ),
      // An earlier session of the year entered late moves the union's day.
      congress('k0', '2026-02-01', '2026-05-21T02:00:00.000Z'),
    );
  });
  afterAll(() => db.drop());

  it('leaves out a dispute recorded after knownAt, though its date is before the day asked', async () => {
    const known = (knownAt: string | null) =>
      rightsFiguresAsOf(db.pool, 'm', '2026-03-31', { knownAt });

    expect(await known('2026-04-30T00:00:00Z')).toMatchObject({
      disputesReceived: 1,
      disputesAgreed: 0,
      amountRecoveredFen: 0,
      mediationSuccessRate: null,
    });
    // Known since its recording, and now.
    expect(await known('2026-05-20T02:30:00Z')).toMatchObject({
      disputesReceived: 2,
      disputesAgreed: 0,
    });
    expect(await known(null)).toMatchObject({
      disputesReceived: 2,
      disputesAgreed: 1,
      amountRecoveredFen: 500,
      mediationSuccessRate: 1,
    });
    // Before anything of rights was recorded: nothing.
    expect(await known('2026-02-01T00:00:00Z')).toMatchObject({ disputesReceived: 0 });
  });

  it('keeps a union’s congress day as known then: the late earlier session counts only from its recording', async () => {
    const congressOn = async (asOf: string, knownAt: string | null) =>
      (await rightsFiguresAsOf(db.pool, 'd', asOf, { knownAt })).unionsWithCongressThisYear;

    expect(await congressOn('2026-03-01', '2026-05-01T00:00:00Z')).toBe(0);
    expect(await congressOn('2026-04-15', '2026-05-01T00:00:00Z')).toBe(1);
    expect(await congressOn('2026-03-01', null)).toBe(1);
    expect(await congressOn('2026-04-15', null)).toBe(1);
  });

  it('answers the summary’s rights figures and answersOverdue as known then, and what the district owes itself', async () => {
    await projectAll(db.pool, [
      organisationEnvelope(
        'ApprovalOverdue',
        'm/d/a',
        {
          unionId: 'a',
          subject: 'election',
          waitingSince: '2026-02-01',
          dueOn: '2026-02-16',
          replyDays: 15,
          ruleSet: rule,
        },
        at('2026-05-25T00:00:00.000Z'),
      ),
    ]);
    const before = await figuresAt(db.pool, 'm', '2026-03-31', '2026-04-30T00:00:00Z');
    const now = await figuresAt(db.pool, 'm', '2026-03-31');

    expect(before).toMatchObject({ disputesReceived: 1, answersOverdue: 0 });
    expect(now).toMatchObject({ disputesReceived: 2, disputesAgreed: 1, answersOverdue: 1 });
    // The district owes the answer itself (heldDirectly's figure): not yet known in April.
    const owed = (knownAt: string | null) =>
      figuresAsOf(db.pool, ANSWER_FIGURES, 'd', '2026-03-31', undefined, 'unit', knownAt);
    expect(await owed('2026-04-30T00:00:00Z')).toEqual({ answers_overdue: 0 });
    expect(await owed('2026-05-25T00:00:00Z')).toEqual({ answers_overdue: 1 });
  });
});

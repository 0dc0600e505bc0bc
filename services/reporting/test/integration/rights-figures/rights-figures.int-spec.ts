import type { PoolClient } from 'pg';

import type { EventEnvelope } from '@taizhang/contracts';
import { rightsRegistry, Topics } from '@taizhang/contracts';
import { EventContext, writeDeferredBatches } from '@taizhang/messaging';
import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase } from '@taizhang/testing';

import { reportingConsumers } from '../../../src/reporting.consumers';
import { reportingMigrations } from '../../../src/reporting.migrations';
import { rightsFiguresAsOf } from '../../../src/rights-figures';
import {
  federationUnitMoved,
  organisationEnvelope,
  orgUnitCreated,
  projectAll,
} from '../../organisation-envelope';

const union = (id: string, parentId: string, orgPath: string) =>
  organisationEnvelope('UnionRegistered', orgPath, {
    unionId: id,
    name: `${id}工会`,
    parentId,
    establishedOn: '2020-01-01',
    orgPath,
  });
const rule = { region: 'national', version: 1 };
const PATHS: Record<string, string> = {
  a: 'm/d1/a',
  b: 'm/d2/b',
  c: 'm/d3/s9/c',
  e: 'm/d1/e',
  f: 'm/d2/f',
};
/** An event of rights' topic for union `unionId` (a or b). */
const rights = (type: string, unionId: string, data: object): EventEnvelope =>
  organisationEnvelope(type, PATHS[unionId]!, { unionId, ...data }, { service: 'rights' });
const registered = (unionId: string, disputeId: string, acceptedOn: string) =>
  rights('DisputeRegistered', unionId, {
    disputeId,
    category: 'overtime',
    claimants: [{ memberId: null, name: '王芳' }],
    amountClaimedFen: 100_000,
    acceptedOn,
    arbitrationEligibleOn: acceptedOn,
    ruleSet: rule,
  });
const congress = (unionId: string, congressId: string, heldOn: string) =>
  rights('CongressHeld', unionId, {
    congressId,
    kind: 'workers',
    heldOn,
    delegatesEntitled: 30,
    delegatesPresent: 25,
    ruleSet: rule,
  });

/** 维权指标 from taizhang.rights.v1: by date and subtree, each event counted once. */
describe('rights figures (reporting)', () => {
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
  const figures = (unit: string, asOf: string | null) => rightsFiguresAsOf(db.pool, unit, asOf);

  beforeAll(async () => {
    db = await createTestDatabase(reportingMigrations);
    await projectAll(db.pool, [
      orgUnitCreated('m', 'municipal', null, 'm'),
      orgUnitCreated('d1', 'district', 'm', 'm/d1'),
      orgUnitCreated('d2', 'district', 'm', 'm/d2'),
      union('a', 'd1', 'm/d1/a'),
      union('b', 'd2', 'm/d2/b'),
    ]);
    await deliver(
      registered('a', 'x1', '2026-03-01'),
      registered('a', 'x2', '2026-03-02'),
      registered('b', 'x3', '2026-04-01'),
      rights('DisputeAgreed', 'a', {
        disputeId: 'x1',
        agreedOn: '2026-03-10',
        amountRecoveredFen: 800_000,
      }),
      rights('DisputeFailed', 'a', {
        disputeId: 'x2',
        failedOn: '2026-03-12',
        reason: '拒绝调解',
        referredToArbitration: true,
      }),
      rights('DisputeArbitrationEligible', 'b', {
        disputeId: 'x3',
        acceptedOn: '2026-04-01',
        eligibleOn: '2026-04-16',
      }),
      congress('a', 'k1', '2025-11-20'),
      congress('a', 'k2', '2026-05-01'),
      congress('b', 'k3', '2026-06-01'),
      rights('ProposalSubmitted', 'a', {
        proposalId: 'p1',
        congressId: 'k2',
        title: '改善职工食堂',
        submittedBy: '代表',
        submittedOn: '2026-04-20',
      }),
      rights('ProposalAnswered', 'a', {
        proposalId: 'p1',
        answeredOn: '2026-06-10',
        answer: '已改善',
      }),
    );
  });
  afterAll(() => db.drop());

  it('counts disputes and what they recovered by date, for each unit and its federations', async () => {
    expect(await figures('m', '2026-03-11')).toMatchObject({
      disputesReceived: 2,
      disputesAgreed: 1,
      disputesFailed: 0,
      disputesOverdue: 0,
      mediationSuccessRate: 1,
      amountRecoveredFen: 800_000,
    });
    expect(await figures('m', '2026-12-31')).toMatchObject({
      disputesReceived: 3,
      disputesAgreed: 1,
      disputesFailed: 1,
      disputesOverdue: 1,
      mediationSuccessRate: 0.5,
      proposalsReceived: 1,
      proposalsAnswered: 1,
    });
    expect(await figures('d1', '2026-05-01')).toMatchObject({
      proposalsReceived: 1,
      proposalsAnswered: 0,
    });
    expect(await figures('d2', '2026-12-31')).toMatchObject({
      disputesReceived: 1,
      disputesOverdue: 1,
      mediationSuccessRate: null,
      amountRecoveredFen: 0,
    });
  });

  it('counts a union with a congress in the year of the date, once, and a late earlier session moves its day', async () => {
    expect((await figures('m', '2025-12-31')).unionsWithCongressThisYear).toBe(1);
    // A new year: the 2025 session no longer counts, until the unions meet again.
    expect((await figures('m', '2026-01-15')).unionsWithCongressThisYear).toBe(0);
    expect((await figures('m', '2026-05-15')).unionsWithCongressThisYear).toBe(1);
    expect((await figures('m', '2026-12-31')).unionsWithCongressThisYear).toBe(2);
    await deliver(congress('a', 'k4', '2026-02-01'), congress('a', 'k5', '2026-09-01'));
    expect((await figures('d1', '2026-03-01')).unionsWithCongressThisYear).toBe(1);
    expect((await figures('m', '2026-12-31')).unionsWithCongressThisYear).toBe(2);
  });

  it('moves with a street moved to another district: before the move under the old, after under the new', async () => {
    await projectAll(db.pool, [
      orgUnitCreated('d3', 'district', 'm', 'm/d3'),
      orgUnitCreated('d4', 'district', 'm', 'm/d4'),
      orgUnitCreated('s9', 'street', 'd3', 'm/d3/s9'),
      union('c', 's9', 'm/d3/s9/c'),
    ]);
    await deliver(
      registered('c', 'x9', '2026-02-01'),
      rights('DisputeAgreed', 'c', {
        disputeId: 'x9',
        agreedOn: '2026-02-10',
        amountRecoveredFen: 7,
      }),
    );
    await projectAll(db.pool, [federationUnitMoved('m/d3/s9', 'm/d4/s9', '2026-06-01')]);

    expect(await figures('d3', '2026-05-31')).toMatchObject({
      disputesReceived: 1,
      amountRecoveredFen: 7,
    });
    expect(await figures('d4', '2026-05-31')).toMatchObject({ disputesReceived: 0 });
    expect(await figures('d3', '2026-06-01')).toMatchObject({
      disputesReceived: 0,
      amountRecoveredFen: 0,
    });
    expect(await figures('d4', '2026-06-01')).toMatchObject({
      disputesReceived: 1,
      disputesAgreed: 1,
    });
    expect(await figures('d4', null)).toMatchObject({ disputesReceived: 1 });
  });

  it('moves a record rights handed over at a merger to the surviving union, the totals above both unchanged', async () => {
    await projectAll(db.pool, [union('e', 'd1', 'm/d1/e'), union('f', 'd2', 'm/d2/f')]);
    // f's dispute ran past its mediation days, and its proposal waits for an answer; f merges into e.
    await deliver(
      registered('f', 'y1', '2027-03-01'),
      rights('DisputeArbitrationEligible', 'f', {
        disputeId: 'y1',
        acceptedOn: '2027-03-01',
        eligibleOn: '2027-03-16',
      }),
      rights('ProposalSubmitted', 'f', {
        proposalId: 'q1',
        congressId: 'k9',
        title: '增设母婴室',
        submittedBy: '代表',
        submittedOn: '2027-04-01',
      }),
    );
    const before = {
      m: await figures('m', '2027-05-31'),
      e: await figures('e', '2027-05-31'),
      f: await figures('f', '2027-05-31'),
    };
    const handedOver = (type: string, data: object) =>
      organisationEnvelope(
        type,
        PATHS['e']!,
        { fromUnionId: 'f', toUnionId: 'e', on: '2027-06-01', ...data },
        { service: 'rights' },
      );
    await deliver(
      handedOver('DisputeHandedOver', { disputeId: 'y1', eligibleForArbitration: true }),
      handedOver('ProposalHandedOver', { proposalId: 'q1', answered: false }),
      // The surviving union concludes what it took over.
      rights('DisputeAgreed', 'e', {
        disputeId: 'y1',
        agreedOn: '2027-06-10',
        amountRecoveredFen: 50_000,
      }),
      rights('ProposalAnswered', 'e', {
        proposalId: 'q1',
        answeredOn: '2027-06-15',
        answer: '已增设',
      }),
    );
    const counted = {
      disputesReceived: 1,
      disputesOverdue: 1,
      proposalsReceived: 1,
    };
    // Before the merger nothing changed: f counted them, e did not.
    expect(before.f).toMatchObject(counted);
    expect(await figures('f', '2027-05-31')).toEqual(before.f);
    expect(await figures('e', '2027-05-31')).toEqual(before.e);
    // From the merger: with e, whole (agreed ≤ received, answered ≤ received), none left at f.
    expect(await figures('e', '2027-12-31')).toMatchObject({
      ...counted,
      disputesAgreed: 1,
      mediationSuccessRate: 1,
      amountRecoveredFen: 50_000,
      proposalsAnswered: 1,
    });
    expect(await figures('f', '2027-12-31')).toMatchObject({
      disputesReceived: 0,
      disputesOverdue: 0,
      proposalsReceived: 0,
      proposalsAnswered: 0,
    });
    // Each district follows its union; the city above both sees the same totals plus the outcome.
    expect((await figures('d2', '2027-12-31')).disputesReceived).toBe(
      (await figures('d2', '2027-05-31')).disputesReceived - 1,
    );
    expect(await figures('m', '2027-12-31')).toMatchObject({
      disputesReceived: before.m.disputesReceived,
      disputesOverdue: before.m.disputesOverdue,
      proposalsReceived: before.m.proposalsReceived,
      disputesAgreed: before.m.disputesAgreed + 1,
      proposalsAnswered: before.m.proposalsAnswered + 1,
    });
  });
});

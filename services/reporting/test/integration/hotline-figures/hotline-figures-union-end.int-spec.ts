import type { PoolClient } from 'pg';

import type { EventEnvelope } from '@taizhang/contracts';
import { rightsRegistry, Topics } from '@taizhang/contracts';
import { EventContext, writeDeferredBatches } from '@taizhang/messaging';
import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase } from '@taizhang/testing';

import { disclosureFiguresAsOf } from '../../../src/disclosure-figures';
import { hotlineFiguresAsOf } from '../../../src/hotline-figures';
import { reportingConsumers } from '../../../src/reporting.consumers';
import { reportingMigrations } from '../../../src/reporting.migrations';
import { organisationEnvelope, orgUnitCreated, projectAll } from '../../organisation-envelope';

const PATHS: Record<string, string> = {
  m: 'm',
  d1: 'm/d1',
  s1: 'm/d1/s1',
  u1: 'm/d1/s1/u1',
  u3: 'm/d1/s1/u3',
  d2: 'm/d2',
  u2: 'm/d2/u2',
};
const rights = (type: string, unit: string, data: object): EventEnvelope =>
  organisationEnvelope(type, PATHS[unit]!, data, { service: 'rights' });
const union = (id: string, parentId: string) =>
  organisationEnvelope('UnionRegistered', PATHS[id]!, {
    unionId: id,
    name: `${id}工会`,
    parentId,
    establishedOn: '2020-01-01',
    orgPath: PATHS[id]!,
  });

/**
 * A union's end moves its open tickets and warnings (README of rights, "A union dissolved or
 * merged"): u1 merges into u2 under another district, u3 is dissolved under street s1. What they
 * count leaves the ended union for the survivor or the federation above on the day; a common
 * ancestor's totals do not change.
 */
describe('hotline and warning figures follow a record its union’s end hands over (reporting)', () => {
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
  const received = (ticketId: string, unit: string, legalAid: boolean) =>
    rights('HotlineTicketReceived', unit, {
      ticketId,
      orgUnitId: unit,
      tier: 'union',
      channel: 'phone_12351',
      category: legalAid ? 'legal_aid' : 'unpaid_wages',
      receivedAt: '2026-05-20T01:00:00Z',
      receivedOn: '2026-05-20',
      callerName: '张伟',
      callerUnionId: null,
      summary: '公司拖欠工资',
      legalAid,
      answerDueOn: '2026-05-25',
      ruleSet: { region: 'national', version: 1 },
    });
  const raised = (warningId: string, unit: string) =>
    rights('EarlyWarningRaised', unit, {
      warningId,
      orgUnitId: unit,
      employerId: null,
      employerName: '某服装厂',
      risk: 'wage_arrears',
      level: 'orange',
      raisedOn: '2026-05-20',
      description: '拖欠工资',
    });
  const tickets = async (unit: string, asOf: string, of: 'subtree' | 'unit' = 'subtree') => {
    const figures = await hotlineFiguresAsOf(db.pool, unit, asOf, { of });

    return [figures.hotlineTickets, figures.hotlineLegalAid, figures.hotlineOverdue];
  };
  const warnings = async (unit: string, asOf: string, of: 'subtree' | 'unit' = 'subtree') => {
    const figures = await disclosureFiguresAsOf(db.pool, unit, asOf, { of });

    return [figures.earlyWarningsOpen, figures.earlyWarningsOpenOrange];
  };

  beforeAll(async () => {
    db = await createTestDatabase(reportingMigrations);
    await projectAll(db.pool, [
      orgUnitCreated('m', 'municipal', null, 'm'),
      orgUnitCreated('d1', 'district', 'm', 'm/d1'),
      orgUnitCreated('s1', 'street', 'd1', 'm/d1/s1'),
      orgUnitCreated('d2', 'district', 'm', 'm/d2'),
      union('u1', 's1'),
      union('u3', 's1'),
      union('u2', 'd2'),
    ]);
    await deliver(
      received('t1', 'u1', true),
      rights('HotlineTicketOverdue', 'u1', { ticketId: 't1', orgUnitId: 'u1', answerDueOn: '2026-05-25' }),
      received('t3', 'u3', false),
      raised('w1', 'u1'),
      raised('w3', 'u3'),
      rights('HotlineTicketHandedOver', 'u2', {
        ticketId: 't1',
        fromUnitId: 'u1',
        toUnitId: 'u2',
        on: '2026-06-01',
        legalAid: true,
        overdue: true,
      }),
      rights('EarlyWarningHandedOver', 'u2', {
        warningId: 'w1',
        fromUnitId: 'u1',
        toUnitId: 'u2',
        on: '2026-06-01',
        level: 'orange',
      }),
      rights('HotlineTicketKeptByFederation', 'u3', {
        ticketId: 't3',
        unitId: 'u3',
        keeperId: 's1',
        on: '2026-06-02',
        legalAid: false,
        overdue: false,
      }),
      rights('EarlyWarningKeptByFederation', 'u3', {
        warningId: 'w3',
        unitId: 'u3',
        keeperId: 's1',
        on: '2026-06-02',
        level: 'orange',
      }),
    );
  });
  afterAll(() => db.drop());

  it('moves a merged union’s open ticket and warning to the survivor on the day of the merger', async () => {
    expect(await tickets('d1', '2026-05-31')).toEqual([2, 1, 1]);
    expect(await tickets('d2', '2026-05-31')).toEqual([0, 0, 0]);
    expect(await tickets('d1', '2026-06-01')).toEqual([1, 0, 0]);
    expect(await tickets('d2', '2026-06-01')).toEqual([1, 1, 1]);
    expect(await warnings('d1', '2026-06-01')).toEqual([1, 1]);
    expect(await warnings('u2', '2026-06-01')).toEqual([1, 1]);
    expect(await warnings('u1', '2026-06-01')).toEqual([0, 0]);
  });

  it('moves a dissolved union’s open ticket and warning to the federation above, its subtree unchanged', async () => {
    expect(await tickets('u3', '2026-06-01')).toEqual([1, 0, 0]);
    expect(await tickets('u3', '2026-06-02')).toEqual([0, 0, 0]);
    expect(await tickets('s1', '2026-06-02', 'unit')).toEqual([1, 0, 0]);
    expect(await tickets('s1', '2026-06-02')).toEqual([1, 0, 0]);
    expect(await warnings('u3', '2026-06-02')).toEqual([0, 0]);
    expect(await warnings('s1', '2026-06-02', 'unit')).toEqual([1, 1]);
  });

  it('leaves the totals of a common ancestor as they were', async () => {
    for (const day of ['2026-05-31', '2026-06-01', '2026-06-02']) {
      expect(await tickets('m', day)).toEqual([2, 1, 1]);
      expect(await warnings('m', day)).toEqual([2, 2]);
    }
  });
});

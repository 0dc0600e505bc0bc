import type { PoolClient } from 'pg';

import type { EventEnvelope } from '@taizhang/contracts';
import { rightsRegistry, Topics } from '@taizhang/contracts';
import { EventContext, writeDeferredBatches } from '@taizhang/messaging';
import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase } from '@taizhang/testing';

import { disclosureFiguresAsOf } from '../../../src/disclosure-figures';
import { reportingConsumers } from '../../../src/reporting.consumers';
import { reportingMigrations } from '../../../src/reporting.migrations';
import {
  federationUnitMoved,
  organisationEnvelope,
  orgUnitCreated,
  projectAll,
} from '../../organisation-envelope';

const PATH = 'm/d3/s9/c';
const rights = (type: string, data: object): EventEnvelope =>
  organisationEnvelope(type, PATH, data, { service: 'rights' });

/** The set moves with a street moved to another district, and a disclosure projected twice counts once. */
describe('disclosure figures with the tree (reporting)', () => {
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
  const figures = (unit: string, asOf: string) => disclosureFiguresAsOf(db.pool, unit, asOf);
  const disclosure = rights('DisclosureRecorded', {
    disclosureId: 'x1',
    unionId: 'c',
    kind: 'school',
    disclosedOn: '2026-02-01',
    items: ['promotion'],
    audience: 'committee',
    channel: 'meeting',
    responsiblePersons: {
      firstResponsible: '书记',
      firstExecutor: '校长',
      firstSupervisor: '工会主席',
      firstEvaluator: '教职工',
    },
    notes: null,
  });

  beforeAll(async () => {
    db = await createTestDatabase(reportingMigrations);
    await projectAll(db.pool, [
      orgUnitCreated('m', 'municipal', null, 'm'),
      orgUnitCreated('d3', 'district', 'm', 'm/d3'),
      orgUnitCreated('d4', 'district', 'm', 'm/d4'),
      orgUnitCreated('s9', 'street', 'd3', 'm/d3/s9'),
      organisationEnvelope('UnionRegistered', PATH, {
        unionId: 'c',
        name: 'c工会',
        parentId: 's9',
        establishedOn: '2020-01-01',
        orgPath: PATH,
      }),
    ]);
    await deliver(
      disclosure,
      rights('EarlyWarningRaised', {
        warningId: 'w1',
        orgUnitId: 'c',
        employerId: null,
        employerName: '某校办工厂',
        risk: 'closure',
        level: 'red',
        raisedOn: '2026-02-10',
        description: '停产',
      }),
    );
    await projectAll(db.pool, [federationUnitMoved('m/d3/s9', 'm/d4/s9', '2026-06-01')]);
  });
  afterAll(() => db.drop());

  it('counts under the district of each day: the old before the move, the new after', async () => {
    expect(await figures('d3', '2026-05-31')).toMatchObject({
      unionsWithDisclosure: 1,
      earlyWarningsOpen: 1,
      earlyWarningsOpenRed: 1,
    });
    expect(await figures('d4', '2026-05-31')).toMatchObject({
      unionsWithDisclosure: 0,
      earlyWarningsOpen: 0,
    });
    expect(await figures('d3', '2026-06-01')).toMatchObject({
      unionsWithDisclosure: 0,
      earlyWarningsOpen: 0,
    });
    expect(await figures('d4', '2026-06-01')).toMatchObject({
      unionsWithDisclosure: 1,
      earlyWarningsOpen: 1,
      earlyWarningsOpenRed: 1,
    });
    expect(await figures('m', '2026-06-01')).toMatchObject({ unionsWithDisclosure: 1 });
  });

  it('counts a disclosure projected twice once, and its withdrawal projected twice once', async () => {
    // The disclosure years keep each disclosure by its id, whatever the transport lets through.
    await deliver(disclosure);
    expect((await figures('m', '2026-03-01')).unionsWithDisclosure).toBe(1);
    const withdrawal = rights('DisclosureWithdrawn', {
      disclosureId: 'x1',
      unionId: 'c',
      disclosedOn: '2026-02-01',
      withdrawnOn: '2026-03-01',
      reason: '误登记',
    });
    await deliver(withdrawal, withdrawal);
    expect((await figures('m', '2026-03-01')).unionsWithDisclosure).toBe(0);
    expect((await figures('d4', '2026-12-31')).unionsWithDisclosure).toBe(0);
    await deliver(disclosure);
    expect((await figures('m', '2026-03-01')).unionsWithDisclosure).toBe(0);
  });
});

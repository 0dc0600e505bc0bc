import type { EventEnvelope } from '@taizhang/contracts';
import { rightsRegistry, Topics } from '@taizhang/contracts';
import {
  createIdempotentProducer,
  EventConsumer,
  EventContext,
  toEventMessage,
} from '@taizhang/messaging';
import type { TestDatabase, TestTopics } from '@taizhang/testing';
import { createTestDatabase, createTestTopics, eventually, uniqueSuffix } from '@taizhang/testing';

import { contractFiguresAsOf } from '../../../src/contract-figures';
import { figuresAt } from '../../../src/org-summary';
import { reportingConsumers } from '../../../src/reporting.consumers';
import { reportingMigrations } from '../../../src/reporting.migrations';
import { organisationEnvelope, orgUnitCreated, projectAll } from '../../organisation-envelope';

const union = (id: string, parentId: string, orgPath: string) =>
  organisationEnvelope('UnionRegistered', orgPath, {
    unionId: id,
    name: `${id}工会`,
    parentId,
    establishedOn: '2020-01-01',
    orgPath,
  });
const PATHS: Record<string, string> = { a: 'm/d1/a', b: 'm/d2/b' };
/** A contract of union `unionId` deemed effective (集体合同 视为生效), recorded at `recordedAt`. */
const effective = (
  unionId: string,
  contractId: string,
  data: {
    kind: string;
    effectiveOn: string;
    expiresOn: string;
    workforceCovered: number;
    wageIncreasePercent: number | null;
  },
  recordedAt = '2026-01-01T00:00:00.000Z',
): EventEnvelope =>
  organisationEnvelope(
    'ContractDeemedEffective',
    PATHS[unionId]!,
    {
      contractId,
      unionId,
      renewalWindowOpensOn: data.effectiveOn,
      ruleSet: { region: 'national', version: 1 },
      ...data,
    },
    { service: 'rights', recordedAt, occurredAt: recordedAt },
  );

/**
 * 集体合同 in force, from taizhang.rights.v1 through a real Kafka topic and the consumer's own
 * bookkeeping: by date, kind and subtree, from the effective day to the expiry day, each
 * event counted once however often it comes.
 */
describe('contract figures (reporting)', () => {
  let db: TestDatabase;
  let topics: TestTopics;
  let consumer: EventConsumer;
  const producer = () => createIdempotentProducer(topics.kafka);
  const [, RightsConsumer] = reportingConsumers;
  const delivered: string[] = [];
  /** Publishes the events on the suite's topic and waits until the consumer processed them all. */
  const publish = async (...events: EventEnvelope[]) => {
    const sender = producer();
    await sender.connect();
    await sender.send({
      topic: topics.names[Topics.rights]!,
      messages: events.map((event) => toEventMessage(event)),
    });
    await sender.disconnect();
    delivered.push(...events.map((event) => event.eventId));
    const ids = [...new Set(delivered)];
    await eventually(
      async () =>
        (
          await db.pool.query<{ count: string }>(
            'SELECT count(*) FROM messaging_processed_events WHERE event_id = ANY($1::uuid[])',
            [ids],
          )
        ).rows[0]!.count,
      (count) => Number(count) === ids.length,
      60_000,
    );
  };
  const figures = (unit: string, asOf: string, knownAt: string | null = null) =>
    contractFiguresAsOf(db.pool, unit, asOf, { knownAt });
  const aWage = effective('a', 'c1', {
    kind: 'wage',
    effectiveOn: '2026-04-25',
    expiresOn: '2028-04-25',
    workforceCovered: 1200,
    wageIncreasePercent: 5.5,
  });

  beforeAll(async () => {
    db = await createTestDatabase(reportingMigrations);
    topics = await createTestTopics([Topics.rights]);
    await projectAll(db.pool, [
      orgUnitCreated('m', 'municipal', null, 'm'),
      orgUnitCreated('d1', 'district', 'm', 'm/d1'),
      orgUnitCreated('d2', 'district', 'm', 'm/d2'),
      union('a', 'd1', 'm/d1/a'),
      union('b', 'd2', 'm/d2/b'),
    ]);
    consumer = new EventConsumer({
      kafka: topics.kafka,
      groupId: `reporting-contracts-${uniqueSuffix()}`,
      topics: [topics.names[Topics.rights]!],
      registry: rightsRegistry,
      pool: db.pool,
      handler: (event, tx, source) =>
        new RightsConsumer!().onEvent(event, new EventContext([tx, source])),
    });
    await consumer.start();
    await publish(
      aWage,
      effective('a', 'c2', {
        kind: 'women',
        effectiveOn: '2026-05-01',
        expiresOn: '2027-05-01',
        workforceCovered: 300,
        wageIncreasePercent: null,
      }),
      effective('b', 'c3', {
        kind: 'wage',
        effectiveOn: '2025-01-10',
        expiresOn: '2026-01-10',
        workforceCovered: 800,
        wageIncreasePercent: 4.25,
      }),
      effective(
        'b',
        'c4',
        {
          kind: 'wage',
          effectiveOn: '2026-02-01',
          expiresOn: '2029-02-01',
          workforceCovered: 500,
          wageIncreasePercent: null,
        },
        '2026-03-15T00:00:00.000Z',
      ),
    );
  }, 120_000);
  afterAll(async () => {
    await consumer.stop();
    await topics.delete();
    await db.drop();
  });

  it('counts a contract from its effective day up to its expiry day, by kind, with the workforce', async () => {
    expect(await figures('m', '2025-06-01')).toEqual({
      contractsInForce: 1,
      contractsInForceByKind: { comprehensive: 0, wage: 1, women: 0, safety: 0 },
      workforceCoveredByContracts: 800,
      averageWageIncreasePercent: 4.25,
    });
    expect(await figures('d2', '2026-01-09')).toMatchObject({ contractsInForce: 1 });
    // The expiry day: no longer in force; the next contract not yet.
    expect(await figures('m', '2026-01-10')).toMatchObject({
      contractsInForce: 0,
      workforceCoveredByContracts: 0,
      averageWageIncreasePercent: null,
    });
    // A wage contract without an agreed increase counts, but not in the mean.
    expect(await figures('m', '2026-03-01')).toEqual({
      contractsInForce: 1,
      contractsInForceByKind: { comprehensive: 0, wage: 1, women: 0, safety: 0 },
      workforceCoveredByContracts: 500,
      averageWageIncreasePercent: null,
    });
    expect(await figures('m', '2026-06-01')).toEqual({
      contractsInForce: 3,
      contractsInForceByKind: { comprehensive: 0, wage: 2, women: 1, safety: 0 },
      workforceCoveredByContracts: 2000,
      averageWageIncreasePercent: 5.5,
    });
    expect(await figures('d1', '2027-05-01')).toMatchObject({
      contractsInForce: 1,
      contractsInForceByKind: { wage: 1, women: 0 },
      workforceCoveredByContracts: 1200,
    });
  });

  it('shows in the summary’s rights figures, and as known at an instant', async () => {
    expect(await figuresAt(db.pool, 'm', '2026-06-01')).toMatchObject({
      contractsInForce: 3,
      workforceCoveredByContracts: 2000,
      averageWageIncreasePercent: 5.5,
      contractsInForceByKind: { wage: 2, women: 1 },
    });
    // Known before c4 was recorded: only union a's two.
    expect(await figures('m', '2026-06-01', '2026-03-01T00:00:00.000Z')).toMatchObject({
      contractsInForce: 2,
      workforceCoveredByContracts: 1500,
    });
  });

  it('changes nothing when an event comes again', async () => {
    await publish(aWage, aWage);
    expect(await figures('m', '2026-06-01')).toMatchObject({
      contractsInForce: 3,
      workforceCoveredByContracts: 2000,
      averageWageIncreasePercent: 5.5,
    });
  });
});

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Producer } from 'kafkajs';

import { eventsTransport } from '@taizhang/bootstrap';
import type { EventEnvelope } from '@taizhang/contracts';
import { checkpointTopic, Topics } from '@taizhang/contracts';
import { createIdempotentProducer } from '@taizhang/messaging';
import type { TestService, TestTopics } from '@taizhang/testing';
import {
  createTestAuth,
  createTestEventKeys,
  createTestTopics,
  eventually,
  startTestService,
  uniqueSuffix,
} from '@taizhang/testing';

import { reportingModule } from '../../../src/app.module';
import { reportingEventsTransport } from '../../../src/events.transport';
import { organisationEnvelope, orgUnitCreated } from '../../organisation-envelope';

const rule = { region: 'national', version: 1 };
const PATHS: Record<string, string> = {
  m: 'm',
  d1: 'm/d1',
  s1: 'm/d1/s1',
  u1: 'm/d1/s1/u1',
  d2: 'm/d2',
  u2: 'm/d2/u2',
};
/** An event of rights' topic concerning `unit`, recorded at `recordedAt`. */
const rights = (type: string, unit: string, data: object, recordedAt = '2026-03-20T00:00:00Z') =>
  organisationEnvelope(type, PATHS[unit]!, data, {
    service: 'rights',
    streamId: `hotline-ticket-${randomUUID()}`,
    recordedAt,
  });
const received = (
  ticketId: string,
  unit: string,
  receivedOn: string,
  legalAid = false,
  recordedAt?: string,
) =>
  rights(
    'HotlineTicketReceived',
    unit,
    {
      ticketId,
      orgUnitId: unit,
      tier: unit.startsWith('u') ? 'union' : unit.startsWith('s') ? 'street' : 'district',
      channel: 'phone_12351',
      category: legalAid ? 'legal_aid' : 'unpaid_wages',
      receivedAt: `${receivedOn}T01:00:00Z`,
      receivedOn,
      callerName: '张伟',
      callerUnionId: null,
      summary: '公司拖欠工资',
      legalAid,
      answerDueOn: receivedOn,
      ruleSet: rule,
    },
    recordedAt,
  );
const closed = (
  ticketId: string,
  unit: string,
  closedOn: string,
  onTime: boolean,
  satisfaction: number | null,
  wagesRecoveredFen = 0,
  recordedAt?: string,
) =>
  rights(
    'HotlineTicketClosed',
    unit,
    {
      ticketId,
      orgUnitId: unit,
      closedAt: `${closedOn}T01:00:00Z`,
      closedOn,
      outcome: 'resolved',
      satisfaction,
      wagesRecoveredFen,
      answerDueOn: closedOn,
      onTime,
    },
    recordedAt,
  );

const t1Closed = closed('t1', 'u1', '2026-03-05', true, 5, 100_000);
const EVENTS: EventEnvelope[] = [
  // t1: received by the district, handed down to the union under its street, closed on time.
  received('t1', 'd1', '2026-03-01'),
  rights('HotlineTicketAssigned', 'u1', {
    ticketId: 't1',
    fromOrgUnitId: 'd1',
    toOrgUnitId: 'u1',
    tier: 'union',
    assignedAt: '2026-03-02T01:00:00Z',
    assignedOn: '2026-03-02',
    legalAid: false,
    overdue: false,
    answerDueOn: '2026-03-06',
    ruleSet: rule,
  }),
  t1Closed,
  // t2: legal aid kept by the district, overdue, closed late with a poor satisfaction.
  received('t2', 'd1', '2026-03-01', true),
  rights('HotlineTicketOverdue', 'd1', { ticketId: 't2', orgUnitId: 'd1', answerDueOn: '2026-03-11' }),
  closed('t2', 'd1', '2026-03-15', false, 2),
  // t3: open at a union of the other district.
  received('t3', 'u2', '2026-03-03'),
  // t4: the street's own, closed on time without a satisfaction; entered late (April).
  received('t4', 's1', '2026-03-04', false, '2026-04-10T00:00:00Z'),
  closed('t4', 's1', '2026-03-06', true, null, 0, '2026-04-10T00:00:00Z'),
];

/** 12351 热线 figures from taizhang.rights.v1 through the real consumer: moves, rates, redelivery. */
describe('hotline figures (reporting, integration)', () => {
  let reporting: TestService;
  let topics: TestTopics;
  let producer: Producer;
  let dataDir: string;
  const organisationKeys = createTestEventKeys('organisation');
  const rightsKeys = createTestEventKeys('rights');
  const auth = createTestAuth();
  const officer = { role: 'federation_officer' as const, orgPath: 'm' };
  const read = async (unit: string, what: 'summary' | 'children', query = '') =>
    (
      await reporting
        .http()
        .get(`/reports/org-units/${unit}/${what}?${query}`)
        .set(await auth.headers(officer))
    ).body as Record<string, unknown>;
  const summary = (unit: string, asOf: string, more = '') =>
    read(unit, 'summary', `asOf=${asOf}${more}`);
  const send = async (topic: string, keys: typeof rightsKeys, events: EventEnvelope[]) => {
    await producer.send({
      topic: topics.names[topic]!,
      messages: events.map((event) => keys.message(event)),
    });
  };

  beforeAll(async () => {
    topics = await createTestTopics([
      Topics.organisation,
      Topics.rights,
      checkpointTopic('organisation'),
      checkpointTopic('rights'),
    ]);
    const suffix = topics.names[Topics.organisation]!.slice(Topics.organisation.length);
    dataDir = mkdtempSync(path.join(tmpdir(), 'taizhang-reporting-'));
    producer = createIdempotentProducer(topics.kafka);
    await producer.connect();
    reporting = await startTestService(reportingModule, {
      env: {
        ...organisationKeys.verifyingEnv,
        ...rightsKeys.verifyingEnv,
        AUTH_PUBLIC_KEY: auth.publicKeyPem,
        TAIZHANG_DATA_DIR: dataDir,
        KAFKA_TOPIC_SUFFIX: suffix,
      },
      beforeInit: async (app, env) => {
        const group = `reporting-test-${uniqueSuffix()}`;
        app.connectMicroservice(
          { strategy: eventsTransport(app, { ...reportingEventsTransport, group, env }) },
          { inheritAppConfig: true },
        );
        await app.startAllMicroservices();
      },
    });
    await send(Topics.organisation, organisationKeys, [
      orgUnitCreated('m', 'municipal', null, 'm'),
      orgUnitCreated('d1', 'district', 'm', 'm/d1'),
      orgUnitCreated('s1', 'street', 'd1', 'm/d1/s1'),
      orgUnitCreated('d2', 'district', 'm', 'm/d2'),
      organisationEnvelope('UnionRegistered', PATHS['u1']!, {
        unionId: 'u1',
        name: '机床厂工会',
        parentId: 's1',
        establishedOn: '2020-01-01',
        orgPath: PATHS['u1'],
      }),
      organisationEnvelope('UnionRegistered', PATHS['u2']!, {
        unionId: 'u2',
        name: '医院工会',
        parentId: 'd2',
        establishedOn: '2020-01-01',
        orgPath: PATHS['u2'],
      }),
    ]);
    await eventually(
      () => summary('m', '2026-03-31'),
      (figures) => figures['unions'] === 2,
      60_000,
    );
    await send(Topics.rights, rightsKeys, EVENTS);
    await eventually(
      () => summary('m', '2026-03-31'),
      (figures) => figures['hotlineTickets'] === 4 && figures['hotlineClosed'] === 3,
      60_000,
    );
  }, 120_000);
  afterAll(async () => {
    await reporting?.close();
    await producer?.disconnect();
    await topics?.delete();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('sums a subtree’s tickets, on-time rate, satisfaction and wages in the rights figures', async () => {
    expect(await summary('m', '2026-03-31')).toMatchObject({
      hotlineTickets: 4,
      hotlineLegalAid: 1,
      hotlineClosed: 3,
      hotlineOverdue: 1,
      hotlineOnTimeRate: 0.6667,
      hotlineSatisfaction: 3.5,
      hotlineWagesRecoveredFen: 100_000,
      // The other rights figures are there beside them.
      disputesReceived: 0,
    });
    expect(await summary('d2', '2026-03-31')).toMatchObject({
      hotlineTickets: 1,
      hotlineClosed: 0,
      hotlineOnTimeRate: null,
      hotlineSatisfaction: null,
    });
  });

  it('moves a ticket assigned to a union below from the district’s own to the union’s count', async () => {
    expect(await summary('u1', '2026-03-01')).toMatchObject({ hotlineTickets: 0 });
    expect(await summary('u1', '2026-03-02')).toMatchObject({ hotlineTickets: 1 });
    expect(await summary('d1', '2026-03-01')).toMatchObject({ hotlineTickets: 2 });
    expect(await summary('d1', '2026-03-02')).toMatchObject({ hotlineTickets: 2 });
    const before = await read('d1', 'children', 'asOf=2026-03-01');
    const after = await read('d1', 'children', 'asOf=2026-03-31');
    expect(before['heldDirectly']).toMatchObject({ hotlineTickets: 2, hotlineLegalAid: 1 });
    expect(after['heldDirectly']).toMatchObject({
      hotlineTickets: 1,
      hotlineLegalAid: 1,
      hotlineOverdue: 1,
      hotlineClosed: 1,
    });
    const children = after['children'] as Record<string, unknown>[];
    expect(children.find((child) => child['orgUnitId'] === 's1')).toMatchObject({
      hotlineTickets: 2,
      hotlineClosed: 2,
      hotlineOnTimeRate: 1,
      hotlineSatisfaction: 5,
      hotlineWagesRecoveredFen: 100_000,
    });
  });

  it('answers as known at an instant: the street’s late entry is left out, and shown as a late change', async () => {
    const known = await summary('d1', '2026-03-31', '&knownAt=2026-04-01T00:00:00Z');
    expect(known).toMatchObject({ hotlineTickets: 2, hotlineClosed: 2, hotlineOnTimeRate: 0.5 });
    expect(known['lateChanges']).toMatchObject({ hotlineTickets: 1, hotlineClosed: 1 });
  });

  it('changes nothing when an event comes again', async () => {
    const before = await summary('m', '2026-03-31');
    // The marker travels on the same partition (keyed by u1) after the redelivered closure.
    const marker = received('t9', 'u1', '2026-05-01');
    await send(Topics.rights, rightsKeys, [t1Closed, marker]);
    await eventually(
      () => summary('u1', '2026-05-31'),
      (figures) => figures['hotlineTickets'] === 2,
      60_000,
    );
    expect(await summary('m', '2026-03-31')).toEqual(before);
  });
});

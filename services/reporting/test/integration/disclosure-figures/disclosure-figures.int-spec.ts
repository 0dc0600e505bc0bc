import type { Producer } from 'kafkajs';

import type { EventEnvelope } from '@taizhang/contracts';
import { Topics } from '@taizhang/contracts';
import { createIdempotentProducer } from '@taizhang/messaging';
import type { RunningServices } from '@taizhang/testing';
import { eventually, startServices } from '@taizhang/testing';

import { organisationEnvelope, orgUnitCreated } from '../../organisation-envelope';

const union = (id: string, parentId: string, orgPath: string) =>
  organisationEnvelope('UnionRegistered', orgPath, {
    unionId: id,
    name: `${id}工会`,
    parentId,
    establishedOn: '2020-01-01',
    orgPath,
  });
const PATHS: Record<string, string> = { a: 'm/d1/a', b: 'm/d2/b', d1: 'm/d1' };
let streamVersion = 0;
/** An event of rights' topic by unit `unit` (a, b or the district d1), recorded at `recordedAt`. */
const rights = (type: string, unit: string, data: object, recordedAt = '2026-06-01T00:00:00.000Z') => {
  streamVersion += 1;

  return organisationEnvelope(type, PATHS[unit]!, data, {
    service: 'rights',
    streamVersion,
    occurredAt: recordedAt,
    recordedAt,
  });
};
const disclosed = (unionId: string, disclosureId: string, disclosedOn: string, recordedAt?: string) =>
  rights(
    'DisclosureRecorded',
    unionId,
    {
      disclosureId,
      unionId,
      kind: 'factory',
      disclosedOn,
      items: ['wages_bonuses'],
      audience: 'all_workers',
      channel: 'notice_board',
      responsiblePersons: {
        firstResponsible: '张书记',
        firstExecutor: '李厂长',
        firstSupervisor: '王主席',
        firstEvaluator: '全体职工',
      },
      notes: null,
    },
    recordedAt,
  );
const raised = (unit: string, warningId: string, level: string, raisedOn: string) =>
  rights('EarlyWarningRaised', unit, {
    warningId,
    orgUnitId: unit,
    employerId: null,
    employerName: '某服装厂',
    risk: 'wage_arrears',
    level,
    raisedOn,
    description: '拖欠工资',
  }, `${raisedOn}T02:00:00.000Z`);

const x2 = disclosed('a', 'x2', '2026-03-01', '2026-03-01T02:00:00.000Z');
const w1 = raised('a', 'w1', 'yellow', '2026-03-01');
const withdrawnY1 = rights(
  'DisclosureWithdrawn',
  'b',
  { disclosureId: 'y1', unionId: 'b', disclosedOn: '2026-04-01', withdrawnOn: '2026-05-20', reason: '误登记' },
  '2026-05-20T02:00:00.000Z',
);
const RIGHTS_EVENTS: EventEnvelope[] = [
  disclosed('a', 'x1', '2025-11-01', '2025-11-01T02:00:00.000Z'),
  x2,
  disclosed('a', 'x3', '2026-05-01', '2026-05-01T02:00:00.000Z'),
  // Entered late (in June) for February: a's day of 2026 moves from 1 March to 1 February.
  disclosed('a', 'x0', '2026-02-01', '2026-06-01T02:00:00.000Z'),
  disclosed('b', 'y1', '2026-04-01', '2026-04-01T02:00:00.000Z'),
  withdrawnY1,
  w1,
  rights('EarlyWarningLevelChanged', 'a', {
    warningId: 'w1',
    orgUnitId: 'a',
    from: 'yellow',
    to: 'red',
    changedOn: '2026-04-01',
    reason: '职工聚集',
  }, '2026-04-01T02:00:00.000Z'),
  rights('EarlyWarningResolved', 'a', {
    warningId: 'w1',
    orgUnitId: 'a',
    level: 'red',
    resolvedOn: '2026-05-01',
    outcome: '工资已补发',
  }, '2026-05-01T02:00:00.000Z'),
  // Raised by the district federation itself: held directly, in no child.
  raised('d1', 'w2', 'orange', '2026-03-15'),
  raised('b', 'w3', 'blue', '2026-04-10'),
];

type Body = Record<string, unknown>;
const pick = (body: Body) => ({
  unionsWithDisclosure: body['unionsWithDisclosure'],
  earlyWarningsOpen: body['earlyWarningsOpen'],
  earlyWarningsOpenBlue: body['earlyWarningsOpenBlue'],
  earlyWarningsOpenYellow: body['earlyWarningsOpenYellow'],
  earlyWarningsOpenOrange: body['earlyWarningsOpenOrange'],
  earlyWarningsOpenRed: body['earlyWarningsOpenRed'],
});
const figures = (disclosure: number, open: [number, number, number, number]) => ({
  unionsWithDisclosure: disclosure,
  earlyWarningsOpen: open.reduce((sum, n) => sum + n, 0),
  earlyWarningsOpenBlue: open[0],
  earlyWarningsOpenYellow: open[1],
  earlyWarningsOpenOrange: open[2],
  earlyWarningsOpenRed: open[3],
});

/** 厂务公开 and 劳动关系预警 in the rights block of the summary, from rights' topic through Kafka. */
describe('disclosure and early-warning figures (reporting, integration)', () => {
  let running: RunningServices;
  let producer: Producer;
  const get = async (path: string): Promise<Body> =>
    (
      await running
        .as({ role: 'federation_officer', orgPath: 'm' })
        .get(`${running.urls['reporting']!}/reports/org-units/${path}`)
    ).body;
  const send = (topic: string, events: EventEnvelope[]) => {
    const service = topic === Topics.rights ? 'rights' : 'organisation';

    return producer.send({
      topic: running.topics.names[topic]!,
      messages: events.map((event) => running.eventKeys[service]!.message(event)),
    });
  };

  beforeAll(async () => {
    running = await startServices(['reporting'], [Topics.organisation, Topics.rights]);
    producer = createIdempotentProducer(running.topics.kafka);
    await producer.connect();
    await send(Topics.organisation, [
      orgUnitCreated('m', 'municipal', null, 'm'),
      orgUnitCreated('d1', 'district', 'm', 'm/d1'),
      orgUnitCreated('d2', 'district', 'm', 'm/d2'),
      union('a', 'd1', 'm/d1/a'),
      union('b', 'd2', 'm/d2/b'),
    ]);
    // The tree first: a figure goes to the ancestors the unit had on its day.
    await eventually(() => get('m/summary'), (body) => body['unions'] === 2, 60_000);
    await send(Topics.rights, RIGHTS_EVENTS);
    // Everything projected: the last event of each unit's partition shows.
    await eventually(
      async () => [await get('m/summary?asOf=2026-05-01'), await get('m/summary?asOf=2026-04-15')],
      ([may, april]) =>
        may!['earlyWarningsOpen'] === 2 &&
        april!['earlyWarningsOpenBlue'] === 1 &&
        april!['unionsWithDisclosure'] === 1 &&
        (may!['earlyWarningsOpenRed'] as number) === 0,
      60_000,
    );
    await eventually(
      () => get('m/summary?asOf=2026-02-15'),
      (body) => body['unionsWithDisclosure'] === 1,
      60_000,
    );
  }, 180_000);
  afterAll(async () => {
    await producer?.disconnect();
    await running?.close();
  });

  it('counts the unions with a disclosure in the year of the date; a withdrawn one does not count', async () => {
    expect(pick(await get('m/summary?asOf=2025-12-31')).unionsWithDisclosure).toBe(1);
    // A new year: 2025's disclosure no longer counts.
    expect(pick(await get('m/summary?asOf=2026-01-15')).unionsWithDisclosure).toBe(0);
    // a from its late-entered February disclosure; b's April one was withdrawn.
    expect(pick(await get('m/summary?asOf=2026-02-15')).unionsWithDisclosure).toBe(1);
    expect(pick(await get('m/summary?asOf=2026-04-15')).unionsWithDisclosure).toBe(1);
    expect(pick(await get('d2/summary?asOf=2026-12-31')).unionsWithDisclosure).toBe(0);
  });

  it('counts the warnings open at the end of the date, by their level of that day', async () => {
    expect(pick(await get('m/summary?asOf=2026-02-28'))).toEqual(figures(1, [0, 0, 0, 0]));
    expect(pick(await get('m/summary?asOf=2026-03-20'))).toEqual(figures(1, [0, 1, 1, 0]));
    expect(pick(await get('m/summary?asOf=2026-04-15'))).toEqual(figures(1, [1, 0, 1, 1]));
    // w1 resolved on 1 May: no longer open at the end of that day.
    expect(pick(await get('m/summary?asOf=2026-05-01'))).toEqual(figures(1, [1, 0, 1, 0]));
  });

  it('gives each child its own and the federation what it holds directly, adding up to the whole', async () => {
    const city = await get('m/children?asOf=2026-04-15');
    const byId = new Map(
      (city['children'] as Body[]).map((child) => [child['orgUnitId'], pick(child)]),
    );
    expect(byId.get('d1')).toEqual(figures(1, [0, 0, 1, 1]));
    expect(byId.get('d2')).toEqual(figures(0, [1, 0, 0, 0]));
    const district = await get('d1/children?asOf=2026-04-15');
    expect(pick((district['children'] as Body[])[0]!)).toEqual(figures(1, [0, 0, 0, 1]));
    expect(pick(district['heldDirectly'] as Body)).toEqual(figures(0, [0, 0, 1, 0]));
  });

  it('answers as known at an instant: the late disclosure and the withdrawal not yet entered', async () => {
    const known = await get('m/summary?asOf=2026-04-15&knownAt=2026-05-01T00:00:00Z');
    // b's April disclosure still counted, and w1 still at red, as known then.
    expect(pick(known)).toEqual(figures(2, [1, 0, 1, 1]));
    expect(known['lateChanges']).toMatchObject({ unionsWithDisclosure: -1, earlyWarningsOpen: 0 });
    const february = await get('m/summary?asOf=2026-02-15&knownAt=2026-05-01T00:00:00Z');
    expect(pick(february).unionsWithDisclosure).toBe(0);
    expect(february['lateChanges']).toMatchObject({ unionsWithDisclosure: 1 });
  });

  it('counts a redelivered event once', async () => {
    const dates = ['2026-02-15', '2026-03-20', '2026-04-15', '2026-05-01'];
    const snapshot = async () =>
      Promise.all(dates.map(async (day) => pick(await get(`m/summary?asOf=${day}`))));
    const before = await snapshot();
    // On the redelivered events' partitions (keyed by a and b): once the markers show, so did they.
    await send(Topics.rights, [
      x2,
      w1,
      withdrawnY1,
      raised('a', 'marker-a', 'blue', '2026-06-10'),
      raised('b', 'marker-b', 'blue', '2026-06-10'),
    ]);
    await eventually(
      () => get('m/summary?asOf=2026-06-10'),
      (body) => body['earlyWarningsOpenBlue'] === 3,
      60_000,
    );
    expect(await snapshot()).toEqual(before);
  });
});

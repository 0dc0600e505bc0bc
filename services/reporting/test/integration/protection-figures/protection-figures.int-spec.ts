import type { Producer } from 'kafkajs';

import type { EventEnvelope } from '@taizhang/contracts';
import { Topics } from '@taizhang/contracts';
import { createIdempotentProducer } from '@taizhang/messaging';
import type { RunningServices } from '@taizhang/testing';
import { eventually, startServices, unionEstablishedData } from '@taizhang/testing';

import { organisationEnvelope, orgUnitCreated } from '../../organisation-envelope';

const union = (id: string, parentPath: string) =>
  organisationEnvelope(
    'UnionEstablished',
    `${parentPath}/${id}`,
    unionEstablishedData({
      unionId: id,
      parentId: parentPath.split('/').pop()!,
      orgPath: `${parentPath}/${id}`,
      establishedOn: '2020-05-01',
      employerIds: [`e-${id}`],
      committee: [{ name: '张伟', post: 'organiser' }],
      termYears: 3,
      termEndsOn: '2023-04-30',
    }),
    { streamId: `union-${id}` },
  );

const U1 = 'c/d1/s1/u1';
const U2 = 'c/d2/u2';
let version = 0;
/** An event of rights' topic about the union at `unionPath`, recorded at `recordedAt`. */
const rights = (
  type: string,
  unionPath: string,
  data: Record<string, unknown>,
  recordedAt = '2026-03-20T02:00:00.000Z',
): EventEnvelope => {
  version += 1;
  const unionId = unionPath.split('/').pop()!;

  return organisationEnvelope(
    type,
    unionPath,
    { unionId, ...data },
    {
      service: 'rights',
      streamId: `inspection-${String(data['inspectionId'])}`,
      streamType: 'labour-inspection',
      streamVersion: version,
      recordedAt,
    },
  );
};
const inspected = (unionPath: string, inspectionId: string, kind: string, inspectedOn: string) =>
  rights('LabourInspectionRecorded', unionPath, {
    inspectionId,
    kind,
    periodsChecked: kind === 'women_special' ? ['pregnancy', 'nursing'] : [],
    inspectedOn,
    employerName: '沈阳第一机床厂',
    employerId: null,
    inspectors: ['张伟'],
    findings: null,
  });
const found = (
  unionPath: string,
  inspectionId: string,
  hazardId: string,
  foundOn: string,
  recordedAt?: string,
) =>
  rights(
    'HazardFound',
    unionPath,
    { inspectionId, hazardId, description: '消防通道堵塞', severity: 'major', foundOn },
    recordedAt,
  );
const overdueH2 = rights('HazardRectificationOverdue', U1, {
  inspectionId: 'i1',
  hazardId: 'h2',
  dueOn: '2026-03-10',
  overdueOn: '2026-03-11',
});

const ORG = [
  orgUnitCreated('c', 'municipal', null, 'c'),
  orgUnitCreated('d1', 'district', 'c', 'c/d1'),
  orgUnitCreated('d2', 'district', 'c', 'c/d2'),
  orgUnitCreated('s1', 'street', 'd1', 'c/d1/s1'),
  union('u1', 'c/d1/s1'),
  union('u2', 'c/d2'),
];
const RIGHTS = [
  inspected(U1, 'i1', 'general', '2026-03-01'),
  found(U1, 'i1', 'h1', '2026-03-01'),
  found(U1, 'i1', 'h2', '2026-03-01'),
  rights('HazardRectificationRequested', U1, {
    inspectionId: 'i1',
    hazardId: 'h2',
    severity: 'major',
    requestedOn: '2026-03-02',
    dueOn: '2026-03-10',
    latestDueOn: '2026-03-17',
    ruleSet: { region: 'national', version: 1 },
  }),
  rights('HazardRectified', U1, {
    inspectionId: 'i1',
    hazardId: 'h1',
    rectifiedOn: '2026-03-09',
    late: false,
  }),
  overdueH2,
  rights('HazardRectified', U1, {
    inspectionId: 'i1',
    hazardId: 'h2',
    rectifiedOn: '2026-03-20',
    late: true,
  }),
  rights('HazardRectificationVerified', U1, {
    inspectionId: 'i1',
    hazardId: 'h2',
    verifiedOn: '2026-03-21',
    by: '王芳',
  }),
  inspected(U2, 'i2', 'women_special', '2026-03-05'),
  // Entered late: found in March, recorded on 10 April.
  found(U2, 'i2', 'h3', '2026-03-05', '2026-04-10T02:00:00.000Z'),
];

const zero = {
  inspections: 0,
  womenSpecialInspections: 0,
  hazardsFound: 0,
  hazardsRectified: 0,
  hazardsOverdue: 0,
};
const pick = (body: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.keys(zero).map((k) => [k, body[k]]));

/** 劳动保护指标 through reporting's HTTP from real topics: summary, children, as of, as known at. */
describe('labour-protection figures (reporting, integration)', () => {
  let running: RunningServices;
  let producer: Producer;
  const read = (path: string) =>
    running
      .as({ role: 'federation_officer', orgPath: 'c' })
      .get(`${running.urls['reporting']!}/reports/org-units/${path}`);
  const get = async (path: string) => {
    const answer = await read(path);
    expect(answer.status).toBe(200);

    return answer.body;
  };
  const send = (topic: string, service: string, events: EventEnvelope[]) =>
    producer.send({
      topic: running.topics.names[topic]!,
      messages: events.map((event) => running.eventKeys[service]!.message(event)),
    });

  beforeAll(async () => {
    running = await startServices(['reporting'], [Topics.organisation, Topics.rights]);
    producer = createIdempotentProducer(running.topics.kafka);
    await producer.connect();
    await send(Topics.organisation, 'organisation', ORG);
    await eventually(
      () => read('c/summary'),
      (answer) => answer.status === 200 && answer.body['unions'] === 2,
      60_000,
    );
    await send(Topics.rights, 'rights', RIGHTS);
    await eventually(
      () => get('c/summary?asOf=2026-03-31'),
      (body) => body['hazardsFound'] === 3 && body['hazardsRectified'] === 2,
      60_000,
    );
  }, 180_000);
  afterAll(async () => {
    await producer?.disconnect();
    await running?.close();
  });

  it('counts inspections and hazards by their business dates, for each unit and its federations', async () => {
    expect(pick(await get('c/summary?asOf=2026-03-31'))).toEqual({
      inspections: 2,
      womenSpecialInspections: 1,
      hazardsFound: 3,
      hazardsRectified: 2,
      hazardsOverdue: 1,
    });
    // Before the due date ran out, before the late rectification.
    expect(pick(await get('c/summary?asOf=2026-03-10'))).toEqual({
      inspections: 2,
      womenSpecialInspections: 1,
      hazardsFound: 3,
      hazardsRectified: 1,
      hazardsOverdue: 0,
    });
    expect(pick(await get('d1/summary?asOf=2026-03-31'))).toEqual({
      inspections: 1,
      womenSpecialInspections: 0,
      hazardsFound: 2,
      hazardsRectified: 2,
      hazardsOverdue: 1,
    });
    expect(pick(await get('c/summary?asOf=2026-02-28'))).toEqual(zero);
  });

  it('answers the children and what the unit holds directly, adding up to the summary', async () => {
    const answer = await get('c/children?asOf=2026-03-31');
    const children = answer['children'] as Record<string, unknown>[];
    const byId = Object.fromEntries(
      children.map((child) => [String(child['orgUnitId']), pick(child)] as const),
    );
    expect(byId).toEqual({
      d1: {
        inspections: 1,
        womenSpecialInspections: 0,
        hazardsFound: 2,
        hazardsRectified: 2,
        hazardsOverdue: 1,
      },
      d2: {
        inspections: 1,
        womenSpecialInspections: 1,
        hazardsFound: 1,
        hazardsRectified: 0,
        hazardsOverdue: 0,
      },
    });
    expect(pick(answer['heldDirectly'] as Record<string, unknown>)).toEqual(zero);
  });

  it('leaves out what was recorded after knownAt, and says what late entries changed', async () => {
    const known = await get('c/summary?asOf=2026-03-31&knownAt=2026-04-01T00:00:00Z');
    expect(pick(known)).toMatchObject({ hazardsFound: 2, inspections: 2 });
    expect(known['lateChanges']).toMatchObject({
      inspections: 0,
      hazardsFound: 1,
      hazardsRectified: 0,
      hazardsOverdue: 0,
    });
  });

  it('counts a redelivered event once', async () => {
    const before = pick(await get('c/summary?asOf=2026-03-31'));
    // On the redelivered event's partition (keyed by u1): once the marker is seen, so was it.
    await send(Topics.rights, 'rights', [overdueH2, inspected(U1, 'i9', 'general', '2026-05-01')]);
    await eventually(
      () => get('c/summary?asOf=2026-05-31'),
      (body) => body['inspections'] === 3,
      60_000,
    );
    expect(pick(await get('c/summary?asOf=2026-03-31'))).toEqual(before);
    expect((await get('c/summary?asOf=2026-05-31'))['hazardsOverdue']).toBe(1);
  });

  it('moves what a handed-over inspection counted to the surviving union on the merger’s day', async () => {
    const before = {
      d1: pick(await get('d1/summary?asOf=2026-05-31')),
      c: pick(await get('c/summary?asOf=2026-06-30')),
    };
    await send(Topics.rights, 'rights', [
      rights('InspectionHandedOver', U2, {
        inspectionId: 'i1',
        fromUnionId: 'u1',
        toUnionId: 'u2',
        on: '2026-06-01',
        womenSpecial: false,
        hazardsFound: 2,
        hazardsRectified: 2,
        hazardsOverdue: 1,
      }),
    ]);
    await eventually(
      () => get('d2/summary?asOf=2026-06-30'),
      (body) => body['hazardsFound'] === 3,
      60_000,
    );
    expect(pick(await get('d2/summary?asOf=2026-06-30'))).toEqual({
      inspections: 2,
      womenSpecialInspections: 1,
      hazardsFound: 3,
      hazardsRectified: 2,
      hazardsOverdue: 1,
    });
    // i9 (May) stays with u1; before the merger nothing moved; the city's totals stay whole.
    expect(pick(await get('d1/summary?asOf=2026-06-30'))).toEqual({ ...zero, inspections: 1 });
    expect(pick(await get('d1/summary?asOf=2026-05-31'))).toEqual(before.d1);
    expect(pick(await get('c/summary?asOf=2026-06-30'))).toEqual(before.c);
  });
});

import type { Producer } from 'kafkajs';

import type { EventEnvelope } from '@taizhang/contracts';
import { Topics } from '@taizhang/contracts';
import { createIdempotentProducer } from '@taizhang/messaging';
import type { RunningServices } from '@taizhang/testing';
import { eventually, startServices } from '@taizhang/testing';

import { knownHistory } from './known-history';

describe('GET /reports/org-units/:id/summary and /children ?knownAt= (as known at an instant)', () => {
  let running: RunningServices;
  let producer: Producer;
  const get = (path: string) =>
    running
      .as({ role: 'federation_officer', orgPath: 'm' })
      .get(`${running.urls['reporting']!}/reports/org-units/${path}`);

  beforeAll(async () => {
    running = await startServices(['reporting'], [Topics.organisation]);
    producer = createIdempotentProducer(running.topics.kafka);
    await producer.connect();
    const organisation = running.eventKeys['organisation']!;
    const send = (events: EventEnvelope[]) =>
      producer.send({
        topic: running.topics.names[Topics.organisation]!,
        messages: events.map((event) => organisation.message(event)),
      });
    // What was entered in 2025 reaches reporting before the late entries of 2026, as months
    // apart it does (partitions are not ordered among themselves within one send).
    const entered2026 = (e: EventEnvelope) => e.recordedAt >= '2026';
    await send(knownHistory().filter((e) => !entered2026(e)));
    await eventually(
      () => get('m/summary?asOf=2025-12-31'),
      (answer) =>
        answer.body['members'] === 3 &&
        answer.body['unions'] === 2 &&
        answer.body['employers'] === 1 &&
        answer.body['termsExpired'] === 1,
      30_000,
    );
    await send(knownHistory().filter(entered2026));
    // Everything projected: p3's leaving (the last of b's partition) and every other member.
    await eventually(
      () => get('m/summary?asOf=2025-12-31'),
      (answer) =>
        answer.body['members'] === 3 &&
        answer.body['unions'] === 3 &&
        answer.body['coveredEmployers'] === 1 &&
        answer.body['workforce'] === 150 &&
        answer.body['termsExpired'] === 0,
      30_000,
    );
    await eventually(
      () => get('d2/summary?asOf=2025-12-31'),
      (answer) => answer.body['unions'] === 1,
      30_000,
    );
  }, 180_000);
  afterAll(async () => {
    await producer?.disconnect();
    await running?.close();
  });

  it('reproduces the figures as known before the late entries, and says what they changed', async () => {
    const known = await get('s1/summary?asOf=2025-12-31&knownAt=2026-01-15T00:00:00Z');
    const now = await get('s1/summary?asOf=2025-12-31');

    expect(known.status).toBe(200);
    // a with p1 and p4; c's founding, its employer's new headcount and p2 not yet entered.
    expect(known.body).toMatchObject({
      orgUnitId: 's1',
      knownAt: '2026-01-15T00:00:00Z',
      unions: 1,
      members: 2,
      femaleMembers: 1,
      employers: 1,
      workforce: 100,
      coveredEmployers: 0,
      unionisationRate: 0,
    });
    expect(known.body['lateChanges']).toEqual({
      unions: 1,
      employers: 0,
      workforce: 50,
      femaleWorkforce: 30,
      migrantWorkforce: 0,
      newFormWorkforce: 0,
      coveredEmployers: 1,
      workforceOfUnionisedEmployers: 150,
      members: 1,
      femaleMembers: 1,
      // A join of v1 (as these are) says neither.
      migrantMembers: 0,
      newFormMembers: 0,
      retainedMemberships: 0,
      termsExpired: 0,
      answersOverdue: 0,
      // Rights' topic is not read here: its counts came late by nothing.
      disputesReceived: 0,
      disputesAgreed: 0,
      disputesFailed: 0,
      disputesOverdue: 0,
      amountRecoveredFen: 0,
      unionsWithCongressThisYear: 0,
      contractsInForce: 0,
      workforceCoveredByContracts: 0,
      inspections: 0,
      womenSpecialInspections: 0,
      hazardsFound: 0,
      hazardsRectified: 0,
      hazardsOverdue: 0,
      hotlineTickets: 0,
      hotlineLegalAid: 0,
      hotlineClosed: 0,
      hotlineOverdue: 0,
      hotlineWagesRecoveredFen: 0,
      unionsWithDisclosure: 0,
      earlyWarningsOpen: 0,
      earlyWarningsOpenBlue: 0,
      earlyWarningsOpenYellow: 0,
      earlyWarningsOpenOrange: 0,
      earlyWarningsOpenRed: 0,
    });
    expect(now.body).toMatchObject({ unions: 2, members: 3, workforce: 150, coveredEmployers: 1 });
    expect(now.body).not.toHaveProperty('lateChanges');
    expect(now.body).not.toHaveProperty('knownAt');
  });

  it('answers the workforce’s parts and their 入会率, each over the same part of the registry’s workforce, as known then and now', async () => {
    const parts = (body: Record<string, unknown>) => ({
      female: [body['femaleMembers'], body['femaleWorkforce'], body['femaleMembershipRate']],
      migrant: [body['migrantMembers'], body['migrantWorkforce'], body['migrantMembershipRate']],
      newForm: [body['newFormMembers'], body['newFormWorkforce'], body['newFormMembershipRate']],
    });
    // p4 (female, migrant, new-form by her transfer) of e1's 40 women, 10 migrants, 5 new-form.
    expect(
      parts((await get('s1/summary?asOf=2025-12-31&knownAt=2026-01-15T00:00:00Z')).body),
    ).toEqual({ female: [1, 40, 0.025], migrant: [1, 10, 0.1], newForm: [1, 5, 0.2] });
    // p2 (a join of v1: female, neither part) and e1's headcount of 2025-12-01 (70 women).
    expect(parts((await get('s1/summary?asOf=2025-12-31')).body)).toEqual({
      female: [2, 70, 0.0286],
      migrant: [1, 10, 0.1],
      newForm: [1, 5, 0.2],
    });
    // A union has no employers of its own: no denominator, no rate.
    const children = (await get('s1/children?asOf=2025-12-31')).body['children'] as Record<
      string,
      unknown
    >[];
    expect(parts(children[0]!)).toEqual({
      female: [2, 0, null],
      migrant: [1, 0, null],
      newForm: [1, 0, null],
    });
  });

  it('drills down as known then: a union entered later is not listed, a street moved later stays', async () => {
    const names = (answer: { body: Record<string, unknown> }) =>
      (answer.body['children'] as { orgUnitId: string; members: number }[]).map(
        (c) => `${c.orgUnitId}:${c.members}`,
      );
    const known = await get('s1/children?asOf=2025-12-31&knownAt=2026-01-15T00:00:00%2B08:00');

    expect(known.status).toBe(200);
    expect(names(known)).toEqual(['a:2']);
    expect(names(await get('s1/children?asOf=2025-12-31'))).toEqual(['a:3', 'c:0']);
    // s2 and its union b (p3) still under d1 as known before the move was entered.
    const district = await get('d1/summary?asOf=2025-12-31&knownAt=2026-01-15T00:00:00Z');
    expect(district.body).toMatchObject({ members: 3, termsExpired: 1 });
    expect((await get('d1/summary?asOf=2025-12-31')).body).toMatchObject({
      members: 3,
      termsExpired: 0,
    });
  });

  it('takes an instant in the future as now, and one before the day asked', async () => {
    const future = await get('m/summary?asOf=2025-12-31&knownAt=2099-01-01T00:00:00Z');
    const now = await get('m/summary?asOf=2025-12-31');

    expect(future.status).toBe(200);
    const { knownAt: _k, lateChanges, ...figures } = future.body;
    expect(figures).toEqual(now.body);
    expect(Object.values(lateChanges as object).every((n) => n === 0)).toBe(true);
    // Known before the day asked: p4 (moved to a) and p3 (b) had been entered by then.
    const early = await get('m/summary?asOf=2025-12-31&knownAt=2025-11-15T00:00:00Z');
    expect(early.body).toMatchObject({ members: 2, unions: 2 });
  });

  it.each([
    'knownAt=2026-01-15',
    'knownAt=yesterday',
    'knownAt=2026-13-01T00:00:00Z',
    'knownAt=2026-01-15T00:00:00',
    'knownAt=2026-01-15T00:00:00Z&knownAt=2026-01-16T00:00:00Z',
    'knownAt=',
    `knownAt=${'9'.repeat(5000)}`,
    'knownAt[$gt]=2026-01-01T00:00:00Z',
  ])('answers 400 to %s', async (query) => {
    for (const route of ['summary', 'children']) {
      const answer = await get(`m/${route}?asOf=2025-12-31&${query}`);
      expect({ route, status: answer.status }).toEqual({ route, status: 400 });
    }
  });
});

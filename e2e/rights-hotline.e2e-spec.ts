import { eventually } from '@taizhang/testing';

import type { Answer, GatewayRegion } from './support/gateway-region';
import { startGatewayRegion } from './support/gateway-region';

/** An instant `days` before now: the services count its business date in China. */
const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString();

interface Tally {
  hotlineTickets: number;
  hotlineLegalAid: number;
  hotlineClosed: number;
  hotlineOverdue: number;
  hotlineWagesRecoveredFen: number;
  onTime: number;
  satisfactions: number[];
}
const figures = (t: Tally) => ({
  hotlineTickets: t.hotlineTickets,
  hotlineLegalAid: t.hotlineLegalAid,
  hotlineClosed: t.hotlineClosed,
  hotlineOverdue: t.hotlineOverdue,
  hotlineWagesRecoveredFen: t.hotlineWagesRecoveredFen,
  hotlineOnTimeRate:
    t.hotlineClosed === 0 ? null : Math.round((t.onTime / t.hotlineClosed) * 10_000) / 10_000,
  hotlineSatisfaction:
    t.satisfactions.length === 0
      ? null
      : Math.round((t.satisfactions.reduce((a, b) => a + b, 0) / t.satisfactions.length) * 100) /
        100,
});
const sum = (a: Tally, b: Tally): Tally => ({
  hotlineTickets: a.hotlineTickets + b.hotlineTickets,
  hotlineLegalAid: a.hotlineLegalAid + b.hotlineLegalAid,
  hotlineClosed: a.hotlineClosed + b.hotlineClosed,
  hotlineOverdue: a.hotlineOverdue + b.hotlineOverdue,
  hotlineWagesRecoveredFen: a.hotlineWagesRecoveredFen + b.hotlineWagesRecoveredFen,
  onTime: a.onTime + b.onTime,
  satisfactions: [...a.satisfactions, ...b.satisfactions],
});
// The setup's ticket of each union, received on 2026-01-05 and never answered: overdue.
const base = (): Tally => ({
  hotlineTickets: 1,
  hotlineLegalAid: 0,
  hotlineClosed: 0,
  hotlineOverdue: 1,
  hotlineWagesRecoveredFen: 0,
  onTime: 0,
  satisfactions: [],
});

/**
 * A district's 12351 hotline through the gateway with real roles: the district's officer receives
 * tickets and hands one down to a union, whose cadre answers and closes; the clocks mark what was
 * left unanswered; the federations read figures the test counts on its own.
 */
describe('rights: a district’s 12351 hotline tickets, and the figures federations read', () => {
  let region: GatewayRegion;
  const rights = (path: string) => `/api/rights/hotline-tickets${path}`;
  const west = base();
  const east = base();
  // What the district holds itself (本级): tickets it received and kept.
  const district = { hotlineTickets: 0, hotlineOverdue: 0 };
  const call = (token: string, path: string, body?: object): Promise<Answer> =>
    region.call(body === undefined ? 'GET' : 'POST', rights(path), token, body);
  const created = async (token: string, body: object): Promise<string> => {
    const answer = await call(token, '', body);
    expect({ status: answer.status, body: answer.body }).toMatchObject({ status: 201 });

    return answer.body['id'] as string;
  };
  const ok = async (token: string, path: string, body: object) =>
    expect((await call(token, path, body)).status).toBe(200);
  const ticket = (orgUnitId: string, receivedAt: string, more: object = {}) => ({
    orgUnitId,
    channel: 'phone_12351',
    category: 'unpaid_wages',
    receivedAt,
    callerName: '来电职工',
    summary: '企业拖欠工资',
    ...more,
  });

  beforeAll(async () => {
    region = await startGatewayRegion();
  }, 300_000);
  afterAll(() => region?.close(), 120_000);

  it('receives, hands down, answers and closes tickets with the officer’s and the cadre’s roles', async () => {
    const cadre = region.tokens.union_cadre[0];
    const officer = region.tokens.federation_officer[0];
    const { union, street, district: districts } = region.ids;

    // Received by the district, handed to the street and on to the union, answered and closed.
    const handedDown = await created(officer, ticket(districts[0], daysAgo(0)));
    await ok(officer, `/${handedDown}/assignment`, {
      toOrgUnitId: street[0],
      assignedAt: daysAgo(0),
    });
    await ok(officer, `/${handedDown}/assignment`, {
      toOrgUnitId: union[0],
      assignedAt: daysAgo(0),
    });
    // Now the union's: its cadre reads it, and may not send it back up.
    const up = await call(cadre, `/${handedDown}/assignment`, {
      toOrgUnitId: districts[0],
      assignedAt: daysAgo(0),
    });
    expect(up.status).toBe(404);
    await ok(cadre, `/${handedDown}/call-back`, { calledBackAt: daysAgo(0), note: '企业同意补发' });
    await ok(cadre, `/${handedDown}/closure`, {
      closedAt: daysAgo(0),
      outcome: 'resolved',
      satisfaction: 4,
      wagesRecoveredFen: 500_000,
    });
    west.hotlineTickets += 1;
    west.hotlineClosed += 1;
    west.onTime += 1;
    west.satisfactions.push(4);
    west.hotlineWagesRecoveredFen += 500_000;

    // A legal aid request 20 days old, closed only now without a call-back: late.
    const late = await created(cadre, ticket(union[0], daysAgo(20), { category: 'legal_aid' }));
    await ok(cadre, `/${late}/closure`, {
      closedAt: daysAgo(0),
      outcome: 'referred',
      satisfaction: 2,
    });
    const lateView = await call(cadre, `/${late}`);
    expect(lateView.body).toMatchObject({ legalAid: true, onTime: false, status: 'Closed' });
    west.hotlineTickets += 1;
    west.hotlineLegalAid += 1;
    west.hotlineClosed += 1;
    west.satisfactions.push(2);
    // The clock may have marked it overdue in the moment between its receipt and its closure.
    if (lateView.body['overdue'] === true) west.hotlineOverdue += 1;

    // Kept by the district 20 days without an answer: past its 10 days, the clock marks it.
    const kept = await created(officer, ticket(districts[0], daysAgo(20)));
    west.hotlineTickets += 1;
    west.hotlineOverdue += 1;
    district.hotlineTickets += 1;
    district.hotlineOverdue += 1;
    const overdue = await eventually(
      () => call(officer, `/${kept}`),
      (answer) => answer.body['overdue'] === true,
      150_000,
    );
    expect(overdue.body).toMatchObject({ tier: 'district', overdue: true, status: 'Open' });

    // Nobody of the other district reaches the west's tickets.
    for (const id of [handedDown, late, kept])
      expect((await call(region.tokens.federation_officer[1], `/${id}`)).status).toBe(404);
  }, 300_000);

  it('gives each federation the hotline figures of its subtree, as the test counted them', async () => {
    const settled = async (unit: string, token: string, tally: Tally) => {
      const expected = figures(tally);
      const answer = await eventually(
        () => region.call('GET', `/api/reporting/reports/org-units/${unit}/summary`, token),
        (a) => Object.entries(expected).every(([key, value]) => a.body[key] === value),
        150_000,
      );
      expect(answer.body).toMatchObject(expected);
    };
    const westUnion = { ...west, hotlineTickets: west.hotlineTickets - district.hotlineTickets };
    westUnion.hotlineOverdue -= district.hotlineOverdue;
    await settled(region.ids.union[0], region.tokens.union_cadre[0], westUnion);
    await settled(region.ids.street[0], region.tokens.federation_officer[0], westUnion);
    await settled(region.ids.district[0], region.tokens.auditor[0], west);
    await settled(region.ids.district[1], region.tokens.federation_officer[1], east);
    await settled(region.ids.city, region.cityOfficer, sum(west, east));
    // The district's drill-down: its street, and what it holds itself.
    const drill = await region.call(
      'GET',
      `/api/reporting/reports/org-units/${region.ids.district[0]}/children`,
      region.tokens.federation_officer[0],
    );
    expect(drill.body['heldDirectly']).toMatchObject(district);
    const children = drill.body['children'] as Record<string, unknown>[];
    expect(children.find((c) => c['orgUnitId'] === region.ids.street[0])).toMatchObject(
      figures(westUnion),
    );
  }, 400_000);
});

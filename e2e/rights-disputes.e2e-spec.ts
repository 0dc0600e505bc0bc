import { eventually } from '@taizhang/testing';

import type { Answer, GatewayRegion } from './support/gateway-region';
import { startGatewayRegion } from './support/gateway-region';

/** Today in China, and a day `days` before it: the business dates the services count in. */
const chinaDay = (daysBefore = 0): string =>
  new Date(Date.now() + 8 * 3_600_000 - daysBefore * 86_400_000).toISOString().slice(0, 10);

interface Tally {
  disputesReceived: number;
  disputesAgreed: number;
  disputesFailed: number;
  disputesOverdue: number;
  amountRecoveredFen: number;
  unionsWithCongressThisYear: number;
}
const rate = (t: Tally) =>
  t.disputesAgreed + t.disputesFailed === 0
    ? null
    : Math.round((t.disputesAgreed / (t.disputesAgreed + t.disputesFailed)) * 10_000) / 10_000;
const sum = (a: Tally, b: Tally): Tally => ({
  disputesReceived: a.disputesReceived + b.disputesReceived,
  disputesAgreed: a.disputesAgreed + b.disputesAgreed,
  disputesFailed: a.disputesFailed + b.disputesFailed,
  disputesOverdue: a.disputesOverdue + b.disputesOverdue,
  amountRecoveredFen: a.amountRecoveredFen + b.amountRecoveredFen,
  unionsWithCongressThisYear: a.unionsWithCongressThisYear + b.unionsWithCongressThisYear,
});

/**
 * A district's year of mediation (劳动争议调解) through the gateway with real roles: the union's
 * cadre and the district's officer record disputes and their outcomes and a congress session; the
 * federations read figures the test computes on its own, and nobody reaches the neighbour's.
 */
describe('rights: a district’s disputes and congresses, and the figures federations read', () => {
  let region: GatewayRegion;
  const rights = (path: string) => `/api/rights${path}`;
  const thisYear = chinaDay().slice(0, 4);
  // What the setup recorded on each side: one open dispute accepted on 2026-01-05 (overdue by
  // now: the service's clock marks it within its minute) and a congress on 2026-01-05.
  const base = (): Tally => ({
    disputesReceived: 1,
    disputesAgreed: 0,
    disputesFailed: 0,
    disputesOverdue: 1,
    amountRecoveredFen: 0,
    unionsWithCongressThisYear: thisYear === '2026' ? 1 : 0,
  });
  const west = base();
  const east = base();
  const created = async (token: string, path: string, body: object): Promise<string> => {
    const answer = await region.call('POST', rights(path), token, body);
    expect({ path, status: answer.status, body: answer.body }).toMatchObject({ path, status: 201 });

    return answer.body['id'] as string;
  };
  const ok = async (token: string, path: string, body: object): Promise<Answer> => {
    const answer = await region.call('POST', rights(path), token, body);
    expect({ path, status: answer.status, body: answer.body }).toMatchObject({ path, status: 200 });

    return answer;
  };
  const dispute = (category: string, amountClaimedFen: number, acceptedOn = chinaDay()) => ({
    unionId: region.ids.union[0],
    category,
    claimants: [{ memberId: region.ids.member[0], name: '会员1' }, { name: '非会员职工' }],
    amountClaimedFen,
    acceptedOn,
  });

  beforeAll(async () => {
    region = await startGatewayRegion();
  }, 300_000);
  afterAll(() => region?.close(), 120_000);

  it('records the district’s disputes and a congress with the cadre’s and the officer’s roles', async () => {
    const cadre = region.tokens.union_cadre[0];
    const officer = region.tokens.federation_officer[0];
    const agreements = [
      { category: 'unpaid_wages', claimed: 1_200_000, recovered: 1_000_000, by: cadre },
      { category: 'overtime', claimed: 300_000, recovered: 300_000, by: officer },
      { category: 'work_injury', claimed: 5_000_000, recovered: 4_200_050, by: cadre },
    ];
    for (const { category, claimed, recovered, by } of agreements) {
      const id = await created(by, '/disputes', dispute(category, claimed));
      await ok(by, `/disputes/${id}/agreement`, {
        agreedOn: chinaDay(),
        amountRecoveredFen: recovered,
      });
      west.disputesReceived += 1;
      west.disputesAgreed += 1;
      west.amountRecoveredFen += recovered;
    }
    for (const by of [cadre, officer]) {
      const id = await created(by, '/disputes', dispute('dismissal', 800_000));
      await ok(by, `/disputes/${id}/failure`, { failedOn: chinaDay(), reason: '用人单位拒绝调解' });
      west.disputesReceived += 1;
      west.disputesFailed += 1;
    }
    const withdrawn = await created(cadre, '/disputes', dispute('social_insurance', 90_000));
    await ok(cadre, `/disputes/${withdrawn}/withdrawal`, {
      withdrawnOn: chinaDay(),
      reason: '自行和解',
    });
    west.disputesReceived += 1;
    // Accepted a month ago and still open: past its 15 days, the clock marks it overdue.
    await created(officer, '/disputes', dispute('overtime', 50_000, chinaDay(30)));
    west.disputesReceived += 1;
    west.disputesOverdue += 1;
    // Still within its 15 days: open, neither overdue nor concluded.
    await created(cadre, '/disputes', dispute('other', 10_000));
    west.disputesReceived += 1;
    // A congress this year: the union counts once whatever the setup recorded.
    await created(cadre, '/congresses', {
      unionId: region.ids.union[0],
      heldOn: chinaDay(),
      delegatesEntitled: 45,
      delegatesPresent: 30,
    });
    west.unionsWithCongressThisYear = 1;
  });

  it('refuses what the law and the scope refuse, through the gateway', async () => {
    const cadre = region.tokens.union_cadre[0];
    const before = await region.rightsEventCount();
    const stranger = await region.call('POST', rights('/disputes'), cadre, {
      ...dispute('overtime', 1),
      claimants: [{ memberId: region.ids.member[1], name: '邻区会员' }],
    });
    expect([stranger.status, stranger.body['code']]).toEqual([422, 'CLAIMANT_NOT_MEMBER']);
    const short = await region.call('POST', rights('/congresses'), cadre, {
      unionId: region.ids.union[0],
      heldOn: chinaDay(),
      delegatesEntitled: 45,
      delegatesPresent: 29,
    });
    expect([short.status, short.body['code']]).toEqual([422, 'CONGRESS_QUORUM_NOT_MET']);
    const neighbour = region.tokens.union_cadre[1];
    expect(
      (await region.call('GET', rights(`/disputes/${region.ids.dispute[0]}`), neighbour)).status,
    ).toBe(404);
    const auditor = region.tokens.auditor[0];
    expect(
      (await region.call('GET', rights(`/disputes/${region.ids.dispute[0]}`), auditor)).status,
    ).toBe(200);
    expect(
      (await region.call('POST', rights('/disputes'), auditor, dispute('overtime', 1))).status,
    ).toBe(403);
    expect(await region.rightsEventCount()).toBe(before);
  });

  it('gives each federation the figures of its subtree, as the test counted them', async () => {
    const expected = (t: Tally) => ({ ...t, mediationSuccessRate: rate(t) });
    const settled = async (unit: string, token: string, tally: Tally) => {
      const answer = await eventually(
        () => region.call('GET', `/api/reporting/reports/org-units/${unit}/summary`, token),
        (a) => Object.entries(expected(tally)).every(([key, value]) => a.body[key] === value),
        150_000,
      );
      expect(answer.body).toMatchObject(expected(tally));
    };
    await settled(region.ids.union[0], region.tokens.union_cadre[0], west);
    await settled(region.ids.street[0], region.tokens.federation_officer[0], west);
    await settled(region.ids.district[0], region.tokens.auditor[0], west);
    await settled(region.ids.district[1], region.tokens.federation_officer[1], east);
    await settled(region.ids.city, region.cityOfficer, sum(west, east));
    // The drill-down from the city shows each district with the same figures.
    const children = await region.call(
      'GET',
      `/api/reporting/reports/org-units/${region.ids.city}/children`,
      region.cityOfficer,
    );
    const byId = new Map(
      (children.body['children'] as Record<string, unknown>[]).map((c) => [c['orgUnitId'], c]),
    );
    expect(byId.get(region.ids.district[0])).toMatchObject(expected(west));
    expect(byId.get(region.ids.district[1])).toMatchObject(expected(east));
    // The neighbour's figures stay the neighbour's.
    const outside = await region.call(
      'GET',
      `/api/reporting/reports/org-units/${region.ids.district[0]}/summary`,
      region.tokens.federation_officer[1],
    );
    expect(outside.status).toBe(404);
  });
});

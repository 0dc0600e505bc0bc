import { eventually } from '@taizhang/testing';

import type { GatewayRegion } from './support/gateway-region';
import { seasonBody, startGatewayRegion } from './support/gateway-region';

/** Today in China, and a day `days` before it: the business dates the services count in. */
const chinaDay = (daysBefore = 0): string =>
  new Date(Date.now() + 8 * 3_600_000 - daysBefore * 86_400_000).toISOString().slice(0, 10);

interface ContractTally {
  contractsInForce: number;
  wage: number;
  women: number;
  workforceCoveredByContracts: number;
  increases: number[];
}
const figuresOf = (t: ContractTally) => ({
  contractsInForce: t.contractsInForce,
  contractsInForceByKind: { comprehensive: 0, wage: t.wage, women: t.women, safety: 0 },
  workforceCoveredByContracts: t.workforceCoveredByContracts,
  averageWageIncreasePercent:
    t.increases.length === 0
      ? null
      : Math.round((t.increases.reduce((a, b) => a + b, 0) / t.increases.length) * 100) / 100,
});
const sum = (a: ContractTally, b: ContractTally): ContractTally => ({
  contractsInForce: a.contractsInForce + b.contractsInForce,
  wage: a.wage + b.wage,
  women: a.women + b.women,
  workforceCoveredByContracts: a.workforceCoveredByContracts + b.workforceCoveredByContracts,
  increases: [...a.increases, ...b.increases],
});
const none = (): ContractTally => ({
  contractsInForce: 0,
  wage: 0,
  women: 0,
  workforceCoveredByContracts: 0,
  increases: [],
});

/**
 * 集体合同 through the gateway with real roles: each district's cadre and officer take a contract
 * from the request to filing; the service's own clock makes those filed over 15 days ago
 * effective; the federations read the contract figures the test computes on its own, and the
 * district's wage-bargaining season counts the requests of its subtree.
 */
describe('rights: collective contracts from request to force, and the figures federations read', () => {
  let region: GatewayRegion;
  const rights = (path: string) => `/api/rights${path}`;
  const west = none();
  const east = none();
  const requestedOn: string[] = [];
  const post = async (token: string, path: string, body: object, status = 200) => {
    const answer = await region.call('POST', rights(path), token, body);
    expect({ path, status: answer.status, body: answer.body }).toMatchObject({ path, status });

    return answer.body['id'] as string;
  };
  const side = (prefix: string) => [
    { name: `${prefix}首席`, chief: true },
    { name: `${prefix}代表二` },
    { name: `${prefix}代表三` },
  ];
  /** Request → answer → round → vote → signing → filing, `filedDaysAgo` days ago. */
  const throughFiling = async (
    s: 0 | 1,
    contract: { kind: string; wageIncreasePercent?: number; workforceCovered: number },
    filedDaysAgo: number,
  ): Promise<string> => {
    const cadre = region.tokens.union_cadre[s];
    const officer = region.tokens.federation_officer[s];
    const day = (n: number) => chinaDay(filedDaysAgo + n);
    const id = await post(
      cadre,
      '/contracts',
      { unionId: region.ids.union[s], kind: contract.kind, employerIds: [region.ids.employer[s]], requestedOn: day(20) },
      201,
    );
    if (s === 0) requestedOn.push(day(20));
    await post(cadre, `/contracts/${id}/answer`, { answeredOn: day(15) });
    await post(officer, `/contracts/${id}/rounds`, {
      heldOn: day(10),
      unionRepresentatives: side('工会'),
      employerRepresentatives: side('企业'),
    }, 201);
    await post(cadre, `/contracts/${id}/congress-vote`, {
      votedOn: day(5),
      delegatesTotal: 60,
      delegatesPresent: 45,
      votesFor: 40,
      ...(contract.wageIncreasePercent === undefined ? {} : { wageIncreasePercent: contract.wageIncreasePercent }),
      workforceCovered: contract.workforceCovered,
      termYears: 2,
    }, 201);
    await post(cadre, `/contracts/${id}/signing`, { signedOn: day(2) });
    await post(officer, `/contracts/${id}/filing`, { filedOn: day(0) });

    return id;
  };

  beforeAll(async () => {
    region = await startGatewayRegion();
  }, 300_000);
  afterAll(() => region?.close(), 120_000);

  it('takes each district’s contracts to force, by the service’s own clock after 15 days', async () => {
    const westWage = await throughFiling(0, { kind: 'wage', wageIncreasePercent: 5, workforceCovered: 300 }, 30);
    Object.assign(west, { contractsInForce: 1, wage: 1, workforceCoveredByContracts: 300, increases: [5] });
    const westWomen = await throughFiling(0, { kind: 'women', workforceCovered: 120 }, 20);
    west.contractsInForce += 1;
    west.women += 1;
    west.workforceCoveredByContracts += 120;
    // Filed 5 days ago: still open to objection, not in force.
    const pending = await throughFiling(0, { kind: 'wage', wageIncreasePercent: 9, workforceCovered: 50 }, 5);
    const eastWage = await throughFiling(1, { kind: 'wage', wageIncreasePercent: 8.5, workforceCovered: 200 }, 16);
    Object.assign(east, { contractsInForce: 1, wage: 1, workforceCoveredByContracts: 200, increases: [8.5] });

    for (const [id, token] of [
      [westWage, region.tokens.auditor[0]],
      [westWomen, region.tokens.union_cadre[0]],
      [eastWage, region.tokens.federation_officer[1]],
    ] as const) {
      const read = await eventually(
        () => region.call('GET', rights(`/contracts/${id}`), token),
        (a) => a.body['status'] === 'InForce',
        150_000,
      );
      expect(read.body['status']).toBe('InForce');
    }
    expect((await region.call('GET', rights(`/contracts/${pending}`), region.tokens.union_cadre[0])).body['status']).toBe('Filed');
    // The neighbour's contract is the neighbour's.
    expect((await region.call('GET', rights(`/contracts/${westWage}`), region.tokens.union_cadre[1])).status).toBe(404);
    const before = await region.rightsEventCount();
    const late = await region.call('POST', rights(`/contracts/${westWage}/objection`), region.tokens.union_cadre[0], {
      receivedOn: chinaDay(),
      reason: '已生效后的意见',
    });
    expect([late.status, late.body['code']]).toEqual([422, 'NOT_FILED']);
    expect(await region.rightsEventCount()).toBe(before);
  });

  it('counts the requests of the district’s subtree within its wage-bargaining season', async () => {
    const season = seasonBody(region.ids.district[0]);
    // The setup's request (2026-01-05) and the test's own, where they fall within the season.
    const made = ['2026-01-05', ...requestedOn].filter((d) => d >= season.from && d <= season.to).length;
    const read = await region.call('GET', rights(`/bargaining-seasons/${region.ids.season[0]}`), region.tokens.federation_officer[0]);
    expect(read.body).toMatchObject({ targetRequests: season.targetRequests, requestsMade: made });
    expect((await region.call('GET', rights(`/bargaining-seasons/${region.ids.season[0]}`), region.tokens.federation_officer[1])).status).toBe(404);
  });

  it('gives each federation the contract figures of its subtree, as the test counted them', async () => {
    const settled = async (unit: string, token: string, tally: ContractTally) => {
      const expected = figuresOf(tally);
      const answer = await eventually(
        () => region.call('GET', `/api/reporting/reports/org-units/${unit}/summary`, token),
        (a) => JSON.stringify(Object.keys(expected).map((k) => a.body[k])) === JSON.stringify(Object.values(expected)),
        150_000,
      );
      expect(answer.body).toMatchObject(expected);
    };
    await settled(region.ids.union[0], region.tokens.union_cadre[0], west);
    await settled(region.ids.district[0], region.tokens.auditor[0], west);
    await settled(region.ids.district[1], region.tokens.federation_officer[1], east);
    await settled(region.ids.city, region.cityOfficer, sum(west, east));
    const children = await region.call('GET', `/api/reporting/reports/org-units/${region.ids.city}/children`, region.cityOfficer);
    const byId = new Map((children.body['children'] as Record<string, unknown>[]).map((c) => [c['orgUnitId'], c]));
    expect(byId.get(region.ids.district[0])).toMatchObject(figuresOf(west));
    expect(byId.get(region.ids.district[1])).toMatchObject(figuresOf(east));
  });
});

import { eventually } from '@taizhang/testing';

import type { Answer, GatewayRegion } from './support/gateway-region';
import { startGatewayRegion } from './support/gateway-region';

/** Today in China, and a day `days` before it: the business dates the services count in. */
const chinaDay = (daysBefore = 0): string =>
  new Date(Date.now() + 8 * 3_600_000 - daysBefore * 86_400_000).toISOString().slice(0, 10);

interface Tally {
  inspections: number;
  womenSpecialInspections: number;
  hazardsFound: number;
  hazardsRectified: number;
  hazardsOverdue: number;
}
const sum = (a: Tally, b: Tally): Tally => ({
  inspections: a.inspections + b.inspections,
  womenSpecialInspections: a.womenSpecialInspections + b.womenSpecialInspections,
  hazardsFound: a.hazardsFound + b.hazardsFound,
  hazardsRectified: a.hazardsRectified + b.hazardsRectified,
  hazardsOverdue: a.hazardsOverdue + b.hazardsOverdue,
});

/**
 * A district's labour-protection inspections (劳动保护监督检查) through the gateway with real roles:
 * the union's cadre and the district's officer inspect, find hazards, ask for rectification and
 * verify it; the federations read figures the test computes on its own.
 */
describe('rights: a district’s inspections and hazards, and the figures federations read', () => {
  let region: GatewayRegion;
  const rights = (path: string) => `/api/rights${path}`;
  // What the setup recorded on each side: one general inspection with one hazard found.
  const base = (): Tally => ({
    inspections: 1,
    womenSpecialInspections: 0,
    hazardsFound: 1,
    hazardsRectified: 0,
    hazardsOverdue: 0,
  });
  const west = base();
  const east = base();
  const call = async (token: string, path: string, body: object, status: number) => {
    const answer: Answer = await region.call('POST', rights(path), token, body);
    expect({ path, status: answer.status, body: answer.body }).toMatchObject({ path, status });

    return answer;
  };
  const inspect = async (token: string, kind: string, inspectedOn: string, periods?: string[]) => {
    const id = (
      await call(
        token,
        '/inspections',
        {
          unionId: region.ids.union[0],
          kind,
          ...(periods ? { periodsChecked: periods } : {}),
          inspectedOn,
          employerName: '沈阳第一机床厂',
          inspectors: ['张伟', '李娜'],
        },
        201,
      )
    ).body['id'] as string;
    west.inspections += 1;
    if (kind === 'women_special') west.womenSpecialInspections += 1;

    return id;
  };
  const find = async (token: string, inspection: string, severity: string, foundOn: string) => {
    const id = (
      await call(
        token,
        `/inspections/${inspection}/hazards`,
        { description: '配电箱未接地', severity, foundOn },
        201,
      )
    ).body['id'] as string;
    west.hazardsFound += 1;

    return `/inspections/${inspection}/hazards/${id}`;
  };

  beforeAll(async () => {
    region = await startGatewayRegion();
  }, 300_000);
  afterAll(() => region?.close(), 120_000);

  it('records inspections and hazards through to verification with the cadre’s and the officer’s roles', async () => {
    const cadre = region.tokens.union_cadre[0];
    const officer = region.tokens.federation_officer[0];
    // 女职工"五期": a special inspection of pregnancy and nursing; a hazard rectified in time.
    const women = await inspect(cadre, 'women_special', chinaDay(), ['pregnancy', 'nursing']);
    const inTime = await find(cadre, women, 'major', chinaDay());
    await call(
      officer,
      `${inTime}/rectification-request`,
      { requestedOn: chinaDay(), dueOn: chinaDay(-10) },
      200,
    );
    await call(cadre, `${inTime}/rectified`, { rectifiedOn: chinaDay() }, 200);
    west.hazardsRectified += 1;
    await call(officer, `${inTime}/verification`, { verifiedOn: chinaDay(), by: '王芳' }, 200);
    // A month ago: a serious hazard given 7 days and never rectified — the clock marks it.
    const old = await inspect(officer, 'general', chinaDay(30));
    const neglected = await find(officer, old, 'serious', chinaDay(30));
    await call(
      officer,
      `${neglected}/rectification-request`,
      { requestedOn: chinaDay(30), dueOn: chinaDay(23) },
      200,
    );
    west.hazardsOverdue += 1;
    // Rectified ten days after its due date: rectified, and overdue once.
    const late = await find(cadre, old, 'minor', chinaDay(30));
    await call(
      cadre,
      `${late}/rectification-request`,
      { requestedOn: chinaDay(29), dueOn: chinaDay(20) },
      200,
    );
    await call(cadre, `${late}/rectified`, { rectifiedOn: chinaDay(10) }, 200);
    west.hazardsRectified += 1;
    west.hazardsOverdue += 1;
  });

  it('refuses what the rules and the scope refuse, through the gateway', async () => {
    const cadre = region.tokens.union_cadre[0];
    const before = await region.rightsEventCount();
    const inspection = region.ids.inspection[0];
    const hazard = `/inspections/${inspection}/hazards/${region.ids.hazard[0]}`;
    // 一般 (minor): at most 30 days.
    const tooLong = await region.call('POST', rights(`${hazard}/rectification-request`), cadre, {
      requestedOn: chinaDay(),
      dueOn: chinaDay(-31),
    });
    expect([tooLong.status, tooLong.body['code']]).toEqual([422, 'DUE_BEYOND_RULE']);
    const noPeriods = await region.call('POST', rights('/inspections'), cadre, {
      unionId: region.ids.union[0],
      kind: 'women_special',
      inspectedOn: chinaDay(),
      employerName: '机床厂',
      inspectors: ['张伟'],
    });
    expect([noPeriods.status, noPeriods.body['code']]).toEqual([422, 'PERIODS_REQUIRED']);
    const neighbour = region.tokens.union_cadre[1];
    expect((await region.call('GET', rights(`/inspections/${inspection}`), neighbour)).status).toBe(
      404,
    );
    const auditor = region.tokens.auditor[0];
    expect((await region.call('GET', rights(`/inspections/${inspection}`), auditor)).status).toBe(
      200,
    );
    expect(
      (
        await region.call('POST', rights(`/inspections/${inspection}/hazards`), auditor, {
          description: '越权',
          severity: 'minor',
          foundOn: chinaDay(),
        })
      ).status,
    ).toBe(403);
    expect(await region.rightsEventCount()).toBe(before);
  });

  it('gives each federation the hazard figures of its subtree, as the test counted them', async () => {
    const settled = async (unit: string, token: string, tally: Tally) => {
      const answer = await eventually(
        () => region.call('GET', `/api/reporting/reports/org-units/${unit}/summary`, token),
        (a) => Object.entries(tally).every(([key, value]) => a.body[key] === value),
        150_000,
      );
      expect(answer.body).toMatchObject(tally);
    };
    await settled(region.ids.union[0], region.tokens.union_cadre[0], west);
    await settled(region.ids.street[0], region.tokens.federation_officer[0], west);
    await settled(region.ids.district[0], region.tokens.auditor[0], west);
    await settled(region.ids.district[1], region.tokens.federation_officer[1], east);
    await settled(region.ids.city, region.cityOfficer, sum(west, east));
    const children = await region.call(
      'GET',
      `/api/reporting/reports/org-units/${region.ids.city}/children`,
      region.cityOfficer,
    );
    const byId = new Map(
      (children.body['children'] as Record<string, unknown>[]).map((c) => [c['orgUnitId'], c]),
    );
    expect(byId.get(region.ids.district[0])).toMatchObject(west);
    expect(byId.get(region.ids.district[1])).toMatchObject(east);
  });
});

import { eventually } from '@taizhang/testing';

import type { Answer, GatewayRegion } from './support/gateway-region';
import { disclosureBody, startGatewayRegion, warningBody } from './support/gateway-region';

/** Today in China: the business date the services count in. */
const chinaDay = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

interface Tally {
  unionsWithDisclosure: number;
  earlyWarningsOpen: number;
  earlyWarningsOpenBlue: number;
  earlyWarningsOpenYellow: number;
  earlyWarningsOpenOrange: number;
  earlyWarningsOpenRed: number;
}
type Level = 'Blue' | 'Yellow' | 'Orange' | 'Red';
const sum = (a: Tally, b: Tally): Tally =>
  Object.fromEntries(
    Object.keys(a).map((key) => [key, a[key as keyof Tally] + b[key as keyof Tally]]),
  ) as unknown as Tally;

/**
 * 厂务公开 and 劳动关系预警 through the gateway with real roles: the union's cadre records the
 * disclosures, the cadre and the district's officer raise, follow up, re-grade and resolve
 * warnings (the district one of its own); the federations read figures the test counts itself.
 */
describe('rights: a district’s affairs disclosures and early warnings, and their figures', () => {
  let region: GatewayRegion;
  const rights = (path: string) => `/api/rights${path}`;
  const thisYear = chinaDay().slice(0, 4);
  // What the setup recorded on each side: a disclosure of 2026-01-05 and a yellow warning of the
  // union raised that day, open.
  const base = (): Tally => ({
    unionsWithDisclosure: thisYear === '2026' ? 1 : 0,
    earlyWarningsOpen: 1,
    earlyWarningsOpenBlue: 0,
    earlyWarningsOpenYellow: 1,
    earlyWarningsOpenOrange: 0,
    earlyWarningsOpenRed: 0,
  });
  const west = base();
  const east = base();
  // What the district federation holds itself, in no union.
  const westDistrictOwn: Tally = {
    unionsWithDisclosure: 0,
    earlyWarningsOpen: 0,
    earlyWarningsOpenBlue: 0,
    earlyWarningsOpenYellow: 0,
    earlyWarningsOpenOrange: 0,
    earlyWarningsOpenRed: 0,
  };
  const open = (tally: Tally, level: Level, n: number) => {
    tally.earlyWarningsOpen += n;
    tally[`earlyWarningsOpen${level}`] += n;
  };
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

  beforeAll(async () => {
    region = await startGatewayRegion();
  }, 300_000);
  afterAll(() => region?.close(), 120_000);

  it('records disclosures and warnings with the cadre’s and the officer’s roles', async () => {
    const cadre = region.tokens.union_cadre[0];
    const officer = region.tokens.federation_officer[0];
    const union = region.ids.union[0];
    const today = chinaDay();
    // A disclosure this year: the union counts once, whatever the setup recorded.
    await created(cadre, '/disclosures', {
      ...disclosureBody(union),
      disclosedOn: today,
      items: ['promotion', 'welfare', 'hardship_grants'],
      channel: 'congress',
      audience: 'delegates',
    });
    west.unionsWithDisclosure = 1;
    // One recorded in error and withdrawn: it changes nothing.
    const mistaken = await created(officer, '/disclosures', {
      ...disclosureBody(union),
      disclosedOn: today,
    });
    await ok(officer, `/disclosures/${mistaken}/withdrawal`, {
      withdrawnOn: today,
      reason: '误登记',
    });
    expect(
      (await region.call('GET', rights(`/disclosures/${mistaken}`), cadre)).body,
    ).toMatchObject({ status: 'Withdrawn', notes: '年终奖金分配方案', withdrawalReason: '误登记' });

    // The setup's warning, followed up and raised to red by the officer.
    const setupWarning = region.ids.warning[0];
    expect(
      (
        await region.call('POST', rights(`/early-warnings/${setupWarning}/follow-ups`), officer, {
          on: today,
          action: '约谈企业负责人',
        })
      ).status,
    ).toBe(201);
    await ok(officer, `/early-warnings/${setupWarning}/level`, {
      to: 'red',
      changedOn: today,
      reason: '职工聚集上访',
    });
    open(west, 'Yellow', -1);
    open(west, 'Red', 1);
    // The district's own warning, orange, held directly.
    await created(officer, '/early-warnings', {
      ...warningBody(region.ids.district[0]),
      risk: 'closure',
      level: 'orange',
      raisedOn: today,
    });
    open(west, 'Orange', 1);
    open(westDistrictOwn, 'Orange', 1);
    // A blue one of the union, raised to yellow and resolved the same day: open at no day's end.
    const passing = await created(cadre, '/early-warnings', {
      ...warningBody(union),
      risk: 'mass_dispute',
      level: 'blue',
      raisedOn: today,
    });
    await ok(cadre, `/early-warnings/${passing}/level`, {
      to: 'yellow',
      changedOn: today,
      reason: '升级',
    });
    await ok(cadre, `/early-warnings/${passing}/resolution`, {
      resolvedOn: today,
      outcome: '已化解',
    });
    // A blue one still open.
    await created(cadre, '/early-warnings', {
      ...warningBody(union),
      level: 'blue',
      raisedOn: today,
    });
    open(west, 'Blue', 1);
  });

  it('refuses what the rules and the scope refuse, through the gateway, appending nothing', async () => {
    const cadre = region.tokens.union_cadre[0];
    const before = await region.rightsEventCount();
    const twice = await region.call('POST', rights('/disclosures'), cadre, {
      ...disclosureBody(region.ids.union[0]),
      items: ['safety', 'safety'],
    });
    expect([twice.status, twice.body['code']]).toEqual([422, 'DUPLICATE_ITEM']);
    // A union's cadre raises nothing for the district above it, nor reads the neighbour's.
    expect(
      (
        await region.call(
          'POST',
          rights('/early-warnings'),
          cadre,
          warningBody(region.ids.district[0]),
        )
      ).status,
    ).toBe(404);
    expect(
      (await region.call('GET', rights(`/early-warnings/${region.ids.warning[1]}`), cadre)).status,
    ).toBe(404);
    const auditor = region.tokens.auditor[0];
    expect(
      (await region.call('GET', rights(`/early-warnings/${region.ids.warning[0]}`), auditor))
        .status,
    ).toBe(200);
    expect(
      (
        await region.call(
          'POST',
          rights('/disclosures'),
          auditor,
          disclosureBody(region.ids.union[0]),
        )
      ).status,
    ).toBe(403);
    expect(await region.rightsEventCount()).toBe(before);
  });

  it('gives each federation the figures of its subtree, as the test counted them', async () => {
    const settled = async (unit: string, token: string, tally: Tally) => {
      const answer = await eventually(
        () => region.call('GET', `/api/reporting/reports/org-units/${unit}/summary`, token),
        (a) => Object.entries(tally).every(([key, value]) => a.body[key] === value),
        150_000,
      );
      expect(answer.body).toMatchObject(tally);
    };
    const westUnion = { ...west };
    for (const level of ['Blue', 'Yellow', 'Orange', 'Red'] as const)
      open(westUnion, level, -westDistrictOwn[`earlyWarningsOpen${level}`]);
    await settled(region.ids.union[0], region.tokens.union_cadre[0], westUnion);
    await settled(region.ids.street[0], region.tokens.federation_officer[0], westUnion);
    await settled(region.ids.district[0], region.tokens.auditor[0], west);
    await settled(region.ids.district[1], region.tokens.federation_officer[1], east);
    await settled(region.ids.city, region.cityOfficer, sum(west, east));
    // The drill-down: each district with the same figures, the district's own warning held directly.
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
    const district = await region.call(
      'GET',
      `/api/reporting/reports/org-units/${region.ids.district[0]}/children`,
      region.tokens.federation_officer[0],
    );
    expect(district.body['heldDirectly']).toMatchObject(westDistrictOwn);
  });
});

import { eventually } from '@taizhang/testing';

import type { Answer, GatewayRegion } from './support/gateway-region';
import { joinBody, startGatewayRegion } from './support/gateway-region';

const BEFORE = '2025-02-28';
const DISSOLVED_ON = '2025-03-01';
const FIGURES = [
  'unions',
  'members',
  'femaleMembers',
  'retainedMemberships',
  'termsExpired',
  'employers',
  'workforce',
  'coveredEmployers',
  'answersOverdue',
] as const;

/**
 * 撤销 through the gateway with real roles: only an officer above the union dissolves it (a cadre
 * of the union 403, the neighbouring district's officer 404); its members are then held by the
 * street above (保留会籍), and reporting's drill-down still adds up, before and after the date.
 */
describe('a dissolved union’s members, through the gateway (organisation → reporting)', () => {
  let region: GatewayRegion;
  const union = () => region.ids.union[0];
  const street = () => region.ids.street[0];
  const officer = () => region.tokens.federation_officer[0];
  const report = (path: string, asOf?: string): Promise<Answer> =>
    region.call(
      'GET',
      `/api/reporting/reports/org-units/${path}${asOf ? `?asOf=${asOf}` : ''}`,
      // The city's officer reads every level, the city's own figures among them.
      region.cityOfficer,
    );
  // The unit's summary against the sum of its children's and what it holds itself.
  const addsUp = async (unitId: string, asOf?: string) => {
    const [summary, drill] = await Promise.all([
      report(`${unitId}/summary`, asOf),
      report(`${unitId}/children`, asOf),
    ]);
    expect([summary.status, drill.status]).toEqual([200, 200]);
    const parts = [
      drill.body['heldDirectly'],
      ...(drill.body['children'] as Record<string, number>[]),
    ] as Record<string, number>[];
    const sum = Object.fromEntries(
      FIGURES.map((f) => [f, parts.reduce((total, part) => total + part[f]!, 0)]),
    );
    const unit = Object.fromEntries(FIGURES.map((f) => [f, summary.body[f]]));
    expect({ unitId, asOf, ...sum }).toEqual({ unitId, asOf, ...unit });

    return drill.body;
  };

  beforeAll(async () => {
    region = await startGatewayRegion();
  }, 300_000);
  afterAll(() => region?.close());

  it('hands every membership to the street above and keeps the figures adding up', async () => {
    const second = await region.call(
      'POST',
      `/api/organisation/unions/${union()}/members`,
      officer(),
      { ...joinBody(101), joinedOn: '2021-04-01' },
    );
    expect(second.status).toBe(201);
    await eventually(
      () => report(`${union()}/summary`),
      (answer) => answer.body['members'] === 2,
      60_000,
    );
    const body = { reason: '企业注销', dissolvedOn: DISSOLVED_ON };
    const path = `/api/organisation/unions/${union()}/dissolve`;

    const byCadre = await region.call('POST', path, region.tokens.union_cadre[0], body);
    expect(byCadre.status).toBe(403);
    const byNeighbour = await region.call('POST', path, region.tokens.federation_officer[1], body);
    expect(byNeighbour.status).toBe(404);
    const before = await region.eventCount();
    expect(before).toBeGreaterThan(0);
    const dissolved = await region.call('POST', path, officer(), body, {
      'idempotency-key': 'dissolve-e2e',
    });
    expect(dissolved.status).toBe(200);
    // The dissolution and the two retentions, once: the repeated request replays its answer.
    expect(await region.eventCount()).toBe(before + 3);
    const again = await region.call('POST', path, officer(), body, {
      'idempotency-key': 'dissolve-e2e',
    });
    expect([again.status, again.body]).toEqual([200, dissolved.body]);
    expect(await region.eventCount()).toBe(before + 3);

    for (const memberId of [region.ids.member[0], second.body['id'] as string]) {
      const member = await region.call('GET', `/api/organisation/members/${memberId}`, officer());
      expect(member.body).toMatchObject({
        status: 'retained',
        retention: {
          reason: 'union_dissolved',
          heldBy: 'federation',
          heldByOrgUnitId: street(),
          since: DISSOLVED_ON,
        },
      });
    }

    // The union's stream and its members' streams reach reporting on partitions of their own:
    // wait for all three figures, not for the retentions alone.
    const now = await eventually(
      () => report(`${street()}/summary`),
      (answer) =>
        answer.body['retainedMemberships'] === 2 &&
        answer.body['unions'] === 0 &&
        answer.body['members'] === 0,
      60_000,
    );
    expect(now.body).toMatchObject({ unions: 0, members: 0, retainedMemberships: 2 });
    const earlier = await report(`${street()}/summary`, BEFORE);
    expect(earlier.body).toMatchObject({ unions: 1, members: 2, retainedMemberships: 0 });

    for (const asOf of [BEFORE, DISSOLVED_ON, undefined])
      for (const unitId of [region.ids.city, region.ids.district[0], street()])
        await addsUp(unitId, asOf);
    const after = await addsUp(street(), DISSOLVED_ON);
    expect(after['children']).toEqual([]);
    expect(after['heldDirectly']).toMatchObject({ retainedMemberships: 2, members: 0 });
    const drilledBefore = await addsUp(street(), BEFORE);
    expect(drilledBefore['children']).toEqual([
      expect.objectContaining({ orgUnitId: union(), members: 2 }),
    ]);
  });
});

import { Topics } from '@taizhang/contracts';
import type { RunningServices } from '@taizhang/testing';
import { eventually, regionClient, startServices, testIdCardNumber } from '@taizhang/testing';

/** The thin slice through HTTP: org tree → unions in two districts → members → federation sums. */
describe('organisation → reporting', () => {
  let slice: RunningServices;
  // The admin builds the org tree; the city's officer records the rest (libs/testing).
  const region = regionClient({ as: (caller) => slice.as(caller) });
  const organisationUrl = () => slice.urls['organisation']!;
  const reportingUrl = () => slice.urls['reporting']!;
  const ids: Record<string, string> = {};

  const create = async (path: string, body: unknown): Promise<string> => {
    const answer = await region.post(`${organisationUrl()}${path}`, body);
    expect(answer.status).toBe(201);

    return answer.body['id'] as string;
  };
  const member = (n: number, gender: 'female' | 'male') => ({
    gender,
    idCardNumber: testIdCardNumber(n, { gender }),
    employmentForm: 'regular',
    migrantWorker: false,
  });
  const noOtherFigures = {
    migrantMembers: 0,
    newFormMembers: 0,
    retainedMemberships: 0,
    termsExpired: 0,
    answersOverdue: 0,
  };
  const noEmployers = {
    employers: 0,
    workforce: 0,
    femaleWorkforce: 0,
    migrantWorkforce: 0,
    newFormWorkforce: 0,
    coveredEmployers: 0,
    workforceOfUnionisedEmployers: 0,
    unionisationRate: null,
    membershipRateOfUnionised: null,
    membershipRateOfAll: null,
    femaleMembershipRate: null,
    migrantMembershipRate: null,
    newFormMembershipRate: null,
    employerRegistry: {
      source: 'employer-registry',
      oldestHeadcountsAsOf: null,
      newestHeadcountsAsOf: null,
    },
  };
  // Nothing recorded in rights: its figures are zero (no rate without a concluded dispute).
  const noRights = {
    disputesReceived: 0,
    disputesAgreed: 0,
    disputesFailed: 0,
    disputesOverdue: 0,
    mediationSuccessRate: null,
    amountRecoveredFen: 0,
    unionsWithCongressThisYear: 0,
    proposalsReceived: 0,
    proposalsAnswered: 0,
    contractsInForce: 0,
    contractsInForceByKind: { comprehensive: 0, wage: 0, women: 0, safety: 0 },
    workforceCoveredByContracts: 0,
    averageWageIncreasePercent: null,
    inspections: 0,
    womenSpecialInspections: 0,
    hazardsFound: 0,
    hazardsRectified: 0,
    hazardsOverdue: 0,
    hotlineTickets: 0,
    hotlineLegalAid: 0,
    hotlineClosed: 0,
    hotlineOverdue: 0,
    hotlineOnTimeRate: null,
    hotlineSatisfaction: null,
    hotlineWagesRecoveredFen: 0,
    unionsWithDisclosure: 0,
    earlyWarningsOpen: 0,
    earlyWarningsOpenBlue: 0,
    earlyWarningsOpenYellow: 0,
    earlyWarningsOpenOrange: 0,
    earlyWarningsOpenRed: 0,
  };
  const summary = (id: string) => region.get(`${reportingUrl()}/reports/org-units/${id}/summary`);
  const eventCount = async () =>
    Number(
      (await slice.databases['organisation']!.pool.query('SELECT count(*) FROM events')).rows[0]
        .count,
    );

  beforeAll(async () => {
    slice = await startServices(['organisation', 'reporting'], [Topics.organisation]);
    ids['city'] = await create('/org-units', {
      code: '2101',
      name: '沈阳市总工会',
      kind: 'municipal',
    });
    for (const district of ['heping', 'shenhe'])
      ids[district] = await create('/org-units', {
        code: district,
        name: `${district}区总工会`,
        kind: 'district',
        parentId: ids['city'],
      });
    ids['street'] = await create('/org-units', {
      code: 'nsc',
      name: '南市场街道工会联合会',
      kind: 'street',
      parentId: ids['heping'],
    });
    ids['factory'] = await create('/unions', {
      name: '沈阳第一机床厂工会委员会',
      parentId: ids['street'],
      establishedOn: '1985-05-01',
    });
    ids['market'] = await create('/unions', {
      name: '太原街商圈联合工会',
      parentId: ids['street'],
      establishedOn: '2012-10-18',
    });
    ids['hospital'] = await create('/unions', {
      name: '沈河区人民医院工会',
      parentId: ids['shenhe'],
      establishedOn: '1990-01-10',
    });
    const members: [string, string, 'female' | 'male'][] = [
      ['factory', '王秀英', 'female'],
      ['factory', '李建国', 'male'],
      ['factory', '张丽', 'female'],
      ['market', '赵磊', 'male'],
      ['hospital', '吴桂兰', 'female'],
      ['hospital', '郑凯', 'male'],
    ];
    for (const [i, [union, name, gender]] of members.entries())
      await create(`/unions/${ids[union]}/members`, {
        ...member(i, gender),
        name,
        joinedOn: '2020-07-01',
      });
  });
  afterAll(() => slice?.close());

  it('sums every district under the municipal federation, and each district alone', async () => {
    const city = await eventually(
      () => summary(ids['city']!),
      (s) => s.body['members'] === 6,
    );
    expect(city.body).toEqual({
      orgUnitId: ids['city'],
      unions: 3,
      members: 6,
      femaleMembers: 3,
      ...noOtherFigures,
      ...noEmployers,
      ...noRights,
    });
    expect((await summary(ids['heping']!)).body).toEqual({
      orgUnitId: ids['heping'],
      unions: 2,
      members: 4,
      femaleMembers: 2,
      ...noOtherFigures,
      ...noEmployers,
      ...noRights,
    });
    expect((await summary(ids['shenhe']!)).body).toEqual({
      orgUnitId: ids['shenhe'],
      unions: 1,
      members: 2,
      femaleMembers: 1,
      ...noOtherFigures,
      ...noEmployers,
      ...noRights,
    });
    expect((await summary(ids['factory']!)).body).toEqual({
      orgUnitId: ids['factory'],
      unions: 1,
      members: 3,
      femaleMembers: 2,
      ...noOtherFigures,
      ...noEmployers,
      ...noRights,
    });
  });

  it('drills down from the city to each district with the same figures', async () => {
    const drill = await region.get(`${reportingUrl()}/reports/org-units/${ids['city']}/children`);
    const children = drill.body['children'] as Record<string, unknown>[];

    expect(children.map((c) => [c['orgUnitId'], c['kind'], c['unions'], c['members']])).toEqual(
      expect.arrayContaining([
        [ids['heping'], 'district', 2, 4],
        [ids['shenhe'], 'district', 1, 2],
      ]),
    );
    expect(children).toHaveLength(2);
    const street = await region.get(
      `${reportingUrl()}/reports/org-units/${ids['street']}/children`,
    );
    expect((street.body['children'] as { kind: string }[]).every((c) => c.kind === 'union')).toBe(
      true,
    );
    expect((await region.get(`${reportingUrl()}/reports/org-units/nowhere/children`)).status).toBe(
      404,
    );
  });

  it('answers a repeated Idempotency-Key with the first answer and records nothing new', async () => {
    const url = `${organisationUrl()}/unions/${ids['market']}/members`;
    const body = { ...member(100, 'female'), name: '陈静', joinedOn: '2013-01-05' };
    const first = await region.post(url, body, { 'idempotency-key': 'join-chen-jing' });
    const before = await eventCount();
    const again = await region.post(url, body, { 'idempotency-key': 'join-chen-jing' });

    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await eventCount()).toBe(before);
    const reused = await region.post(
      url,
      { ...body, name: '陈晶' },
      { 'idempotency-key': 'join-chen-jing' },
    );
    expect(reused.status).toBe(422);
    expect(reused.body['code']).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('answers a stale If-Match with 409 and appends nothing', async () => {
    const before = await eventCount();
    const stale = await region.post(
      `${organisationUrl()}/unions`,
      { name: '新工会', parentId: ids['street'], establishedOn: '2020-01-01' },
      { 'if-match': '"3"' },
    );

    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(stale.body['code']).toBe('CONCURRENCY_CONFLICT');
    expect(await eventCount()).toBe(before);
  });

  it('answers bad input with a 4xx problem naming the field, and appends nothing', async () => {
    const before = await eventCount();
    const cases: [string, unknown, number][] = [
      [
        `/unions/${ids['factory']}/members`,
        { ...member(101, 'male'), name: '王五', gender: 'unknown', joinedOn: '2020-01-01' },
        400,
      ],
      [
        `/unions/${ids['factory']}/members`,
        { ...member(101, 'male'), name: '王五', joinedOn: '2999-01-01' },
        422,
      ],
      [
        `/unions/00000000-0000-4000-8000-000000000000/members`,
        { ...member(101, 'male'), name: '王五', joinedOn: '2020-01-01' },
        404,
      ],
      ['/unions', { name: '挂在市总下', parentId: ids['city'], establishedOn: '2020-01-01' }, 422],
      ['/org-units', { code: 'x', name: '无上级的区', kind: 'district' }, 422],
      ['/org-units', [1, 2, 3], 400],
    ];
    for (const [path, body, status] of cases) {
      const answer = await region.post(`${organisationUrl()}${path}`, body);
      expect({ path, status: answer.status }).toEqual({ path, status });
      expect(typeof answer.body['code']).toBe('string');
    }
    expect(await eventCount()).toBe(before);
  });

  it('returns Chinese names exactly as sent', async () => {
    const name = '沈阳市和平区𠮷野家·职工之家（试点）';
    const id = await create('/unions', {
      name,
      parentId: ids['street'],
      establishedOn: '2021-02-03',
    });

    expect((await region.get(`${organisationUrl()}/unions/${id}`)).body['name']).toBe(name);
  });
});

import { Topics } from '@taizhang/contracts';
import type { RunningServices } from '@taizhang/testing';
import { eventually, regionClient, startServices, testIdCardNumber } from '@taizhang/testing';

const committee = [
  { name: '刘芳', post: 'chair' },
  { name: '陈刚', post: 'member' },
  { name: '周婷', post: 'member' },
];

/** 换届、更名、撤销: a union's life after its founding, and what its federation sees of it. */
describe('the life of a union', () => {
  let running: RunningServices;
  // The admin builds the org tree; the city's officer records the rest (libs/testing).
  const region = regionClient({ as: (caller) => running.as(caller) });
  let district: string;
  let street: string;
  const organisation = (path: string) => `${running.urls['organisation']!}${path}`;
  const summary = () =>
    region.get(`${running.urls['reporting']!}/reports/org-units/${district}/summary`);
  const created = async (path: string, body: unknown): Promise<string> => {
    const answer = await region.post(organisation(path), body);
    expect(answer.status).toBe(201);

    return answer.body['id'] as string;
  };
  const ok = async (path: string, body: unknown) => {
    const answer = await region.post(organisation(path), body);
    expect({ path, status: answer.status, body: answer.body }).toMatchObject({
      path,
      status: expect.any(Number),
    });
    expect(answer.status).toBeLessThan(300);
  };

  beforeAll(async () => {
    // A clock ticking every second, so that an expired term is warned during the test.
    running = await startServices(['organisation', 'reporting'], [Topics.organisation], {
      TERM_CLOCK_INTERVAL_MS: '1000',
    });
    const city = await created('/org-units', {
      code: '2101',
      name: '沈阳市总工会',
      kind: 'municipal',
    });
    district = await created('/org-units', {
      code: '210113',
      name: '沈北新区总工会',
      kind: 'district',
      parentId: city,
    });
    street = await created('/org-units', {
      code: '210113001',
      name: '道义街道工会联合会',
      kind: 'street',
      parentId: district,
    });
  });
  afterAll(() => running?.close());

  it('warns of a term that ran out, keeps it after a rejected re-election, and clears it after an approved one', async () => {
    const union = await created('/unions', {
      name: '沈北化工厂工会',
      parentId: street,
      establishedOn: '2015-01-01',
    });
    await created(`/unions/${union}/elections`, {
      heldOn: '2019-06-01',
      entitledVoters: 40,
      present: 30,
      committee,
      termYears: 3,
    });
    await ok(`/unions/${union}/elections/approve`, {});

    const warned = await eventually(summary, (s) => s.body['termsExpired'] === 1);
    expect(warned.body).toMatchObject({ unions: 1, termsExpired: 1 });
    expect((await region.get(organisation(`/unions/${union}`))).body).toMatchObject({
      termEndsOn: '2022-05-31',
      termExpired: true,
    });

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(),
    );
    const reElection = { heldOn: today, entitledVoters: 40, present: 28, committee, termYears: 5 };
    // A rejected re-election leaves the old term expired; the union may elect again.
    await created(`/unions/${union}/elections`, reElection);
    await ok(`/unions/${union}/elections/reject`, {
      rejectedOn: today,
      reason: '候选人未经民主推荐',
    });
    expect((await region.get(organisation(`/unions/${union}`))).body).toMatchObject({
      termEndsOn: '2022-05-31',
      termExpired: true,
    });
    expect((await summary()).body['termsExpired']).toBe(1);
    await created(`/unions/${union}/elections`, reElection);
    await ok(`/unions/${union}/elections/approve`, { approvedOn: today });
    expect(
      (await eventually(summary, (s) => s.body['termsExpired'] === 0)).body['termsExpired'],
    ).toBe(0);
  });

  it('renames a union, and after dissolving it records nothing more and no longer counts it', async () => {
    const union = await created('/unions', {
      name: '道义农贸市场工会',
      parentId: street,
      establishedOn: '2010-03-01',
    });
    await ok(`/unions/${union}/rename`, {
      name: '道义农贸市场联合工会',
      effectiveOn: '2020-01-01',
    });
    expect((await region.get(organisation(`/unions/${union}`))).body['name']).toBe(
      '道义农贸市场联合工会',
    );
    const before = await eventually(summary, (s) => s.body['unions'] === 2);

    await ok(`/unions/${union}/dissolve`, { reason: '市场关闭', dissolvedOn: '2025-12-31' });
    const join = await region.post(organisation(`/unions/${union}/members`), {
      name: '吴亮',
      gender: 'male',
      idCardNumber: testIdCardNumber(7, { gender: 'male' }),
      employmentForm: 'regular',
      migrantWorker: false,
      joinedOn: '2024-01-01',
    });
    expect(join.status).toBe(422);
    expect(join.body['code']).toBe('UNION_DISSOLVED');
    const after = await eventually(
      summary,
      (s) => s.body['unions'] === Number(before.body['unions']) - 1,
    );
    expect(after.body['unions']).toBe(1);
  });
});

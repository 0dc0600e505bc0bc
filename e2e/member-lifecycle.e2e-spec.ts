import { Topics } from '@taizhang/contracts';
import type { RunningServices } from '@taizhang/testing';
import { eventually, regionClient, startServices, testIdCardNumber } from '@taizhang/testing';

/** A member's life over HTTP, and the federation figures after every step (DESIGN §6, §9). */
describe('member lifecycle → reporting', () => {
  let slice: RunningServices;
  // The admin builds the org tree; the city's officer records the rest (libs/testing).
  const region = regionClient({ as: (caller) => slice.as(caller) });
  const ids: Record<string, string> = {};
  const organisation = (path: string) => `${slice.urls['organisation']!}${path}`;

  const command = async (path: string, body: unknown, status = 201): Promise<string> => {
    const answer = await region.post(organisation(path), body);
    expect({ path, status: answer.status, body: answer.body }).toMatchObject({ status });

    return answer.body['id'] as string;
  };
  const summary = async (unit: string) =>
    (await region.get(`${slice.urls['reporting']!}/reports/org-units/${ids[unit]}/summary`)).body;
  const figures = async (unit: string) => {
    const { members, femaleMembers, migrantMembers, newFormMembers, retainedMemberships } =
      await summary(unit);

    return { members, femaleMembers, migrantMembers, newFormMembers, retainedMemberships };
  };
  const settled = (unit: string, check: (s: Record<string, unknown>) => boolean) =>
    eventually(() => summary(unit), check, 30_000);

  beforeAll(async () => {
    slice = await startServices(['organisation', 'reporting'], [Topics.organisation]);
    ids['city'] = await command('/org-units', {
      code: '2101',
      name: '沈阳市总工会',
      kind: 'municipal',
    });
    ids['district'] = await command('/org-units', {
      code: '210102',
      name: '和平区总工会',
      kind: 'district',
      parentId: ids['city'],
    });
    for (const [street, name] of [
      ['south', '南市场街道工会联合会'],
      ['north', '北市场街道工会联合会'],
    ] as const)
      ids[street] = await command('/org-units', {
        code: street,
        name,
        kind: 'street',
        parentId: ids['district'],
      });
    ids['factory'] = await command('/unions', {
      name: '沈阳第一机床厂工会委员会',
      parentId: ids['south'],
      establishedOn: '1985-05-01',
    });
    ids['couriers'] = await command('/unions', {
      name: '北市场快递物流行业联合工会',
      parentId: ids['north'],
      establishedOn: '2019-06-01',
    });
    ids['sun'] = await command(`/unions/${ids['factory']}/members`, {
      name: '孙丽',
      gender: 'female',
      idCardNumber: testIdCardNumber(1, { gender: 'female', region: '410122' }),
      phone: '13703710987',
      employmentForm: 'new_form',
      migrantWorker: true,
      channel: 'at_source',
      joinedOn: '2019-03-01',
    });
    ids['li'] = await command(`/unions/${ids['factory']}/members`, {
      name: '李建国',
      gender: 'male',
      idCardNumber: testIdCardNumber(2, { gender: 'male', birthDate: '1964-09-03' }),
      employmentForm: 'regular',
      migrantWorker: false,
      joinedOn: '1998-03-15',
    });
    ids['zhou'] = await command(`/unions/${ids['couriers']}/members`, {
      name: '周敏',
      gender: 'female',
      idCardNumber: testIdCardNumber(3, { gender: 'female' }),
      employmentForm: 'dispatched',
      migrantWorker: false,
      joinedOn: '2021-08-16',
    });
    await settled('district', (s) => s['members'] === 3);
  });
  afterAll(() => slice?.close());

  it('starts with each member counted in the union they joined', async () => {
    expect(await figures('factory')).toEqual({
      members: 2,
      femaleMembers: 1,
      migrantMembers: 1,
      newFormMembers: 1,
      retainedMemberships: 0,
    });
    expect(await figures('couriers')).toMatchObject({ members: 1, femaleMembers: 1 });
    expect(await figures('city')).toMatchObject({ members: 3, migrantMembers: 1 });
  });

  it('transfers a member: never counted twice or not at all, above the two unions', async () => {
    const seen: unknown[] = [];
    let watching = true;
    const watch = (async () => {
      while (watching) {
        const [district, city] = await Promise.all([figures('district'), figures('city')]);
        seen.push(district, city);
      }
    })();
    await command(
      `/members/${ids['sun']}/transfer`,
      { toUnionId: ids['couriers'], transferredOn: '2023-04-01' },
      200,
    );
    await settled('couriers', (s) => s['members'] === 2);
    watching = false;
    await watch;

    const steady = {
      members: 3,
      femaleMembers: 2,
      migrantMembers: 1,
      newFormMembers: 1,
      retainedMemberships: 0,
    };
    expect(seen.length).toBeGreaterThan(0);
    for (const figuresSeen of seen) expect(figuresSeen).toEqual(steady);
    expect(await figures('factory')).toMatchObject({
      members: 1,
      migrantMembers: 0,
      newFormMembers: 0,
    });
    expect(await figures('south')).toMatchObject({ members: 1, femaleMembers: 0 });
    expect(await figures('couriers')).toEqual({
      members: 2,
      femaleMembers: 2,
      migrantMembers: 1,
      newFormMembers: 1,
      retainedMemberships: 0,
    });
    expect(await figures('north')).toMatchObject({ members: 2, migrantMembers: 1 });

    const member = await region.get(organisation(`/members/${ids['sun']}`));
    expect(member.body).toMatchObject({
      status: 'active',
      unionId: ids['couriers'],
      joinedOn: '2019-03-01',
      since: '2023-04-01',
      history: [
        { step: 'joined', on: '2019-03-01', unionId: ids['factory'] },
        {
          step: 'transferred',
          on: '2023-04-01',
          unionId: ids['couriers'],
          fromUnionId: ids['factory'],
        },
      ],
    });
  });

  it('retains a retiree’s membership with the street federation: counted apart from the members', async () => {
    await command(
      `/members/${ids['li']}/retain`,
      { reason: 'retired', heldBy: 'federation', since: '2024-09-03' },
      200,
    );
    await settled('south', (s) => s['retainedMemberships'] === 1);

    expect(await figures('factory')).toMatchObject({ members: 0, retainedMemberships: 0 });
    expect(await figures('south')).toMatchObject({ members: 0, retainedMemberships: 1 });
    expect(await figures('district')).toMatchObject({ members: 2, retainedMemberships: 1 });
    expect(await figures('city')).toMatchObject({ members: 2, retainedMemberships: 1 });
  });

  it('takes members who leave out of every figure, retained ones included', async () => {
    await command(
      `/members/${ids['zhou']}/leave`,
      { reason: '本人申请退会', leftOn: '2025-01-10' },
      200,
    );
    await command(`/members/${ids['li']}/leave`, { reason: '会员去世', leftOn: '2025-02-01' }, 200);
    await settled('district', (s) => s['members'] === 1 && s['retainedMemberships'] === 0);

    expect(await figures('couriers')).toEqual({
      members: 1,
      femaleMembers: 1,
      migrantMembers: 1,
      newFormMembers: 1,
      retainedMemberships: 0,
    });
    expect(await figures('city')).toEqual({
      members: 1,
      femaleMembers: 1,
      migrantMembers: 1,
      newFormMembers: 1,
      retainedMemberships: 0,
    });
    const left = await region.post(organisation(`/members/${ids['zhou']}/transfer`), {
      toUnionId: ids['factory'],
      transferredOn: '2025-03-01',
    });
    expect([left.status, left.body['code']]).toEqual([422, 'MEMBER_LEFT']);
  });
});

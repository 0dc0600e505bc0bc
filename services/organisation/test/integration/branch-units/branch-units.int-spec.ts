import { Topics } from '@taizhang/contracts';
import type { TestCaller } from '@taizhang/testing';
import { regionSuite, testIdCardNumber } from '@taizhang/testing';

// Real PostgreSQL and Kafka, the service as its own process: a union's cadre sets up a workshop
// union and a union group (seed 004: 化水车间工会), places members in them at the join and by a
// dated move; the cadre of another union sees none of it.
describe('branch unions and union groups (organisation, integration)', () => {
  const { running, region, url, created, ok, unit } = regionSuite(
    ['organisation'],
    [Topics.organisation],
  );
  const ids = { refinery: '', school: '', workshop: '', group: '' };
  const cadres: Record<'refinery' | 'school', TestCaller> = {
    refinery: { role: 'union_cadre', orgPath: '' },
    school: { role: 'union_cadre', orgPath: '' },
  };
  const person = (n: number, branchId?: string) => ({
    name: '王秀英',
    gender: 'female',
    idCardNumber: testIdCardNumber(n, { birthDate: '1980-05-20' }),
    employmentForm: 'regular',
    migrantWorker: false,
    joinedOn: '2020-07-01',
    ...(branchId ? { branchId } : {}),
  });
  const as = (who: 'refinery' | 'school') => running.as(cadres[who]);

  beforeAll(async () => {
    const city = await unit('6501', '乌鲁木齐市总工会', 'municipal');
    const district = await unit('650104', '新市区总工会', 'district', city);
    const street = await unit('650104001', '北站西路街道工会联合会', 'street', district);
    for (const [key, name] of [
      ['refinery', '乌石化炼油厂工会'],
      ['school', '北站西路小学工会'],
    ] as const) {
      ids[key] = await created('/unions', { name, parentId: street, establishedOn: '2000-01-01' });
      cadres[key] = {
        role: 'union_cadre',
        orgPath: (await region.get(url(`/unions/${ids[key]}`))).body['orgPath'] as string,
      };
    }
  });

  it('lets the union’s cadre set up a workshop union and a union group, and lists them', async () => {
    const setUp = async (body: object) => {
      const answer = await as('refinery').post(url(`/unions/${ids.refinery}/branches`), body);
      expect(answer.status).toBe(201);

      return answer.body['id'] as string;
    };
    ids.workshop = await setUp({
      kind: 'branch_union',
      name: '化水车间工会',
      establishedOn: '2009-03-01',
    });
    ids.group = await setUp({
      kind: 'union_group',
      name: '化验班工会小组',
      establishedOn: '2010-01-01',
    });

    const listed = await as('refinery').get(url(`/unions/${ids.refinery}/branches`));
    expect(listed.body).toEqual({
      unionId: ids.refinery,
      branches: [
        {
          branchId: ids.workshop,
          kind: 'branch_union',
          name: '化水车间工会',
          establishedOn: '2009-03-01',
        },
        {
          branchId: ids.group,
          kind: 'union_group',
          name: '化验班工会小组',
          establishedOn: '2010-01-01',
        },
      ],
    });
    const twice = await as('refinery').post(url(`/unions/${ids.refinery}/branches`), {
      kind: 'branch_union',
      name: '化水车间工会',
      establishedOn: '2011-01-01',
    });
    expect(twice).toMatchObject({ status: 422, body: { code: 'BRANCH_NAME_TAKEN' } });
  });

  it('places a member at the join and moves them by a dated placement', async () => {
    const memberId = await created(`/unions/${ids.refinery}/members`, person(1, ids.workshop));
    expect((await region.get(url(`/members/${memberId}`))).body).toMatchObject({
      branchId: ids.workshop,
    });
    await ok(`/members/${memberId}/branch`, { branchId: ids.group, placedOn: '2024-01-01' });
    expect((await region.get(url(`/members/${memberId}`))).body).toMatchObject({
      branchId: ids.group,
      since: '2024-01-01',
    });
    await ok(`/members/${memberId}/branch`, { branchId: null, placedOn: '2025-01-01' });
    expect((await region.get(url(`/members/${memberId}`))).body['branchId']).toBeNull();
  });

  it('refuses a branch unit of another union, recording nothing', async () => {
    const refused = await region.post(
      url(`/unions/${ids.school}/members`),
      person(2, ids.workshop),
    );
    expect(refused).toMatchObject({ status: 422, body: { code: 'BRANCH_NOT_FOUND' } });
    const memberId = await created(`/unions/${ids.school}/members`, person(3));
    const moved = await region.post(url(`/members/${memberId}/branch`), {
      branchId: ids.workshop,
      placedOn: '2024-01-01',
    });
    expect(moved).toMatchObject({ status: 422, body: { code: 'BRANCH_NOT_FOUND' } });
  });

  it('answers 404 to the cadre of another union for its branch units and their setting up', async () => {
    expect((await as('school').get(url(`/unions/${ids.refinery}/branches`))).status).toBe(404);
    const answer = await as('school').post(url(`/unions/${ids.refinery}/branches`), {
      kind: 'union_group',
      name: '外来小组',
      establishedOn: '2020-01-01',
    });
    expect(answer.status).toBe(404);
  });
});

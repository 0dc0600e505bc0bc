import { Topics } from '@taizhang/contracts';
import type { RunningServices, TestCaller } from '@taizhang/testing';
import {
  eventually,
  regionClient,
  startServices,
  testCreditCode,
  testIdCardNumber,
} from '@taizhang/testing';

// Approval is recorded today, and a congress cannot precede it: the congress is held today too.
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

type Answer = { status: number; body: Record<string, unknown> };

/**
 * Seed 003 and 004 end to end, organisation and reporting as processes: a community holds a
 * member before their shop has a union, the founding of the shop's union moves them in; a school
 * union has a workshop-style branch union with a member; every level's figures add up, by union
 * type and per branch too.
 */
describe('members before their workplace has a union, and units below a union', () => {
  let running: RunningServices;
  const region = regionClient({ as: (caller) => running.as(caller) });
  const ids = { city: '', district: '', street: '', community: '', school: '', branch: '' };
  const shop = testCreditCode(501);
  let heldMember = '';
  const organisation = (path: string) => `${running.urls['organisation']!}${path}`;
  const reports = (path: string) => `${running.urls['reporting']!}/reports/org-units${path}`;
  const created = async (path: string, body: unknown): Promise<string> => {
    const answer = await region.post(organisation(path), body);
    expect({ path, status: answer.status, body: answer.body }).toMatchObject({ status: 201 });

    return answer.body['id'] as string;
  };
  const person = (n: number, more: Record<string, unknown> = {}) => ({
    name: `会员${n}`,
    gender: 'female',
    idCardNumber: testIdCardNumber(n, { gender: 'female' }),
    employmentForm: 'regular',
    migrantWorker: false,
    joinedOn: '2024-05-01',
    ...more,
  });
  const members = async (id: string): Promise<number> =>
    (await region.get(reports(`/${id}/summary`))).body['members'] as number;
  const until = (read: () => Promise<Answer>, done: (answer: Answer) => boolean) =>
    eventually(read, done, 60_000);

  beforeAll(async () => {
    running = await startServices(['organisation', 'reporting'], [Topics.organisation]);
    ids.city = await created('/org-units', {
      code: '2101',
      name: '沈阳市总工会',
      kind: 'municipal',
    });
    ids.district = await created('/org-units', {
      code: '210102',
      name: '和平区总工会',
      kind: 'district',
      parentId: ids.city,
    });
    ids.street = await created('/org-units', {
      code: '210102001',
      name: '南湖街道工会联合会',
      kind: 'street',
      parentId: ids.district,
    });
    ids.community = await created('/org-units', {
      code: '210102001001',
      name: '南湖社区工会',
      kind: 'community',
      parentId: ids.street,
    });
    await created('/employers', {
      creditCode: shop,
      name: '南湖便利店',
      kind: 'enterprise',
      streetId: ids.street,
      headcount: 12,
      femaleHeadcount: 8,
      migrantHeadcount: 6,
      newFormHeadcount: 0,
    });
    ids.school = await created('/unions', {
      name: '南湖小学工会',
      parentId: ids.street,
      establishedOn: '2005-09-01',
      unionType: 'school',
    });
  }, 240_000);
  afterAll(() => running?.close());

  it('counts a community-held member at the community, and the founding at their shop moves them into the new union', async () => {
    heldMember = await created(
      `/org-units/${ids.community}/members`,
      person(1, { employerId: shop }),
    );
    await until(
      () => region.get(reports(`/${ids.community}/summary`)),
      (answer) => answer.body['members'] === 1,
    );
    expect(await members(ids.street)).toBe(1);

    const unionId = await created('/union-applications', {
      proposedName: '南湖便利店工会',
      parentId: ids.street,
      employerIds: [shop],
      unionType: 'enterprise',
      preparatoryGroup: [
        { name: '张伟', role: '筹备组组长' },
        { name: '李娜', role: '成员' },
        { name: '王强', role: '成员' },
      ],
    });
    expect(
      (await region.post(organisation(`/union-applications/${unionId}/approve`), {})).status,
    ).toBe(200);
    await created(`/union-applications/${unionId}/founding-congress`, {
      heldOn: today,
      entitledVoters: 10,
      present: 9,
      committee: [{ name: '张伟', post: 'organiser' }],
      termYears: 3,
    });

    expect((await region.get(organisation(`/members/${heldMember}`))).body).toMatchObject({
      status: 'active',
      unionId,
      joinedOn: '2024-05-01',
    });
    await until(
      () => region.get(reports(`/${unionId}/summary`)),
      (answer) => answer.body['members'] === 1,
    );
    expect(await members(ids.community)).toBe(0);
    expect(await members(ids.street)).toBe(1);
    // Before the founding, the member counted at the community: as of yesterday nothing moved.
    const before = await region.get(reports(`/${ids.community}/summary?asOf=2024-12-31`));
    expect(before.body['members']).toBe(1);

    const byType = await region.get(reports(`/${ids.street}/by-union-type`));
    expect(byType.body['byType']).toEqual(
      expect.arrayContaining([
        { unionType: 'enterprise', unions: 1, members: 1 },
        { unionType: 'school', unions: 1, members: 0 },
      ]),
    );
  });

  it('reads a school union’s members per branch union, and the levels add up', async () => {
    ids.branch = await created(`/unions/${ids.school}/branches`, {
      kind: 'branch_union',
      name: '低年级组分工会',
      establishedOn: '2010-09-01',
    });
    await created(`/unions/${ids.school}/members`, person(2, { branchId: ids.branch }));
    await created(`/unions/${ids.school}/members`, person(3));

    const byBranch = await until(
      () => region.get(reports(`/${ids.school}/by-branch`)),
      (answer) => answer.body['members'] === 2,
    );
    expect(byBranch.body).toMatchObject({
      members: 2,
      unplaced: 1,
      branches: [
        { branchId: ids.branch, name: '低年级组分工会', kind: 'branch_union', members: 1 },
      ],
    });

    // The street's figures are its children's (two unions, the community) and its own held ones.
    const street = await until(
      () => region.get(reports(`/${ids.street}/summary`)),
      (answer) => answer.body['members'] === 3,
    );
    const children = await region.get(reports(`/${ids.street}/children`));
    const rows = children.body['children'] as { members: number; kind: string }[];
    expect(rows.reduce((sum, child) => sum + child.members, 0)).toBe(street.body['members']);
    expect(rows.map((child) => child.kind).sort()).toEqual(['community', 'union', 'union']);
    expect((await region.get(reports(`/${ids.district}/summary`))).body['members']).toBe(3);
  });

  it('answers 404 to the cadre of another union for the branch figures', async () => {
    const schoolPath = (await region.get(organisation(`/unions/${ids.school}`))).body[
      'orgPath'
    ] as string;
    const other: TestCaller = {
      role: 'union_cadre',
      orgPath: schoolPath.replace(ids.school, ids.community),
    };
    const own: TestCaller = { role: 'union_cadre', orgPath: schoolPath };
    expect((await running.as(own).get(reports(`/${ids.school}/by-branch`))).status).toBe(200);
    expect((await running.as(other).get(reports(`/${ids.school}/by-branch`))).status).toBe(404);
  });
});

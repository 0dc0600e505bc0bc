import { Topics } from '@taizhang/contracts';
import type { RunningServices } from '@taizhang/testing';
import {
  eventually,
  regionClient,
  startServices,
  testCreditCode,
  testIdCardNumber,
} from '@taizhang/testing';

// Approval is recorded today, and a congress cannot precede it: the congress is held today too.
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const inFiveYearsLessADay = (() => {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(year + 5, month - 1, day - 1));

  return end.toISOString().slice(0, 10);
})();

/** 组建: from a preparatory group's application to an established union counted by its federation. */
describe('founding a union', () => {
  let running: RunningServices;
  // The admin builds the org tree; the city's officer records the rest (libs/testing).
  const region = regionClient({ as: (caller) => running.as(caller) });
  let street: string;
  let district: string;
  const organisation = (path: string) => `${running.urls['organisation']!}${path}`;
  const created = async (path: string, body: unknown): Promise<string> => {
    const answer = await region.post(organisation(path), body);
    expect(answer.status).toBe(201);

    return answer.body['id'] as string;
  };
  const application = {
    proposedName: '沈阳新松机器人自动化股份有限公司工会委员会',
    employerIds: [testCreditCode(1)],
    preparatoryGroup: [
      { name: '张伟', role: '筹备组组长' },
      { name: '李娜', role: '成员' },
      { name: '王强', role: '成员' },
    ],
  };
  const congress = {
    heldOn: today,
    entitledVoters: 60,
    present: 45,
    committee: [
      { name: '张伟', post: 'chair' },
      { name: '李娜', post: 'vice_chair' },
      { name: '王强', post: 'member' },
    ],
    termYears: 5,
  };

  beforeAll(async () => {
    running = await startServices(['organisation', 'reporting'], [Topics.organisation]);
    const city = await created('/org-units', {
      code: '2101',
      name: '沈阳市总工会',
      kind: 'municipal',
    });
    district = await created('/org-units', {
      code: '210112',
      name: '浑南区总工会',
      kind: 'district',
      parentId: city,
    });
    street = await created('/org-units', {
      code: '210112001',
      name: '浑南街道工会联合会',
      kind: 'street',
      parentId: district,
    });
    // The employers an application covers are in the registry, under the federation applied to.
    for (const n of [1, 2])
      await created('/employers', {
        creditCode: testCreditCode(n),
        name: `沈阳新松${n}号工厂`,
        kind: 'enterprise',
        streetId: street,
        headcount: 60,
        femaleHeadcount: 20,
        migrantHeadcount: 0,
        newFormHeadcount: 0,
      });
  });
  afterAll(() => running?.close());

  it('goes from application through approval and the founding congress to an established union', async () => {
    const unionId = await created('/union-applications', { ...application, parentId: street });

    const early = await region.post(
      organisation(`/union-applications/${unionId}/founding-congress`),
      congress,
    );
    expect(early.status).toBe(422);
    expect(early.body['code']).toBe('APPLICATION_NOT_APPROVED');

    expect(
      (await region.post(organisation(`/union-applications/${unionId}/approve`), {})).status,
    ).toBe(200);

    const noQuorum = await region.post(
      organisation(`/union-applications/${unionId}/founding-congress`),
      {
        ...congress,
        present: 39,
      },
    );
    expect(noQuorum.status).toBe(422);
    expect(noQuorum.body['code']).toBe('QUORUM_NOT_REACHED');

    const established = await region.post(
      organisation(`/union-applications/${unionId}/founding-congress`),
      congress,
    );
    expect(established.status).toBe(201);
    const union = await region.get(organisation(`/unions/${unionId}`));
    expect(union.body).toMatchObject({
      id: unionId,
      name: application.proposedName,
      establishedOn: today,
      termEndsOn: inFiveYearsLessADay,
    });

    await created(`/unions/${unionId}/members`, {
      name: '赵敏',
      gender: 'female',
      idCardNumber: testIdCardNumber(1, { gender: 'female' }),
      employmentForm: 'regular',
      migrantWorker: false,
      joinedOn: today,
    });
    const summary = await eventually(
      () => region.get(`${running.urls['reporting']!}/reports/org-units/${district}/summary`),
      (s) => s.body['members'] === 1,
    );
    expect(summary.body).toMatchObject({ unions: 1, members: 1, femaleMembers: 1 });
  });

  it('records a rejection with its reason, after which no congress can be held', async () => {
    const unionId = await created('/union-applications', {
      ...application,
      employerIds: [testCreditCode(2)],
      parentId: street,
    });
    expect(
      (
        await region.post(organisation(`/union-applications/${unionId}/reject`), {
          reason: '覆盖单位已建立工会',
        })
      ).status,
    ).toBe(200);

    expect((await region.get(organisation(`/union-applications/${unionId}`))).body).toMatchObject({
      status: 'Rejected',
      reason: '覆盖单位已建立工会',
    });
    expect(
      (
        await region.post(
          organisation(`/union-applications/${unionId}/founding-congress`),
          congress,
        )
      ).status,
    ).toBe(422);
    expect((await region.get(organisation(`/unions/${unionId}`))).status).toBe(404);
  });

  it('refuses a preparatory group of two, naming the field', async () => {
    const answer = await region.post(organisation('/union-applications'), {
      ...application,
      parentId: street,
      preparatoryGroup: application.preparatoryGroup.slice(0, 2),
    });

    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body['errors'])).toContain('preparatoryGroup');
  });
});

import { Topics } from '@taizhang/contracts';
import type { TestCaller } from '@taizhang/testing';
import { regionSuite, testIdCardNumber } from '@taizhang/testing';

type Answer = { status: number; body: Record<string, unknown> };

// Real PostgreSQL and Kafka, the service as its own process: a record the caller may read shows
// the units outside the caller's scope without their id (a member's earlier unions, the union
// another merged into), while an officer or auditor above both still reads them.
describe('reads show only the units in the caller’s scope (organisation, integration)', () => {
  const { running, region, url, created, ok, unit } = regionSuite(
    ['organisation'],
    [Topics.organisation],
  );
  // Union A under street 1 of district 1, union B under street 2 of district 2, C beside A.
  const ids = { city: '', d1: '', d2: '', s1: '', s2: '', a: '', b: '', c: '' };
  const paths = { a: '', b: '', c: '', s1: '', d2: '' };

  const pathOf = async (unionId: string) =>
    (await region.get(url(`/unions/${unionId}`))).body['orgPath'] as string;
  const parentPath = (path: string) => path.slice(0, path.lastIndexOf('/'));
  const person = (n: number, joinedOn: string) => ({
    name: '刘桂兰',
    gender: 'female',
    idCardNumber: testIdCardNumber(n, { birthDate: '1980-05-20' }),
    employmentForm: 'regular',
    migrantWorker: false,
    joinedOn,
  });
  const read = (caller: TestCaller, path: string): Promise<Answer> =>
    running.as(caller).get(url(path));
  const cadreOf = (orgPath: string): TestCaller => ({ role: 'union_cadre', orgPath });
  const officerOf = (orgPath: string): TestCaller => ({ role: 'federation_officer', orgPath });
  const auditorOf = (orgPath: string): TestCaller => ({ role: 'auditor', orgPath });
  /** Everything the answer names outside B's side: A, its street and district, their names. */
  const sideA = () => [ids.a, ids.s1, ids.d1, paths.a, '机床厂', '五里河'];
  const expectNoneOf = (answer: Answer, secrets: string[]) => {
    expect(answer.status).toBe(200);
    const text = JSON.stringify(answer.body);
    expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
  };

  beforeAll(async () => {
    ids.city = await unit('2101', '沈阳市总工会', 'municipal');
    ids.d1 = await unit('210103', '沈河区总工会', 'district', ids.city);
    ids.d2 = await unit('210102', '和平区总工会', 'district', ids.city);
    ids.s1 = await unit('210103001', '五里河街道工会联合会', 'street', ids.d1);
    ids.s2 = await unit('210102001', '南湖街道工会联合会', 'street', ids.d2);
    const union = (name: string, parentId: string) =>
      created('/unions', { name, parentId, establishedOn: '2000-01-01' });
    ids.a = await union('机床厂工会', ids.s1);
    ids.b = await union('医院工会', ids.s2);
    ids.c = await union('五里河商圈联合工会', ids.s1);
    paths.a = await pathOf(ids.a);
    paths.b = await pathOf(ids.b);
    paths.c = await pathOf(ids.c);
    paths.s1 = parentPath(paths.a);
    paths.d2 = parentPath(parentPath(paths.b));
  });

  it("shows B's cadre a member transferred from A across districts without A, its federation or the reasons there; the city's officer and auditor read all", async () => {
    const memberId = await created(`/unions/${ids.a}/members`, person(1, '2018-07-01'));
    await ok(`/members/${memberId}/retain`, {
      reason: 'unemployed',
      heldBy: 'federation',
      since: '2022-01-01',
    });
    await ok(`/members/${memberId}/transfer`, { toUnionId: ids.b, transferredOn: '2024-03-01' });

    const asB = await read(cadreOf(paths.b), `/members/${memberId}`);
    expectNoneOf(asB, sideA());
    expect(asB.body).toMatchObject({
      status: 'active',
      unionId: ids.b,
      joinedOn: '2018-07-01',
      history: [
        { step: 'joined', on: '2018-07-01', unionId: null },
        { step: 'retained', on: '2022-01-01', unionId: null },
        { step: 'transferred', on: '2024-03-01', unionId: ids.b, fromUnionId: null },
      ],
    });
    for (const caller of [officerOf(paths.d2), auditorOf(paths.d2)])
      expectNoneOf(await read(caller, `/members/${memberId}`), sideA());

    for (const caller of [officerOf(ids.city), auditorOf(ids.city)])
      expect((await read(caller, `/members/${memberId}`)).body).toMatchObject({
        history: [
          { step: 'joined', on: '2018-07-01', unionId: ids.a },
          {
            step: 'retained',
            on: '2022-01-01',
            unionId: ids.a,
            reason: 'unemployed',
            heldBy: 'federation',
            heldByOrgUnitId: ids.s1,
          },
          { step: 'transferred', on: '2024-03-01', unionId: ids.b, fromUnionId: ids.a },
        ],
      });
  });

  it('does not show the reason given for leaving a union outside the scope', async () => {
    const memberId = await created(`/unions/${ids.a}/members`, person(2, '2019-09-01'));
    await ok(`/members/${memberId}/leave`, { reason: '调离机床厂', leftOn: '2023-06-30' });
    await created(`/unions/${ids.b}/members`, person(2, '2023-08-01'));

    const asB = await read(cadreOf(paths.b), `/members/${memberId}`);
    expectNoneOf(asB, [...sideA(), '调离']);
    expect(asB.body['history']).toEqual([
      { step: 'joined', on: '2019-09-01', unionId: null },
      { step: 'left', on: '2023-06-30', unionId: null },
      { step: 'joined', on: '2023-08-01', unionId: ids.b },
    ]);
    expect((await read(officerOf(ids.city), `/members/${memberId}`)).body['history']).toEqual([
      { step: 'joined', on: '2019-09-01', unionId: ids.a },
      { step: 'left', on: '2023-06-30', unionId: ids.a, reason: '调离机床厂' },
      { step: 'joined', on: '2023-08-01', unionId: ids.b },
    ]);
  });

  it("does not show a merged union's cadre the union it merged into, beside it in the street; the street's officer reads it", async () => {
    await ok(`/unions/${ids.c}/merge`, {
      intoUnionId: ids.a,
      mergedOn: '2025-01-01',
      reason: '企业合并重组',
    });

    const asC = await read(cadreOf(paths.c), `/unions/${ids.c}`);
    expectNoneOf(asC, [ids.a, paths.a]);
    expect(asC.body).toMatchObject({ status: 'Merged', intoUnionId: null });
    expect((await read(officerOf(paths.s1), `/unions/${ids.c}`)).body).toMatchObject({
      status: 'Merged',
      intoUnionId: ids.a,
    });
  });
});

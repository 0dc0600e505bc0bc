import { Topics } from '@taizhang/contracts';
import type { TestCaller } from '@taizhang/testing';
import { regionSuite, testCreditCode, testIdCardNumber } from '@taizhang/testing';

import { employerRegistration } from '../../employers/employer-registration';
import { PREPARATORY_GROUP } from '../../unions/preparatory-group';

type Answer = { status: number; body: Record<string, unknown> };

// Real PostgreSQL and Kafka, the service as its own process: a refusal tells the caller what to
// do, and names records outside the caller's scope (member ids, unions, dates) to nobody who
// cannot see them; a caller above both still reads them.
describe('refusals name only what the caller may see (organisation, integration)', () => {
  const { running, region, url, created, ok, unit } = regionSuite(
    ['organisation'],
    [Topics.organisation],
  );
  // Two streets of one district: unions A and C under the first, B under the second.
  const ids = { district: '', s1: '', s2: '', a: '', b: '', c: '' };
  const paths = { s1: '', a: '', b: '' };

  const pathOf = async (unionId: string) =>
    (await region.get(url(`/unions/${unionId}`))).body['orgPath'] as string;
  const person = (n: number, joinedOn = '2020-07-01') => ({
    name: '王秀英',
    gender: 'female',
    idCardNumber: testIdCardNumber(n, { birthDate: '1985-03-12' }),
    employmentForm: 'regular',
    migrantWorker: false,
    joinedOn,
  });
  const as = (caller: TestCaller, path: string, body: unknown): Promise<Answer> =>
    running.as(caller).post(url(path), body);
  const cadreOf = (orgPath: string): TestCaller => ({ role: 'union_cadre', orgPath });
  const officerOf = (orgPath: string): TestCaller => ({ role: 'federation_officer', orgPath });
  /** The answer as a client reads it: nothing of the given secrets anywhere in it. */
  const expectNoneOf = (answer: Answer, secrets: string[]) => {
    const text = JSON.stringify(answer.body);
    expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
  };

  beforeAll(async () => {
    const city = await unit('2101', '沈阳市总工会', 'municipal');
    ids.district = await unit('210103', '沈河区总工会', 'district', city);
    ids.s1 = await unit('210103001', '五里河街道工会联合会', 'street', ids.district);
    ids.s2 = await unit('210103002', '北市场街道工会联合会', 'street', ids.district);
    const union = (name: string, parentId: string) =>
      created('/unions', { name, parentId, establishedOn: '2000-01-01' });
    ids.a = await union('机床厂工会', ids.s1);
    ids.c = await union('商圈联合工会', ids.s1);
    ids.b = await union('医院工会', ids.s2);
    paths.a = await pathOf(ids.a);
    paths.b = await pathOf(ids.b);
    paths.s1 = paths.a.slice(0, paths.a.lastIndexOf('/'));
  });

  it("tells a cadre of union A that a person of union B needs a transfer, naming neither B, the member nor a date; B's cadre and an officer above both read them", async () => {
    const memberId = await created(`/unions/${ids.b}/members`, person(1));

    const fromA = await as(cadreOf(paths.a), `/unions/${ids.a}/members`, person(1, '2021-03-01'));
    expect([fromA.status, fromA.body['code']]).toEqual([422, 'MEMBER_ALREADY_ACTIVE']);
    expect(fromA.body['detail']).toMatch(/another union: ask for a transfer/);
    expectNoneOf(fromA, [ids.b, memberId, '2020-07-01']);

    const fromB = await as(cadreOf(paths.b), `/unions/${ids.b}/members`, person(1, '2021-03-01'));
    expect(fromB.body).toMatchObject({
      status: 422,
      code: 'MEMBER_ALREADY_ACTIVE',
      memberId,
      unionId: ids.b,
    });
    const above = await as(
      officerOf(paths.s1.slice(0, paths.s1.lastIndexOf('/'))),
      `/unions/${ids.a}/members`,
      person(1, '2021-03-01'),
    );
    expect(above.body).toMatchObject({ code: 'MEMBER_ALREADY_ACTIVE', memberId, unionId: ids.b });
  });

  it('does not tell a cadre of another union when a person left, nor where a membership is retained', async () => {
    const leftId = await created(`/unions/${ids.b}/members`, person(2));
    await ok(`/members/${leftId}/leave`, { reason: '调离本市', leftOn: '2024-05-31' });
    const early = person(2, '2024-01-01');

    const fromA = await as(cadreOf(paths.a), `/unions/${ids.a}/members`, early);
    expect([fromA.status, fromA.body['code']]).toEqual([422, 'DATE_BEFORE_LAST_CHANGE']);
    expectNoneOf(fromA, [ids.b, leftId, '2024-05-31']);
    const fromB = await as(cadreOf(paths.b), `/unions/${ids.b}/members`, early);
    expect(fromB.body).toMatchObject({ code: 'DATE_BEFORE_LAST_CHANGE', leftOn: '2024-05-31' });
    expect(fromB.body['detail']).toContain('2024-05-31');

    const retainedId = await created(`/unions/${ids.b}/members`, person(3));
    await ok(`/members/${retainedId}/retain`, {
      reason: 'retired',
      heldBy: 'union',
      since: '2024-01-01',
    });
    const retained = await as(cadreOf(paths.a), `/unions/${ids.a}/members`, person(3));
    expect([retained.status, retained.body['code']]).toEqual([422, 'MEMBERSHIP_RETAINED']);
    expectNoneOf(retained, [ids.b, retainedId]);
    expect((await as(cadreOf(paths.b), `/unions/${ids.b}/members`, person(3))).body).toMatchObject({
      code: 'MEMBERSHIP_RETAINED',
      memberId: retainedId,
      heldByOrgUnitId: ids.b,
    });
  });

  it('does not name the union another merged into, nor the union covering an employer, outside the scope', async () => {
    const memberId = await created(`/unions/${ids.a}/members`, person(4));
    // C (street 1) merges into B (street 2): the street's officer sees C, not B.
    await ok(`/unions/${ids.c}/merge`, {
      intoUnionId: ids.b,
      mergedOn: '2025-01-01',
      reason: '企业合并重组',
    });
    const street = officerOf(paths.s1);
    const district = officerOf(paths.s1.slice(0, paths.s1.lastIndexOf('/')));
    const transfer = { toUnionId: ids.c, transferredOn: '2025-02-01' };

    const moved = await as(street, `/members/${memberId}/transfer`, transfer);
    expect([moved.status, moved.body['code']]).toEqual([422, 'TARGET_UNION_MERGED']);
    expectNoneOf(moved, [ids.b]);
    expect((await as(district, `/members/${memberId}/transfer`, transfer)).body).toMatchObject({
      code: 'TARGET_UNION_MERGED',
      intoUnionId: ids.b,
    });
    const joined = await as(street, `/unions/${ids.c}/members`, person(5));
    expect([joined.status, joined.body['code']]).toEqual([422, 'UNION_MERGED']);
    expectNoneOf(joined, [ids.b]);

    // An employer of street 1 covered by a union registered under the district.
    const creditCode = testCreditCode(1);
    await created('/employers', employerRegistration(creditCode, '五里河机械厂', ids.s1));
    const covering = await created('/unions', {
      name: '沈河区机械行业联合工会',
      parentId: ids.district,
      establishedOn: '2001-01-01',
      employerIds: [creditCode],
    });
    const application = {
      proposedName: '五里河机械厂工会委员会',
      parentId: ids.s1,
      employerIds: [creditCode],
      preparatoryGroup: PREPARATORY_GROUP,
    };
    const applied = await as(street, '/union-applications', application);
    expect(applied.body).toMatchObject({
      status: 422,
      code: 'EMPLOYER_ALREADY_COVERED',
      employerId: creditCode,
    });
    expectNoneOf(applied, [covering]);
    expect((await as(district, '/union-applications', application)).body).toMatchObject({
      code: 'EMPLOYER_ALREADY_COVERED',
      unionId: covering,
    });
  });

  it("answers an employer outside the caller's scope as unknown, whatever the registry says of it", async () => {
    const creditCode = testCreditCode(2);
    await created(
      '/employers',
      employerRegistration(creditCode, '北市场商贸公司', ids.s2, {
        headcount: 40,
        femaleHeadcount: 20,
        migrantHeadcount: 0,
      }),
    );
    const closed = await region.post(url(`/employers/${creditCode}/close`), {
      closedOn: '2024-12-31',
      reason: '注销',
    });
    expect(closed.status).toBeLessThan(300);

    const applied = await as(officerOf(paths.s1), '/union-applications', {
      proposedName: '联合工会',
      parentId: ids.s1,
      employerIds: [creditCode],
      preparatoryGroup: PREPARATORY_GROUP,
    });
    expect(applied.body).toMatchObject({ status: 422, code: 'EMPLOYER_NOT_REGISTERED' });
  });
});

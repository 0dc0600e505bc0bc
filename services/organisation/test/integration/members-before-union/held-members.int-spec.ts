import { Topics } from '@taizhang/contracts';
import type { TestCaller } from '@taizhang/testing';
import { regionSuite, testCreditCode, testIdCardNumber } from '@taizhang/testing';

import { employerRegistration } from '../../employers/employer-registration';
import { PREPARATORY_GROUP } from '../../unions/preparatory-group';

// Real PostgreSQL and Kafka, the service as its own process. Seed 003: 先由上级工会，主要是社区
// 工会、乡镇工会发展会员，然后再在会员所在企业建立工会组织 — a community holds members of an
// employer without a union; the founding of a union there moves them in, and nobody else.
describe('members held before their workplace has a union (organisation, integration)', () => {
  const { running, region, url, created, ok, unit } = regionSuite(
    ['organisation'],
    [Topics.organisation],
  );
  const ids = { district: '', street: '', community: '', otherStreet: '' };
  const paths = { street: '', otherStreet: '' };
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const person = (n: number, employerId: string) => ({
    name: '赵丽',
    gender: 'female',
    idCardNumber: testIdCardNumber(n, { birthDate: '1990-02-14' }),
    employerId,
    employmentForm: 'regular',
    migrantWorker: true,
    joinedOn: '2024-03-01',
  });
  const officerOf = (orgPath: string): TestCaller => ({ role: 'federation_officer', orgPath });
  const member = async (memberId: string) => (await region.get(url(`/members/${memberId}`))).body;

  beforeAll(async () => {
    const city = await unit('2101', '沈阳市总工会', 'municipal');
    ids.district = await unit('210106', '铁西区总工会', 'district', city);
    ids.street = await unit('210106002', '重工街道工会联合会', 'street', ids.district);
    ids.otherStreet = await unit('210106003', '艳粉街道工会联合会', 'street', ids.district);
    ids.community = await unit('210106002001', '万泉社区工会', 'community', ids.street);
    for (const key of ['street', 'otherStreet'] as const)
      paths[key] = (await region.get(url(`/org-units/${ids[key]}`))).body['orgPath'] as string;
  });

  it('creates community and village units under a street only', async () => {
    expect((await region.get(url(`/org-units/${ids.community}`))).body).toMatchObject({
      kind: 'community',
      parentId: ids.street,
    });
    await unit('210106002101', '重工村工会', 'village', ids.street);
    const wrong = await region.post(url('/org-units'), {
      code: 'x',
      name: '错位社区工会',
      kind: 'community',
      parentId: ids.district,
    });
    expect(wrong).toMatchObject({ status: 422, body: { code: 'WRONG_PARENT_KIND' } });
  });

  it('moves the members a community held for an employer into the union founded there, and no one else', async () => {
    const [shop, other] = [testCreditCode(301), testCreditCode(302)];
    await created('/employers', employerRegistration(shop, '万泉便利店', ids.street));
    await created('/employers', employerRegistration(other, '万泉洗车行', ids.street));
    const streetOfficer = running.as(officerOf(paths.street));
    const hold = async (n: number, employerId: string, at = ids.community) => {
      const answer = await streetOfficer.post(
        url(`/org-units/${at}/members`),
        person(n, employerId),
      );
      expect(answer.status).toBe(201);

      return answer.body['id'] as string;
    };
    const first = await hold(1, shop);
    const second = await hold(2, shop, ids.street);
    const elsewhere = await hold(3, other);
    expect(await member(first)).toMatchObject({ status: 'active', unionId: ids.community });

    const applied = await created('/union-applications', {
      proposedName: '万泉便利店工会',
      parentId: ids.street,
      employerIds: [shop],
      preparatoryGroup: PREPARATORY_GROUP,
    });
    await ok(`/union-applications/${applied}/approve`);
    await created(`/union-applications/${applied}/founding-congress`, {
      heldOn: today,
      entitledVoters: 12,
      present: 10,
      committee: [{ name: '赵丽', post: 'organiser' }],
      termYears: 3,
    });

    for (const [moved, holder] of [
      [first, ids.community],
      [second, ids.street],
    ] as const)
      expect(await member(moved)).toMatchObject({
        status: 'active',
        unionId: applied,
        joinedOn: '2024-03-01',
        since: today,
        history: [
          { step: 'joined', unionId: holder },
          { step: 'transferred', unionId: applied, fromUnionId: holder },
        ],
      });
    expect(await member(elsewhere)).toMatchObject({ status: 'active', unionId: ids.community });
  });

  it('refuses a district as holder (422) and a unit outside the officer’s street (404)', async () => {
    const districtPath = (await region.get(url(`/org-units/${ids.district}`))).body[
      'orgPath'
    ] as string;
    const district = await running
      .as(officerOf(districtPath))
      .post(url(`/org-units/${ids.district}/members`), person(10, testCreditCode(303)));
    expect(district).toMatchObject({ status: 422, body: { code: 'CANNOT_HOLD_MEMBERS' } });
    const neighbour = await running
      .as(officerOf(paths.otherStreet))
      .post(url(`/org-units/${ids.community}/members`), person(11, testCreditCode(303)));
    expect(neighbour.status).toBe(404);
  });
});

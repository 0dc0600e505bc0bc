import { Topics } from '@taizhang/contracts';
import { regionSuite } from '@taizhang/testing';

// Real PostgreSQL and Kafka, the service as its own process: 三亮 over HTTP, Chinese kept exactly.
describe('union cadres (organisation, integration)', () => {
  const { region, url, created, unit } = regionSuite(['organisation'], [Topics.organisation]);
  // The admin builds the org tree; an officer of the city does the rest (libs/testing).
  let unionId: string;
  let street: string;
  const chair = {
    name: '麻军峰',
    post: '工会主席',
    phone: '138 0400 1122',
    duties: '主持工会全面工作；代表职工参加集体协商、签订集体合同。',
    appointedOn: '2024-01-05',
  };

  beforeAll(async () => {
    const city = await unit('2101', '沈阳市总工会', 'municipal');
    const district = await unit('210104', '大东区总工会', 'district', city);
    street = await unit('210104001', '大东街道工会联合会', 'street', district);
    unionId = await created('/unions', {
      name: '华晨宝马汽车有限公司工会',
      parentId: street,
      establishedOn: '2003-05-01',
    });
  });

  it('shows the serving cadres with name, post, phone and duties, until they are removed', async () => {
    const chairId = await created(`/unions/${unionId}/cadres`, chair);
    const treasurerId = await created(`/unions/${unionId}/cadres`, {
      name: '吕波',
      post: '经费审查委员会主任',
      phone: '(024) 2345 6789',
      duties: '审查工会经费收支',
      appointedOn: '2024-01-05',
    });

    const shown = await region.get(url(`/unions/${unionId}/cadres`));
    expect(shown.body).toEqual({
      unionId,
      unionName: '华晨宝马汽车有限公司工会',
      cadres: [
        { ...chair, cadreId: chairId, phone: '13804001122', postCode: null, pledge: null },
        {
          cadreId: treasurerId,
          name: '吕波',
          post: '经费审查委员会主任',
          phone: '024-23456789',
          duties: '审查工会经费收支',
          appointedOn: '2024-01-05',
          postCode: null,
          pledge: null,
        },
      ],
    });

    const removed = await region.post(url(`/unions/${unionId}/cadres/${chairId}/remove`), {
      removedOn: '2025-12-31',
      reason: '换届离任',
    });
    expect(removed.status).toBe(200);
    expect(
      (await region.get(url(`/unions/${unionId}/cadres`))).body['cadres'] as unknown[],
    ).toEqual([expect.objectContaining({ cadreId: treasurerId })]);
    const again = await region.post(url(`/unions/${unionId}/cadres/${chairId}/remove`), {
      removedOn: '2025-12-31',
      reason: '换届离任',
    });
    expect(again.status).toBe(404);
  });

  it('refuses a phone that is neither a mobile nor a landline, naming the field, and records nothing', async () => {
    const version = async () => (await region.get(url(`/unions/${unionId}`))).body['version'];
    const before = await version();
    const answer = await region.post(url(`/unions/${unionId}/cadres`), {
      ...chair,
      phone: '12345',
    });

    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body['errors'])).toContain('phone');
    expect(await version()).toBe(before);
  });

  it('answers 404 for a union that does not exist, 422 for one that has ended', async () => {
    const nowhere = await region.post(
      url('/unions/00000000-0000-4000-8000-000000000000/cadres'),
      chair,
    );
    expect(nowhere.status).toBe(404);
    const ended = await created('/unions', {
      name: '已撤销工会',
      parentId: street,
      establishedOn: '2003-05-01',
    });
    await region.post(url(`/unions/${ended}/dissolve`), {
      reason: '企业注销',
      dissolvedOn: '2025-01-01',
    });
    const refused = await region.post(url(`/unions/${ended}/cadres`), chair);
    expect([refused.status, refused.body['code']]).toEqual([422, 'UNION_DISSOLVED']);
    expect((await region.get(url(`/unions/${ended}/cadres`))).body['cadres']).toEqual([]);
  });
});

import { Topics } from '@taizhang/contracts';
import type { TestCaller } from '@taizhang/testing';
import { regionSuite } from '@taizhang/testing';

// Real PostgreSQL and Kafka, the service as its own process: a union's type (工会类型) recorded at
// registration, changed by a dated event, by the union's cadre or an officer above it.
describe('union types (organisation, integration)', () => {
  const { running, region, url, created, ok, unit } = regionSuite(
    ['organisation'],
    [Topics.organisation],
  );
  const ids = { street: '', school: '', old: '' };
  const get = async (id: string) => (await region.get(url(`/unions/${id}`))).body;
  const cadreOf = async (id: string): Promise<TestCaller> => ({
    role: 'union_cadre',
    orgPath: (await get(id))['orgPath'] as string,
  });

  beforeAll(async () => {
    const city = await unit('2101', '沈阳市总工会', 'municipal');
    const district = await unit('210104', '大东区总工会', 'district', city);
    ids.street = await unit('210104001', '大东街道工会联合会', 'street', district);
    ids.school = await created('/unions', {
      name: '大东区实验小学工会',
      parentId: ids.street,
      establishedOn: '2005-09-01',
      unionType: 'school',
    });
    // An old client that sends no type: recorded as not known.
    ids.old = await created('/unions', {
      name: '大东副食品市场工会',
      parentId: ids.street,
      establishedOn: '2008-03-01',
    });
  });

  it('records the type given at registration, none when an old client gives none', async () => {
    expect(await get(ids.school)).toMatchObject({ unionType: 'school' });
    expect((await get(ids.old))['unionType']).toBeUndefined();
  });

  it('changes the type from a date, for the union’s own cadre', async () => {
    const cadre = running.as(await cadreOf(ids.old));
    const answer = await cadre.post(url(`/unions/${ids.old}/type`), {
      unionType: 'market',
      effectiveOn: '2025-01-01',
    });
    expect(answer.status).toBe(200);
    expect(await get(ids.old)).toMatchObject({ unionType: 'market', typeChangedOn: '2025-01-01' });

    const again = await ok(`/unions/${ids.old}/type`, {
      unionType: 'building',
      effectiveOn: '2025-06-01',
    });
    expect(again['streamVersion']).toBe(3);
  });

  it('refuses an unknown type (400) or a date before the last change (422), recording nothing', async () => {
    const before = (await get(ids.school))['version'];
    const unknown = await region.post(url(`/unions/${ids.school}/type`), {
      unionType: 'factory',
      effectiveOn: '2025-01-01',
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('unionType');
    await ok(`/unions/${ids.school}/type`, {
      unionType: 'public_institution',
      effectiveOn: '2024-01-01',
    });
    const early = await region.post(url(`/unions/${ids.school}/type`), {
      unionType: 'school',
      effectiveOn: '2023-01-01',
    });
    expect(early).toMatchObject({ status: 422, body: { code: 'DATE_BEFORE_LAST_CHANGE' } });
    expect((await get(ids.school))['version']).toBe((before as number) + 1);
  });

  it('answers 404 to the cadre of another union, as for an unknown one', async () => {
    const neighbour = running.as(await cadreOf(ids.school));
    const answer = await neighbour.post(url(`/unions/${ids.old}/type`), {
      unionType: 'joint',
      effectiveOn: '2025-07-01',
    });
    expect(answer.status).toBe(404);
  });
});

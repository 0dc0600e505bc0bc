import { Topics } from '@taizhang/contracts';
import type { RunningServices } from '@taizhang/testing';
import { regionClient, startServices, testCreditCode, testIdCardNumber } from '@taizhang/testing';

// Real PostgreSQL and Kafka, the service as its own process: a move changes the path of the unit
// and of everything under it, and every later command records the path the tree has now.
describe('moving and renaming org units (organisation, integration)', () => {
  let running: RunningServices;
  // The admin builds the org tree; an officer of the city does the rest (libs/testing).
  const region = regionClient({ as: (caller) => running.as(caller) });
  const url = (path: string) => `${running.urls['organisation']!}${path}`;
  const pool = () => running.databases['organisation']!.pool;
  const created = async (path: string, body: unknown): Promise<string> => {
    const answer = await region.post(url(path), body);
    expect({ path, status: answer.status, body: answer.body }).toMatchObject({ status: 201 });

    return answer.body['id'] as string;
  };
  const orgUnit = (code: string, name: string, kind: string, parentId?: string) =>
    created('/org-units', { code, name, kind, parentId });
  const pathOfLastEvent = async (streamId: string): Promise<string> =>
    (
      await pool().query<{ org_path: string }>(
        'SELECT org_path FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1',
        [streamId],
      )
    ).rows[0]!.org_path;
  let city: string, d1: string, d2: string, street: string, street2: string, union: string;
  const employer = testCreditCode(4242);

  beforeAll(async () => {
    running = await startServices(['organisation'], [Topics.organisation]);
    city = await orgUnit('2101', '沈阳市总工会', 'municipal');
    d1 = await orgUnit('1', '和平区总工会', 'district', city);
    d2 = await orgUnit('2', '沈河区总工会', 'district', city);
    street = await orgUnit('11', '南市场街道', 'street', d1);
    street2 = await orgUnit('21', '五里河街道', 'street', d2);
    union = await created('/unions', {
      name: '机床厂工会',
      parentId: street,
      establishedOn: '2001-05-01',
    });
    await created('/employers', {
      creditCode: employer,
      name: '沈阳机床（集团）有限责任公司',
      kind: 'enterprise',
      streetId: street,
      headcount: 120,
      femaleHeadcount: 50,
      migrantHeadcount: 30,
      newFormHeadcount: 4,
    });
  });
  afterAll(() => running?.close());

  it('moves a street to another district: its path, its union’s, and what members record there', async () => {
    const moved = await region.post(url(`/org-units/${street}/move`), {
      parentId: d2,
      effectiveOn: '2025-07-01',
    });
    expect(moved.status).toBe(200);
    expect(await pathOfLastEvent(`org-unit-${street}`)).toBe(`${city}/${d2}/${street}`);
    expect((await region.get(url(`/org-units/${street}`))).body).toMatchObject({
      parentId: d2,
      orgPath: `${city}/${d2}/${street}`,
    });
    expect((await region.get(url(`/unions/${union}`))).body).toMatchObject({
      orgPath: `${city}/${d2}/${street}/${union}`,
    });

    const joined = await region.post(url(`/unions/${union}/members`), {
      name: '张伟',
      gender: 'male',
      idCardNumber: testIdCardNumber(7001, { gender: 'male' }),
      employmentForm: 'regular',
      migrantWorker: false,
      joinedOn: '2025-08-01',
    });
    expect(joined.status).toBe(201);
    expect(await pathOfLastEvent(`member-${joined.body['id'] as string}`)).toBe(
      `${city}/${d2}/${street}/${union}`,
    );
    // A command on the union itself records the new path too, though its stream never moved.
    await region.post(url(`/unions/${union}/rename`), {
      name: '沈阳机床工会',
      effectiveOn: '2025-09-01',
    });
    expect(await pathOfLastEvent(`union-${union}`)).toBe(`${city}/${d2}/${street}/${union}`);
  });

  it('takes the street’s employers along: the new district reaches them, the old one no more', async () => {
    // Registered with today's figures: a later update is as of today too (in China).
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const officerOf = (district: string) =>
      running.as({ role: 'federation_officer', orgPath: `${city}/${district}` });

    expect((await officerOf(d1).get(url(`/employers/${employer}`))).status).toBe(404);
    expect((await officerOf(d2).get(url(`/employers/${employer}`))).body).toMatchObject({
      orgPath: `${city}/${d2}/${street}/${employer}`,
    });
    expect(
      (
        await officerOf(d1).post(url(`/employers/${employer}/headcounts`), {
          asOf: today,
          headcount: 1,
          femaleHeadcount: 0,
          migrantHeadcount: 0,
          newFormHeadcount: 0,
        })
      ).status,
    ).toBe(404);
    const updated = await officerOf(d2).post(url(`/employers/${employer}/headcounts`), {
      asOf: today,
      headcount: 130,
      femaleHeadcount: 55,
      migrantHeadcount: 30,
      newFormHeadcount: 4,
    });
    expect(updated.status).toBe(201);
    expect(await pathOfLastEvent(`employer-${employer}`)).toBe(
      `${city}/${d2}/${street}/${employer}`,
    );
    // A union of the street may cover it: the employer lies under the street as it is now.
    const covering = await region.post(url('/unions'), {
      name: '沈阳机床（集团）有限责任公司工会',
      parentId: street,
      establishedOn: '2025-09-01',
      employerIds: [employer],
    });
    expect(covering.status).toBe(201);
  });

  it('moves a union to another street, and renames a federation from a date', async () => {
    expect(
      (
        await region.post(url(`/unions/${union}/move`), {
          parentId: street2,
          effectiveOn: '2025-10-01',
        })
      ).status,
    ).toBe(200);
    expect(await pathOfLastEvent(`union-${union}`)).toBe(`${city}/${d2}/${street2}/${union}`);
    const renamed = await region.post(url(`/org-units/${d2}/rename`), {
      name: '沈阳市沈河区总工会',
      effectiveOn: '2025-10-01',
    });
    expect(renamed.status).toBe(200);
    expect((await region.get(url(`/org-units/${d2}`))).body).toMatchObject({
      name: '沈阳市沈河区总工会',
    });
  });

  it('answers bad moves with a problem and records nothing', async () => {
    const before = (await pool().query('SELECT count(*)::int AS n FROM events')).rows[0] as {
      n: number;
    };
    const answers = await Promise.all([
      region.post(url(`/org-units/${street}/move`), {
        parentId: street2,
        effectiveOn: '2025-11-01',
      }),
      region.post(url(`/org-units/${street}/move`), { parentId: d2, effectiveOn: '2025-11-01' }),
      region.post(url(`/org-units/${street}/move`), { parentId: d1, effectiveOn: '2025-06-01' }),
      region.post(url(`/org-units/${city}/move`), { parentId: d1, effectiveOn: '2025-11-01' }),
      region.post(url(`/unions/${union}/move`), { parentId: city, effectiveOn: '2025-11-01' }),
      region.post(url(`/org-units/${street}/move`), { parentId: d1 }),
      region.post(url(`/org-units/7d5b8f0e-3c1a-4a8e-9b1e-1d2c3b4a5f60/move`), {
        parentId: d1,
        effectiveOn: '2025-11-01',
      }),
    ]);

    expect(answers.map((a) => [a.status, a.body['code']])).toEqual([
      [422, 'WRONG_PARENT_KIND'],
      [422, 'SAME_PARENT'],
      [422, 'DATE_BEFORE_LAST_CHANGE'],
      [422, 'CANNOT_MOVE_ROOT'],
      [422, 'WRONG_PARENT_KIND'],
      [400, expect.any(String)],
      [404, expect.any(String)],
    ]);
    expect((await pool().query('SELECT count(*)::int AS n FROM events')).rows[0]).toEqual(before);
  });
});

import { Topics } from '@taizhang/contracts';
import { regionSuite, testCreditCode } from '@taizhang/testing';

import { employerRegistration } from '../../employers/employer-registration';

// Real PostgreSQL and Kafka, the service as its own process: what a founding application needs of
// an employer (地址、法定代表人、注册资本), and a correction of a past date's headcounts that keeps
// the earlier figures in history.
describe('employer records (organisation, integration)', () => {
  const { running, region, url, created, unit } = regionSuite(
    ['organisation'],
    [Topics.organisation],
  );
  let street: string;
  const pool = () => running.databases['organisation']!.pool;
  const eventsOf = async (employerId: string) =>
    (
      await pool().query<{ type: string; data: Record<string, unknown> }>(
        'SELECT type, data FROM events WHERE stream_id = $1 ORDER BY stream_version',
        [`employer-${employerId}`],
      )
    ).rows;
  const details = {
    address: '沈阳市铁西区开发大路17甲1号',
    legalRepresentative: '王玉琦',
    registeredCapital: 155_000_000_000,
  };

  beforeAll(async () => {
    const city = await unit('2101', '沈阳市总工会', 'municipal');
    const district = await unit('210106', '铁西区总工会', 'district', city);
    street = await unit('210106002', '重工街道工会联合会', 'street', district);
  });

  it('registers an employer with its address, legal representative and capital, and changes them from a date', async () => {
    const code = testCreditCode(11);
    await created(
      '/employers',
      employerRegistration(code, '沈阳机床（集团）有限责任公司', street, details),
    );
    expect((await region.get(url(`/employers/${code}`))).body).toMatchObject(details);

    const change = { effectiveOn: '2024-05-01', legalRepresentative: '关锡友' };
    const changed = await region.post(url(`/employers/${code}/details`), change);
    expect(changed.status).toBe(200);
    expect((await region.get(url(`/employers/${code}`))).body).toMatchObject({
      ...details,
      legalRepresentative: '关锡友',
    });
    expect((await eventsOf(code)).map(({ type }) => type)).toEqual([
      'EmployerRegistered',
      'EmployerDetailsChanged',
    ]);

    const refused = await region.post(url(`/employers/${code}/details`), {
      effectiveOn: '2024-05-01',
      registeredCapital: 12.5,
    });
    expect(refused.status).toBe(400);
    const empty = await region.post(url(`/employers/${code}/details`), {
      effectiveOn: '2024-05-01',
    });
    expect([empty.status, empty.body['code']]).toEqual([422, 'NOTHING_TO_CHANGE']);
    expect(await eventsOf(code)).toHaveLength(2);
  });

  it('registers without them too', async () => {
    const code = testCreditCode(12);
    await created('/employers', employerRegistration(code, '铁西第二机械厂', street));
    const [registered] = await eventsOf(code);
    expect(registered!.data).not.toHaveProperty('address');
  });

  it('corrects the headcounts of a past date, saying what it corrects; the earlier figures stay in history', async () => {
    const code = testCreditCode(13);
    await created('/employers', employerRegistration(code, '铁西第三机械厂', street));
    await created(`/employers/${code}/headcounts`, {
      asOf: '2024-12-31',
      headcount: 95,
      femaleHeadcount: 30,
      migrantHeadcount: 10,
      newFormHeadcount: 0,
    });
    const correction = {
      asOf: '2020-01-01',
      headcount: 85,
      femaleHeadcount: 31,
      migrantHeadcount: 10,
      newFormHeadcount: 0,
      reason: '录入错误',
    };
    const correct = (body: unknown, key = `correct-${code}`) =>
      region.post(url(`/employers/${code}/headcounts/corrections`), body, {
        'idempotency-key': key,
      });

    const answer = await correct(correction);
    expect(answer.status).toBe(201);
    expect((await correct(correction)).body).toEqual(answer.body);
    const events = await eventsOf(code);
    expect(events.map(({ type }) => type)).toEqual([
      'EmployerRegistered',
      'EmployerHeadcountsUpdated',
      'EmployerHeadcountsCorrected',
    ]);
    expect(events[0]!.data).toMatchObject({ headcount: 80, femaleHeadcount: 30 });
    expect(events[2]!.data).toEqual({
      employerId: code,
      asOf: '2020-01-01',
      headcount: 85,
      femaleHeadcount: 31,
      migrantHeadcount: 10,
      newFormHeadcount: 0,
      corrects: { headcount: 80, femaleHeadcount: 30, migrantHeadcount: 10, newFormHeadcount: 0 },
      reason: '录入错误',
    });
    expect((await region.get(url(`/employers/${code}`))).body).toMatchObject({
      headcount: 95,
      headcountsAsOf: '2024-12-31',
      recordedHeadcounts: [
        { asOf: '2020-01-01', headcount: 85 },
        { asOf: '2024-12-31', headcount: 95 },
      ],
    });

    const nowhere = await correct({ ...correction, asOf: '2022-01-01' }, 'other');
    expect([nowhere.status, nowhere.body['code']]).toEqual([
      422,
      'NO_HEADCOUNTS_RECORDED_FOR_DATE',
    ]);
    expect(await eventsOf(code)).toHaveLength(3);
  });
});

import ExcelJS from 'exceljs';
import type { Producer } from 'kafkajs';

import { Topics } from '@taizhang/contracts';
import { createIdempotentProducer } from '@taizhang/messaging';
import type { RunningServices } from '@taizhang/testing';
import { eventually, startServices, testCreditCode, unionEstablishedData } from '@taizhang/testing';

import { UNCOVERED_EXPORT_MAX_ROWS } from '../../../src/uncovered-employers/uncovered-employers.controller';
import { organisationEnvelope, orgUnitCreated } from '../../organisation-envelope';

// One employer per number: its id and credit code from the number, its street's path given.
const employer = (n: number, streetPath: string, headcount: number, registeredOn: string) =>
  organisationEnvelope(
    'EmployerRegistered',
    `${streetPath}/e${n}`,
    {
      employerId: `e${n}`,
      creditCode: testCreditCode(n),
      name: `第${n}机械厂`,
      kind: 'enterprise',
      streetId: streetPath.split('/').pop(),
      orgPath: `${streetPath}/e${n}`,
      registeredOn,
      headcount,
      femaleHeadcount: 0,
      migrantHeadcount: 0,
      newFormHeadcount: 0,
    },
    { streamId: `employer-e${n}` },
  );

const EVENTS = [
  orgUnitCreated('c', 'municipal', null, 'c'),
  orgUnitCreated('d1', 'district', 'c', 'c/d1'),
  orgUnitCreated('d2', 'district', 'c', 'c/d2'),
  orgUnitCreated('s1', 'street', 'd1', 'c/d1/s1'),
  orgUnitCreated('s2', 'street', 'd1', 'c/d1/s2'),
  orgUnitCreated('s3', 'street', 'd2', 'c/d2/s3'),
  employer(1, 'c/d1/s1', 30, '2025-01-15'),
  employer(2, 'c/d1/s2', 500, '2024-06-01'),
  employer(3, 'c/d1/s1', 120, '2025-12-01'),
  // Covered by u1, closed, the neighbour district's, registered after the date asked: never listed.
  employer(4, 'c/d1/s1', 800, '2024-01-01'),
  employer(5, 'c/d1/s2', 900, '2024-01-01'),
  organisationEnvelope(
    'EmployerClosed',
    'c/d1/s2/e5',
    { employerId: 'e5', closedOn: '2025-06-01', reason: '企业注销' },
    { streamId: 'employer-e5', streamVersion: 2 },
  ),
  employer(6, 'c/d2/s3', 1000, '2024-01-01'),
  employer(7, 'c/d1/s2', 2000, '2026-03-01'),
  organisationEnvelope(
    'UnionEstablished',
    'c/d1/s1/u1',
    unionEstablishedData({
      unionId: 'u1',
      parentId: 's1',
      orgPath: 'c/d1/s1/u1',
      establishedOn: '2025-02-01',
      employerIds: ['e4'],
      committee: [{ name: '张伟', post: 'organiser' }],
      termYears: 3,
      termEndsOn: '2028-01-31',
    }),
    { streamId: 'union-u1' },
  ),
];

describe('uncovered employers 未建会单位', () => {
  let running: RunningServices;
  let producer: Producer;
  const officer = () => running.as({ role: 'federation_officer', orgPath: 'c/d1' });
  const list = (query: string) =>
    officer().get(
      `${running.urls['reporting']!}/reports/org-units/d1/uncovered-employers?${query}`,
    );

  beforeAll(async () => {
    running = await startServices(['reporting'], [Topics.organisation]);
    producer = createIdempotentProducer(running.topics.kafka);
    await producer.connect();
    const organisation = running.eventKeys['organisation']!;
    await producer.send({
      topic: running.topics.names[Topics.organisation]!,
      messages: EVENTS.map((event) => organisation.message(event)),
    });
    // Everything projected: the neighbour and the covering union too.
    await eventually(
      () =>
        running
          .as({ role: 'auditor', orgPath: 'c' })
          .get(`${running.urls['reporting']!}/reports/org-units/c/summary?asOf=2026-01-31`),
      (answer) => answer.body['employers'] === 5 && answer.body['coveredEmployers'] === 1,
      30_000,
    );
  }, 180_000);
  afterAll(async () => {
    await producer?.disconnect();
    await running?.close();
  });

  it('lists the open employers without a union, biggest first, with how long they are registered', async () => {
    const answer = await list('asOf=2026-01-31');

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      orgUnitId: 'd1',
      asOf: '2026-01-31',
      page: 1,
      pageSize: 50,
      total: 3,
      employers: [
        {
          employerId: 'e2',
          name: '第2机械厂',
          creditCode: testCreditCode(2),
          headcount: 500,
          registeredOn: '2024-06-01',
          registeredForDays: 609,
          registeredForMonths: 19,
        },
        expect.objectContaining({ employerId: 'e3', headcount: 120, registeredForMonths: 1 }),
        expect.objectContaining({ employerId: 'e1', headcount: 30, registeredForDays: 381 }),
      ],
    });
  });

  it('pages with the total', async () => {
    const second = await list('asOf=2026-01-31&page=2&pageSize=2');
    const past = await list('asOf=2026-01-31&page=3&pageSize=2');

    expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect((second.body['employers'] as { employerId: string }[]).map((e) => e.employerId)).toEqual(
      ['e1'],
    );
    expect(past.body).toMatchObject({ total: 3, employers: [] });
  });

  it('answers as of today by default: an employer registered since is listed', async () => {
    const answer = await list('');

    expect((answer.body['employers'] as { employerId: string }[]).map((e) => e.employerId)).toEqual(
      ['e7', 'e2', 'e3', 'e1'],
    );
  });

  it('searches by a part of the name, Chinese as written, the list and its sheet alike', async () => {
    const ids = async (query: string) => {
      const answer = await list(`asOf=2026-01-31&${query}`);
      expect(answer.status).toBe(200);

      return [
        answer.body['total'],
        (answer.body['employers'] as { employerId: string }[]).map((e) => e.employerId),
      ];
    };

    expect(await ids(`name=${encodeURIComponent('机械')}`)).toEqual([3, ['e2', 'e3', 'e1']]);
    expect(await ids(`name=${encodeURIComponent('第3')}`)).toEqual([1, ['e3']]);
    expect(await ids(`name=${encodeURIComponent('第2机械厂')}`)).toEqual([1, ['e2']]);
    // Covered, or the neighbour's: a name search never widens the list.
    expect(await ids(`name=${encodeURIComponent('第4')}`)).toEqual([0, []]);
    expect(await ids(`name=${encodeURIComponent('第6')}`)).toEqual([0, []]);
    expect(await ids(`name=${encodeURIComponent('快递')}`)).toEqual([0, []]);
    expect(await ids(`name=${encodeURIComponent('机械')}&page=2&pageSize=2`)).toEqual([3, ['e1']]);

    const response = await fetch(
      `${running.urls['reporting']!}/reports/org-units/d1/uncovered-employers.xlsx?asOf=2026-01-31&name=${encodeURIComponent('第3')}`,
      { headers: await running.auth.headers({ role: 'federation_officer', orgPath: 'c/d1' }) },
    );
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.slice(2).map((row) => row[1])).toEqual(['第3机械厂']);

    for (const bad of ['name=', `name=${'厂'.repeat(101)}`, 'name=%20%20', 'name=a&name=b'])
      expect({ bad, status: (await list(bad)).status }).toEqual({ bad, status: 400 });
  });

  it('exports every row as a sheet with Chinese headers', async () => {
    const response = await fetch(
      `${running.urls['reporting']!}/reports/org-units/d1/uncovered-employers.xlsx?asOf=2026-01-31`,
      { headers: await running.auth.headers({ role: 'federation_officer', orgPath: 'c/d1' }) },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];

    expect(rows.map((row) => row.slice(1))).toEqual([
      ['未建会单位（截至2026-01-31）'],
      ['单位名称', '统一社会信用代码', '职工人数', '登记日期', '登记天数', '登记月数'],
      ['第2机械厂', testCreditCode(2), 500, '2024-06-01', 609, 19],
      ['第3机械厂', testCreditCode(3), 120, '2025-12-01', 61, 1],
      ['第1机械厂', testCreditCode(1), 30, '2025-01-15', 381, 12],
    ]);
  });

  it('answers 404 for a unit outside the caller’s subtree, and a bad page is a 400', async () => {
    const neighbour = running.as({ role: 'federation_officer', orgPath: 'c/d2' });

    expect(
      (
        await neighbour.get(
          `${running.urls['reporting']!}/reports/org-units/d1/uncovered-employers`,
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await neighbour.get(
          `${running.urls['reporting']!}/reports/org-units/d1/uncovered-employers.xlsx`,
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await neighbour.get(
          `${running.urls['reporting']!}/reports/org-units/d2/uncovered-employers?asOf=2026-01-31`,
        )
      ).body,
    ).toMatchObject({ total: 1, employers: [expect.objectContaining({ employerId: 'e6' })] });
    expect((await list('page=0')).status).toBe(400);
  });
  it('documents both routes in OpenAPI, the list with its response schema', async () => {
    const document = (await (await fetch(`${running.urls['reporting']!}/docs-json`)).json()) as {
      paths: Record<
        string,
        { get: { responses: Record<string, { content: Record<string, unknown> }> } }
      >;
    };
    const list =
      document.paths['/reports/org-units/{id}/uncovered-employers']!.get.responses['200']!;
    const sheet =
      document.paths['/reports/org-units/{id}/uncovered-employers.xlsx']!.get.responses['200']!;

    expect(JSON.stringify(list.content)).toContain('UncoveredEmployersDto');
    expect(Object.keys(sheet.content)).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
  });

  // Last: it fills street s2 with more employers than a sheet carries (registered after the dates
  // the other tests ask for), straight into the read model, as projecting them would take minutes.
  it('refuses a sheet of more rows than the cap with a 413 problem; the pages still answer', async () => {
    const pool = running.databases['reporting']!.pool;
    const many = UNCOVERED_EXPORT_MAX_ROWS + 1;
    await pool.query(
      `INSERT INTO employer_facts (employer_id, street_id, org_path, kind, registered_on, headcount,
         female_headcount, migrant_headcount, new_form_headcount, headcounts_as_of, name)
       SELECT 'bulk' || n, 's2', 'c/d1/s2/bulk' || n, 'enterprise', '2026-02-01', 1, 0, 0, 0,
              '2026-02-01', '批量' || n
       FROM generate_series(1, $1::int) AS n`,
      [many],
    );
    await pool.query(
      `INSERT INTO employer_steps (employer_id, day, unit_id, headcounts_as_of, employers, workforce)
       SELECT 'bulk' || n, '2026-02-01', 's2', '2026-02-01', 1, 1 FROM generate_series(1, $1::int) AS n`,
      [many],
    );
    const url = `${running.urls['reporting']!}/reports/org-units/d1/uncovered-employers`;

    const sheet = await officer().get(`${url}.xlsx?asOf=2026-02-01`);
    expect(sheet.status).toBe(413);
    expect(sheet.body).toMatchObject({ code: 'EXPORT_TOO_LARGE' });
    expect((await officer().get(`${url}?asOf=2026-02-01&pageSize=1`)).body).toMatchObject({
      total: many + 3,
      employers: [expect.objectContaining({ employerId: 'e2' })],
    });
  });
});

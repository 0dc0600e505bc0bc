import ExcelJS from 'exceljs';
import type { Producer } from 'kafkajs';

import { Topics } from '@taizhang/contracts';
import { createIdempotentProducer } from '@taizhang/messaging';
import type { RunningServices, TestCaller } from '@taizhang/testing';
import { eventually, startServices, testCreditCode, unionEstablishedData } from '@taizhang/testing';

import { organisationEnvelope, orgUnitCreated } from '../../organisation-envelope';

type Row = Record<string, unknown>;

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

const union = (id: string, streetPath: string, establishedOn: string, employerIds: string[]) =>
  organisationEnvelope(
    'UnionEstablished',
    `${streetPath}/${id}`,
    unionEstablishedData({
      unionId: id,
      parentId: streetPath.split('/').pop()!,
      orgPath: `${streetPath}/${id}`,
      establishedOn,
      employerIds,
      termEndsOn: '2030-01-01',
    }),
    { streamId: `union-${id}` },
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
  employer(5, 'c/d1/s2', 900, '2024-01-01'),
  organisationEnvelope(
    'EmployerClosed',
    'c/d1/s2/e5',
    { employerId: 'e5', closedOn: '2025-06-01', reason: '企业注销' },
    { streamId: 'employer-e5', streamVersion: 2 },
  ),
  employer(6, 'c/d2/s3', 1000, '2024-01-01'),
  // Covered by the unions of d1 that end or come later; registered in the neighbour district.
  employer(7, 'c/d2/s3', 1, '2024-01-01'),
  employer(8, 'c/d2/s3', 1, '2024-01-01'),
  employer(9, 'c/d2/s3', 1, '2024-01-01'),
  union('u1', 'c/d1/s1', '2025-02-01', ['e1']),
  union('u2', 'c/d1/s2', '2024-03-01', ['e7']),
  organisationEnvelope(
    'UnionDissolved',
    'c/d1/s2/u2',
    { unionId: 'u2', dissolvedOn: '2025-09-01', reason: '企业破产' },
    { streamId: 'union-u2', streamVersion: 2 },
  ),
  union('u3', 'c/d1/s1', '2024-05-01', ['e8']),
  organisationEnvelope(
    'UnionMerged',
    'c/d1/s1/u3',
    { unionId: 'u3', intoUnionId: 'u1', mergedOn: '2025-10-01', reason: '合并' },
    { streamId: 'union-u3', streamVersion: 2 },
  ),
  union('u4', 'c/d2/s3', '2024-01-01', ['e6']),
  union('u5', 'c/d1/s2', '2026-03-01', ['e9']),
];

// Reporting's read models fed through Kafka: the unions and employers of a unit's subtree on a
// date (工会名录, 单位台账), filtered, paged with the total, scope-checked, and as sheets.
describe('unions and employers of a unit (reporting, integration)', () => {
  let running: RunningServices;
  let producer: Producer;
  const officer: TestCaller = { role: 'federation_officer', orgPath: 'c/d1' };
  const get = (path: string, caller: TestCaller = officer) =>
    running.as(caller).get(`${running.urls['reporting']!}/reports/org-units/${path}`);
  const ids = (body: Row, key: string, id: string) => (body[key] as Row[]).map((row) => row[id]);

  beforeAll(async () => {
    running = await startServices(['reporting'], [Topics.organisation]);
    producer = createIdempotentProducer(running.topics.kafka);
    await producer.connect();
    const organisation = running.eventKeys['organisation']!;
    await producer.send({
      topic: running.topics.names[Topics.organisation]!,
      messages: EVENTS.map((event) => organisation.message(event)),
    });
    await eventually(
      () => get('c/unions?asOf=2026-12-31', { role: 'auditor', orgPath: 'c' }),
      (answer) => answer.body['total'] === 5,
      30_000,
    );
    await eventually(
      () => get('c/employers?asOf=2026-01-31', { role: 'auditor', orgPath: 'c' }),
      (answer) =>
        answer.body['total'] === 8 &&
        (answer.body['employers'] as Row[]).some(
          (e) => e['covered'] === true && e['employerId'] === 'e1',
        ),
      30_000,
    );
  });
  afterAll(async () => {
    await producer?.disconnect();
    await running?.close();
  });

  it('lists the unions of the subtree as they stood on a date, the oldest first', async () => {
    const answer = await get('d1/unions?asOf=2026-01-31');

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      orgUnitId: 'd1',
      asOf: '2026-01-31',
      page: 1,
      pageSize: 50,
      total: 3,
      unions: [
        {
          unionId: 'u2',
          name: 'u2工会',
          parentId: 's2',
          establishedOn: '2024-03-01',
          status: 'dissolved',
          endedOn: '2025-09-01',
        },
        {
          unionId: 'u3',
          name: 'u3工会',
          parentId: 's1',
          establishedOn: '2024-05-01',
          status: 'merged',
          endedOn: '2025-10-01',
        },
        {
          unionId: 'u1',
          name: 'u1工会',
          parentId: 's1',
          establishedOn: '2025-02-01',
          status: 'active',
          endedOn: null,
        },
      ],
    });
    const before = await get('d1/unions?asOf=2025-08-01');
    expect((before.body['unions'] as Row[]).map((u) => [u['unionId'], u['status']])).toEqual([
      ['u2', 'active'],
      ['u3', 'active'],
      ['u1', 'active'],
    ]);
  });

  it('filters unions by status and name, and pages with the total', async () => {
    expect(
      ids((await get('d1/unions?asOf=2026-01-31&status=active')).body, 'unions', 'unionId'),
    ).toEqual(['u1']);
    expect(
      ids((await get('d1/unions?asOf=2026-01-31&status=merged')).body, 'unions', 'unionId'),
    ).toEqual(['u3']);
    expect(
      ids(
        (await get(`d1/unions?asOf=2026-01-31&name=${encodeURIComponent('u2')}`)).body,
        'unions',
        'unionId',
      ),
    ).toEqual(['u2']);
    const second = await get('d1/unions?asOf=2026-01-31&page=2&pageSize=2');
    expect(second.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(ids(second.body, 'unions', 'unionId')).toEqual(['u1']);
    expect((await get('d1/unions?asOf=2026-01-31&page=9&pageSize=2')).body).toMatchObject({
      total: 3,
      unions: [],
    });
  });

  it('lists the employers of the subtree with their state on the date, filtered by status and coverage', async () => {
    const all = await get('d1/employers?asOf=2026-01-31');

    expect(all.body).toMatchObject({ orgUnitId: 'd1', asOf: '2026-01-31', total: 4 });
    expect(all.body['employers']).toEqual([
      {
        employerId: 'e5',
        name: '第5机械厂',
        creditCode: testCreditCode(5),
        kind: 'enterprise',
        headcount: 900,
        registeredOn: '2024-01-01',
        status: 'closed',
        closedOn: '2025-06-01',
        covered: false,
      },
      expect.objectContaining({
        employerId: 'e2',
        headcount: 500,
        status: 'open',
        closedOn: null,
        covered: false,
      }),
      expect.objectContaining({ employerId: 'e3', headcount: 120, status: 'open' }),
      expect.objectContaining({ employerId: 'e1', headcount: 30, covered: true }),
    ]);
    expect(
      ids(
        (await get('d1/employers?asOf=2026-01-31&status=open&covered=false')).body,
        'employers',
        'employerId',
      ),
    ).toEqual(['e2', 'e3']);
    expect(
      ids((await get('d1/employers?asOf=2026-01-31&covered=true')).body, 'employers', 'employerId'),
    ).toEqual(['e1']);
    expect(
      ids((await get('d1/employers?asOf=2025-01-31')).body, 'employers', 'employerId'),
    ).toEqual(['e5', 'e2', 'e1']);
    expect((await get('d1/employers?asOf=2026-01-31&page=2&pageSize=3')).body).toMatchObject({
      total: 4,
      employers: [expect.objectContaining({ employerId: 'e1' })],
    });
  });

  it('answers 404 outside the caller’s subtree: the neighbour district’s officer and a cadre of another union', async () => {
    for (const caller of [
      { role: 'federation_officer' as const, orgPath: 'c/d2' },
      { role: 'union_cadre' as const, orgPath: 'c/d2/s3/u4' },
    ])
      for (const path of [
        'd1/unions',
        'd1/unions.xlsx',
        'd1/employers',
        'd1/employers.xlsx',
        'u1/unions',
      ])
        expect({ path, status: (await get(path, caller)).status }).toEqual({ path, status: 404 });
    expect(
      ids(
        (await get('d2/unions', { role: 'federation_officer', orgPath: 'c/d2' })).body,
        'unions',
        'unionId',
      ),
    ).toEqual(['u4']);
    expect(
      (await get('u1/unions?asOf=2026-01-31', { role: 'union_cadre', orgPath: 'c/d1/s1/u1' })).body,
    ).toMatchObject({ total: 1 });
  });

  it('answers 400 for hostile query strings', async () => {
    for (const path of [
      'd1/unions?page=-1',
      'd1/unions?pageSize=1000000000',
      'd1/unions?asOf=2026-02-30',
      'd1/unions?asOf=yesterday',
      'd1/unions?status=all',
      'd1/employers?covered=yes',
      'd1/employers.xlsx?asOf=2026-13-01',
      'd1/employers?sort=name',
    ])
      expect({ path, status: (await get(path)).status }).toEqual({ path, status: 400 });
  });

  it('exports both lists as sheets with Chinese headers', async () => {
    const sheet = async (path: string) => {
      const response = await fetch(`${running.urls['reporting']!}/reports/org-units/${path}`, {
        headers: await running.auth.headers(officer),
      });
      expect(response.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());

      return (workbook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][]).map((row) =>
        row.slice(1),
      );
    };

    expect(await sheet('d1/unions.xlsx?asOf=2026-01-31')).toEqual([
      ['工会名录（截至2026-01-31）'],
      ['工会名称', '成立日期', '状态', '撤销或合并日期'],
      ['u2工会', '2024-03-01', '已撤销', '2025-09-01'],
      ['u3工会', '2024-05-01', '已合并', '2025-10-01'],
      ['u1工会', '2025-02-01', '存续', ''],
    ]);
    expect(await sheet('d1/employers.xlsx?asOf=2026-01-31&status=open')).toEqual([
      ['单位台账（截至2026-01-31）'],
      [
        '单位名称',
        '统一社会信用代码',
        '单位类型',
        '职工人数',
        '登记日期',
        '状态',
        '关闭日期',
        '是否建会',
      ],
      ['第2机械厂', testCreditCode(2), '企业', 500, '2024-06-01', '存续', '', '否'],
      ['第3机械厂', testCreditCode(3), '企业', 120, '2025-12-01', '存续', '', '否'],
      ['第1机械厂', testCreditCode(1), '企业', 30, '2025-01-15', '存续', '', '是'],
    ]);
  });

  it('documents the lists with their response schemas and the sheets as .xlsx', async () => {
    const document = (await (await fetch(`${running.urls['reporting']!}/docs-json`)).json()) as {
      paths: Record<
        string,
        { get: { responses: Record<string, { content: Record<string, unknown> }> } }
      >;
    };
    const content = (path: string) => document.paths[path]!.get.responses['200']!.content;

    expect(JSON.stringify(content('/reports/org-units/{id}/unions'))).toContain('UnionsOfUnitDto');
    expect(JSON.stringify(content('/reports/org-units/{id}/employers'))).toContain(
      'EmployersOfUnitDto',
    );
    for (const path of [
      '/reports/org-units/{id}/unions.xlsx',
      '/reports/org-units/{id}/employers.xlsx',
    ])
      expect(Object.keys(content(path))).toEqual([
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ]);
  });
});

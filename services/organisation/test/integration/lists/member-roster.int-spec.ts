import ExcelJS from 'exceljs';

import { EXPORT_MAX_ROWS } from '@taizhang/bootstrap';
import { Topics } from '@taizhang/contracts';
import type { TestCaller } from '@taizhang/testing';
import { regionSuite, testIdCardNumber } from '@taizhang/testing';

type Entry = Record<string, unknown> & { memberId: string; name: string };

// Real PostgreSQL and Kafka, the service as its own process: 会员花名册 and 保留会籍 read from the
// roster the service keeps of its own member streams, masked for the caller, scope-checked.
describe('member roster and retained memberships (organisation, integration)', () => {
  const { running, url, created, ok, unit } = regionSuite(['organisation'], [Topics.organisation]);
  const ids = { city: '', d1: '', d2: '', s1: '', s2: '', a: '', b: '' };
  const paths = { a: '', b: '', s1: '', d1: '', d2: '' };
  const members: Record<string, string> = {};

  const person = (n: number, name: string, joinedOn: string) => ({
    name,
    gender: 'female',
    idCardNumber: testIdCardNumber(n, { birthDate: '1980-05-20' }),
    phone: '13800001234',
    employmentForm: 'regular',
    migrantWorker: n % 2 === 0,
    joinedOn,
  });
  const cadreOf = (orgPath: string): TestCaller => ({ role: 'union_cadre', orgPath });
  const officerOf = (orgPath: string): TestCaller => ({ role: 'federation_officer', orgPath });
  const get = (caller: TestCaller, path: string, headers: Record<string, string> = {}) =>
    running.as(caller).get(url(path), headers);
  const entries = (body: Record<string, unknown>) => body['members'] as Entry[];
  const sheet = async (caller: TestCaller, path: string) => {
    const response = await fetch(url(path), { headers: await running.auth.headers(caller) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());

    return (workbook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][]).map((row) =>
      row.slice(1),
    );
  };

  beforeAll(async () => {
    ids.city = await unit('2101', '沈阳市总工会', 'municipal');
    ids.d1 = await unit('210103', '沈河区总工会', 'district', ids.city);
    ids.d2 = await unit('210102', '和平区总工会', 'district', ids.city);
    ids.s1 = await unit('210103001', '五里河街道工会联合会', 'street', ids.d1);
    ids.s2 = await unit('210102001', '南湖街道工会联合会', 'street', ids.d2);
    ids.a = await created('/unions', {
      name: '机床厂工会',
      parentId: ids.s1,
      establishedOn: '2000-01-01',
    });
    ids.b = await created('/unions', {
      name: '医院工会',
      parentId: ids.s2,
      establishedOn: '2000-01-01',
    });
    paths.d1 = `${ids.city}/${ids.d1}`;
    paths.d2 = `${ids.city}/${ids.d2}`;
    paths.s1 = `${paths.d1}/${ids.s1}`;
    paths.a = `${paths.s1}/${ids.a}`;
    paths.b = `${paths.d2}/${ids.s2}/${ids.b}`;

    members['zhang'] = await created(`/unions/${ids.a}/members`, person(1, '张小三', '2020-01-01'));
    members['li'] = await created(`/unions/${ids.a}/members`, person(2, '李四', '2021-03-01'));
    members['wang'] = await created(`/unions/${ids.a}/members`, person(3, '王五芳', '2022-05-01'));
    members['zhao'] = await created(`/unions/${ids.a}/members`, person(4, '赵六', '2019-09-01'));
    members['sun'] = await created(`/unions/${ids.a}/members`, person(5, '孙小美', '2018-02-01'));
    members['qian'] = await created(`/unions/${ids.b}/members`, person(6, '钱七', '2020-06-01'));
    await ok(`/members/${members['wang']}/leave`, { reason: '调离', leftOn: '2024-01-31' });
    await ok(`/members/${members['zhao']}/retain`, {
      reason: 'unemployed',
      heldBy: 'federation',
      since: '2024-02-01',
    });
    await ok(`/members/${members['sun']}/retain`, {
      reason: 'retired',
      heldBy: 'union',
      since: '2024-03-01',
    });
  });

  it("lists a union's current members to its cadre, in order of joining, names shown and personal data masked", async () => {
    const answer = await get(cadreOf(paths.a), `/unions/${ids.a}/members`);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ unionId: ids.a, page: 1, pageSize: 50, total: 4 });
    expect(entries(answer.body).map((m) => m.name)).toEqual(['孙小美', '赵六', '张小三', '李四']);
    expect(entries(answer.body)[2]).toEqual({
      memberId: members['zhang'],
      name: '张小三',
      nameMasked: false,
      gender: 'female',
      status: 'active',
      joinedOn: '2020-01-01',
      since: '2020-01-01',
      unionId: ids.a,
      branchId: null,
      branchName: null,
      employmentForm: 'regular',
      migrantWorker: false,
      channel: 'individual',
      idCardNumber: `2101**********${testIdCardNumber(1, { birthDate: '1980-05-20' }).slice(-4)}`,
      phone: '138****1234',
      retention: null,
      leftOn: null,
      erased: false,
    });
    expect(entries(answer.body)[1]).toMatchObject({
      status: 'retained',
      retention: { reason: 'unemployed', heldBy: 'federation', heldByOrgUnitId: ids.s1 },
    });
    expect(JSON.stringify(answer.body)).not.toContain(
      testIdCardNumber(1, { birthDate: '1980-05-20' }),
    );
  });

  it('masks the names for those above the union and for auditors', async () => {
    for (const caller of [officerOf(paths.d1), { role: 'auditor' as const, orgPath: ids.city }]) {
      const answer = await get(caller, `/unions/${ids.a}/members`);
      expect(entries(answer.body).map((m) => [m.name, m['nameMasked']])).toEqual([
        ['孙*美', true],
        ['赵*', true],
        ['张*三', true],
        ['李*', true],
      ]);
    }
  });

  it('pages with the total, a page past the last still carrying it', async () => {
    const second = await get(cadreOf(paths.a), `/unions/${ids.a}/members?page=2&pageSize=3`);
    const past = await get(cadreOf(paths.a), `/unions/${ids.a}/members?page=5&pageSize=3`);

    expect(second.body).toMatchObject({ page: 2, pageSize: 3, total: 4 });
    expect(entries(second.body).map((m) => m.name)).toEqual(['李四']);
    expect(past.body).toMatchObject({ total: 4, members: [] });
  });

  it('filters by status and by part of the name, and finds a person by ID card number', async () => {
    const a = `/unions/${ids.a}/members`;
    const left = await get(cadreOf(paths.a), `${a}?status=left`);
    const named = await get(cadreOf(paths.a), `${a}?name=${encodeURIComponent('小')}`);
    const byNumber = await get(cadreOf(paths.a), a, {
      'x-id-card-number': ` ${testIdCardNumber(2, { birthDate: '1980-05-20' })} `,
    });
    const elsewhere = await get(cadreOf(paths.a), a, {
      'x-id-card-number': testIdCardNumber(6, { birthDate: '1980-05-20' }),
    });

    expect(entries(left.body).map((m) => [m.name, m['leftOn']])).toEqual([
      ['王五芳', '2024-01-31'],
    ]);
    expect(entries(named.body).map((m) => m.name)).toEqual(['孙小美', '张小三']);
    expect(byNumber.body).toMatchObject({ total: 1, members: [{ memberId: members['li'] }] });
    // A member of another union is not found through this one.
    expect(elsewhere.body).toMatchObject({ total: 0, members: [] });
  });

  it('shows an erased person without personal data, the erasure read from the same events', async () => {
    const erased = await running
      .as({ role: 'admin' })
      .post(url(`/members/${members['wang']!}/erase`), { reason: '本人申请删除个人信息' });
    expect(erased.status).toBe(200);

    const answer = await get(cadreOf(paths.a), `/unions/${ids.a}/members?status=left`);
    expect(entries(answer.body)).toEqual([
      expect.objectContaining({
        memberId: members['wang'],
        erased: true,
        idCardNumber: null,
        phone: null,
      }),
    ]);
  });

  it('answers 400 for hostile query strings and a number that cannot be one', async () => {
    const a = `/unions/${ids.a}/members`;
    for (const query of [
      'page=-1',
      'page=0',
      'pageSize=1000000000',
      'pageSize=abc',
      'status=everyone',
      'name=',
      'branch=not-a-branch',
      'branch=',
      'orderBy=name',
    ])
      expect({ query, status: (await get(cadreOf(paths.a), `${a}?${query}`)).status }).toEqual({
        query,
        status: 400,
      });
    const bad = await get(cadreOf(paths.a), a, { 'x-id-card-number': '210102198005200000' });
    expect(bad).toMatchObject({ status: 400, body: { code: 'INVALID_ID_CARD_NUMBER' } });
    expect(JSON.stringify(bad.body)).not.toContain('210102198005200000');
  });

  it("answers 404 to another union's cadre and a neighbour district's officer, as for an unknown union", async () => {
    for (const caller of [cadreOf(paths.b), officerOf(paths.d2)]) {
      expect((await get(caller, `/unions/${ids.a}/members`)).status).toBe(404);
      expect((await get(caller, `/unions/${ids.a}/members.xlsx`)).status).toBe(404);
      expect((await get(caller, `/org-units/${ids.s1}/retained-memberships`)).status).toBe(404);
    }
    expect((await get(cadreOf(paths.a), `/unions/${ids.b}/members`)).status).toBe(404);
    expect((await get(cadreOf(paths.a), `/unions/no-such-union/members`)).status).toBe(404);
  });

  it('exports the roster as a sheet with Chinese headers, masked as for the caller', async () => {
    const rows = await sheet(officerOf(paths.d1), `/unions/${ids.a}/members.xlsx?status=active`);

    expect(rows[0]![0]).toMatch(/^机床厂工会会员花名册（\d{4}-\d{2}-\d{2}）$/);
    expect(rows[1]).toEqual([
      '姓名',
      '性别',
      '身份证号码',
      '手机号码',
      '会员状态',
      '入会日期',
      '变动日期',
      '所属分会/小组',
      '用工形式',
      '是否农民工',
      '入会方式',
    ]);
    expect(rows.slice(2)).toEqual([
      [
        '张*三',
        '女',
        expect.stringMatching(/^2101\*{10}\w{4}$/),
        '138****1234',
        '在册',
        '2020-01-01',
        '2020-01-01',
        '',
        '正式',
        '否',
        '个人',
      ],
      [
        '李*',
        '女',
        expect.stringMatching(/^2101\*{10}\w{4}$/),
        '138****1234',
        '在册',
        '2021-03-01',
        '2021-03-01',
        '',
        '正式',
        '是',
        '个人',
      ],
    ]);
  });

  it('lists the memberships a unit or the units below it hold, names shown to the holding federation only', async () => {
    const asStreet = await get(officerOf(paths.s1), `/org-units/${ids.s1}/retained-memberships`);
    const asDistrict = await get(officerOf(paths.d1), `/org-units/${ids.d1}/retained-memberships`);
    const ofUnion = await get(cadreOf(paths.a), `/org-units/${ids.a}/retained-memberships`);

    expect(asStreet.body).toMatchObject({ orgUnitId: ids.s1, total: 2 });
    expect(entries(asStreet.body).map((m) => [m.name, m['retention']])).toEqual([
      [
        '孙*美',
        { reason: 'retired', heldBy: 'union', heldByOrgUnitId: ids.a, since: '2024-03-01' },
      ],
      [
        '赵六',
        {
          reason: 'unemployed',
          heldBy: 'federation',
          heldByOrgUnitId: ids.s1,
          since: '2024-02-01',
        },
      ],
    ]);
    expect(entries(asDistrict.body).map((m) => m.name)).toEqual(['孙*美', '赵*']);
    expect(entries(ofUnion.body).map((m) => m.name)).toEqual(['孙小美']);
    expect(
      (
        await get(
          officerOf(paths.s1),
          `/org-units/${ids.s1}/retained-memberships?pageSize=1&page=2`,
        )
      ).body,
    ).toMatchObject({ total: 2, members: [{ memberId: members['zhao'] }] });
    expect(
      (await get(officerOf(paths.s1), `/org-units/${ids.s1}/retained-memberships?page=-1`)).status,
    ).toBe(400);

    const rows = await sheet(officerOf(paths.s1), `/org-units/${ids.s1}/retained-memberships.xlsx`);
    expect(rows[1]).toEqual([
      '姓名',
      '性别',
      '身份证号码',
      '手机号码',
      '原所在工会',
      '保留原因',
      '保留单位',
      '保留单位编号',
      '保留日期',
      '入会日期',
    ]);
    expect(rows.slice(2).map((row) => [row[0], row[5], row[6], row[8]])).toEqual([
      ['孙*美', '退休', '本工会', '2024-03-01'],
      ['赵六', '失业', '上级工会', '2024-02-01'],
    ]);
  });

  it('shows each member’s branch union or union group, placed at the join or moved since, and filters by it', async () => {
    const c = await created('/unions', {
      name: '化工厂工会',
      parentId: ids.s1,
      establishedOn: '2000-01-01',
    });
    const branch = (union: string, kind: string, name: string) =>
      created(`/unions/${union}/branches`, { kind, name, establishedOn: '2010-01-01' });
    const workshop = await branch(c, 'branch_union', '合成车间工会');
    const group = await branch(c, 'union_group', '化验班工会小组');
    const elsewhere = await branch(ids.b, 'branch_union', '内科分工会');
    const placedAtJoin = await created(`/unions/${c}/members`, {
      ...person(11, '周一', '2020-01-01'),
      branchId: workshop,
    });
    const moved = await created(`/unions/${c}/members`, {
      ...person(12, '吴二', '2020-02-01'),
      branchId: workshop,
    });
    const none = await created(`/unions/${c}/members`, person(13, '郑三', '2020-03-01'));
    await ok(`/members/${moved}/branch`, { branchId: group, placedOn: '2024-01-01' });
    const cadre = cadreOf(`${paths.s1}/${c}`);
    const roster = `/unions/${c}/members`;
    const branchesOf = (body: Record<string, unknown>) =>
      entries(body).map((m) => [m.memberId, m['branchId'], m['branchName']]);

    expect(branchesOf((await get(cadre, roster)).body)).toEqual([
      [placedAtJoin, workshop, '合成车间工会'],
      [moved, group, '化验班工会小组'],
      [none, null, null],
    ]);
    expect(branchesOf((await get(cadre, `${roster}?branch=${workshop}`)).body)).toEqual([
      [placedAtJoin, workshop, '合成车间工会'],
    ]);
    expect((await get(cadre, `${roster}?branch=${group}&pageSize=1`)).body).toMatchObject({
      total: 1,
      members: [{ memberId: moved }],
    });
    // Another union's branch is no branch of this one: nothing matches, nothing is said of it.
    expect((await get(cadre, `${roster}?branch=${elsewhere}`)).body).toMatchObject({
      total: 0,
      members: [],
    });

    const rows = await sheet(officerOf(paths.d1), `/unions/${c}/members.xlsx`);
    const column = rows[1]!.indexOf('所属分会/小组');
    expect(column).toBeGreaterThan(0);
    expect(rows.slice(2).map((row) => [row[0], row[column] ?? ''])).toEqual([
      ['周*', '合成车间工会'],
      ['吴*', '化验班工会小组'],
      ['郑*', ''],
    ]);
    const filtered = await sheet(cadre, `/unions/${c}/members.xlsx?branch=${group}`);
    expect(filtered.slice(2).map((row) => [row[0], row[column]])).toEqual([
      ['吴二', '化验班工会小组'],
    ]);
  });

  // Written straight into the read model: recording 50,001 joins would take minutes.
  it('refuses a sheet of more rows than the cap with a 413 problem; the pages still answer', async () => {
    const big = await created('/unions', {
      name: '大型国企工会',
      parentId: ids.s1,
      establishedOn: '2000-01-01',
    });
    const many = EXPORT_MAX_ROWS + 1;
    await running.databases['organisation']!.pool.query(
      `INSERT INTO member_roster (member_id, union_id, holder_id, status, name, joined_on, since, state)
       SELECT 'bulk-' || n, $1::text, $1::text, 'active', '会员' || n, '2020-01-01', '2020-01-01',
              jsonb_build_object('status', 'Active', 'memberId', 'bulk-' || n, 'name', '会员' || n,
                'gender', 'male', 'joinedOn', '2020-01-01', 'since', '2020-01-01', 'unionId', $1::text,
                'employerId', null, 'employmentForm', null, 'migrantWorker', null, 'channel', null,
                'history', '[]'::jsonb,
                'personalData', jsonb_build_object('keyId', null, 'erased', false,
                  'idCardNumber', null, 'phone', null, 'birthDate', null))
       FROM generate_series(1, $2::int) AS n`,
      [big, many],
    );
    const cadre = cadreOf(`${paths.s1}/${big}`);

    const sheetAnswer = await get(cadre, `/unions/${big}/members.xlsx`);
    expect(sheetAnswer).toMatchObject({ status: 413, body: { code: 'EXPORT_TOO_LARGE' } });
    expect((await get(cadre, `/unions/${big}/members?pageSize=1`)).body).toMatchObject({
      total: many,
      members: [{ name: '会员1' }],
    });
  });

  it('documents the lists in OpenAPI with their response schemas, the sheets as .xlsx', async () => {
    const document = (await (await fetch(url('/docs-json'))).json()) as {
      paths: Record<
        string,
        {
          get: {
            parameters?: { name: string }[];
            responses: Record<string, { content: Record<string, unknown> }>;
          };
        }
      >;
      components: { schemas: Record<string, unknown> };
    };
    const content = (path: string) => document.paths[path]!.get.responses['200']!.content;

    expect(JSON.stringify(content('/unions/{id}/members'))).toContain('RosterDto');
    expect(JSON.stringify(document.components.schemas['RosterDto'])).toContain('branchName');
    expect(document.paths['/unions/{id}/members']!.get.parameters?.map((p) => p.name)).toContain(
      'branch',
    );
    expect(JSON.stringify(content('/org-units/{id}/retained-memberships'))).toContain(
      'RetainedDto',
    );
    for (const path of ['/unions/{id}/members.xlsx', '/org-units/{id}/retained-memberships.xlsx'])
      expect(Object.keys(content(path))).toEqual([
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ]);
  });
});

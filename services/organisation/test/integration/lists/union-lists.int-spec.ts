import ExcelJS from 'exceljs';

import { Topics } from '@taizhang/contracts';
import { addDays, addYears } from '@taizhang/deadlines';
import { businessDate } from '@taizhang/domain';
import type { TestCaller } from '@taizhang/testing';
import { regionSuite, testCreditCode } from '@taizhang/testing';

type Row = Record<string, unknown> & { unionId: string; name: string };

// Real PostgreSQL and Kafka, the service as its own process: what waits for the union above
// (组建申请, 换届选举) and 换届预警 ahead of time, from the union register the service keeps of its
// own union streams; an approval leaves the queue at once. Dates relative to today in China.
describe('pending approvals and term warnings (organisation, integration)', () => {
  const { running, url, created, ok, unit } = regionSuite(['organisation'], [Topics.organisation]);
  const ids = { city: '', d1: '', d2: '', s1: '', s2: '', s3: '' };
  const paths = { d1: '', d2: '', s1: '', s3: '' };
  const unions: Record<string, string> = {};
  const today = businessDate(new Date());
  const daysAgo = (days: number) => addDays(today, -days);
  /** A congress held so that a five-year term's last day falls `days` from today. */
  const heldForTermEnding = (days: number) => addDays(addYears(today, -5), days + 1);
  let employers = 0;

  const officerOf = (orgPath: string): TestCaller => ({ role: 'federation_officer', orgPath });
  const get = (caller: TestCaller, path: string) => running.as(caller).get(url(path));
  const rows = (body: Record<string, unknown>, key: string) => body[key] as Row[];
  const register = (name: string, parentId: string) =>
    created('/unions', { name, parentId, establishedOn: '2000-01-01' });
  const election = (heldOn: string) => ({
    heldOn,
    entitledVoters: 60,
    present: 45,
    committee: [
      { name: '张伟', post: 'chair' },
      { name: '李娜', post: 'member' },
      { name: '王强', post: 'member' },
    ],
    termYears: 5,
  });
  const elected = async (name: string, parentId: string, heldOn: string) => {
    const unionId = await register(name, parentId);
    await created(`/unions/${unionId}/elections`, election(heldOn));
    await ok(`/unions/${unionId}/elections/approve`, { approvedOn: heldOn });

    return unionId;
  };
  const apply = async (proposedName: string, parentId: string, submittedOn: string) => {
    employers += 1;
    const employerId = await created('/employers', {
      creditCode: testCreditCode(employers),
      name: `第${employers}号企业有限公司`,
      kind: 'enterprise',
      streetId: parentId,
      registeredOn: '2020-01-01',
      headcount: 100,
      femaleHeadcount: 40,
      migrantHeadcount: 0,
      newFormHeadcount: 0,
    });

    return created('/union-applications', {
      proposedName,
      parentId,
      employerIds: [employerId],
      preparatoryGroup: [
        { name: '张伟', role: '筹备组组长' },
        { name: '李娜', role: '成员' },
        { name: '王强', role: '成员' },
      ],
      submittedOn,
    });
  };
  const sheet = async (caller: TestCaller, path: string) => {
    const response = await fetch(url(path), { headers: await running.auth.headers(caller) });
    expect(response.status).toBe(200);
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
    ids.s3 = await unit('210103002', '大西街道工会联合会', 'street', ids.d1);
    ids.s2 = await unit('210102001', '南湖街道工会联合会', 'street', ids.d2);
    paths.d1 = `${ids.city}/${ids.d1}`;
    paths.d2 = `${ids.city}/${ids.d2}`;
    paths.s1 = `${paths.d1}/${ids.s1}`;
    paths.s3 = `${paths.d1}/${ids.s3}`;

    unions['robots'] = await apply('新松机器人工会', ids.s1, daysAgo(20));
    unions['mall'] = await apply('万象城联合工会', ids.s3, daysAgo(3));
    unions['hospital'] = await apply('和平医院工会', ids.s2, daysAgo(9));
    unions['pumps'] = await register('水泵厂工会', ids.s1);
    await created(`/unions/${unions['pumps']}/elections`, election(daysAgo(40)));

    unions['soon'] = await elected('鼓风机厂工会', ids.s1, heldForTermEnding(29));
    unions['later'] = await elected('变压器厂工会', ids.s3, heldForTermEnding(119));
    unions['ended'] = await elected('机床厂工会', ids.s1, heldForTermEnding(-11));
    await created(`/unions/${unions['ended']}/elections`, election(daysAgo(2)));
    unions['far'] = await elected('电缆厂工会', ids.s1, heldForTermEnding(400));
    unions['neighbour'] = await elected('医药公司工会', ids.s2, heldForTermEnding(10));
  });

  it('lists what waits for the federations below a district, longest waiting first, with the days waited', async () => {
    const answer = await get(officerOf(paths.d1), `/org-units/${ids.d1}/pending-approvals`);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ orgUnitId: ids.d1, today, page: 1, total: 4 });
    expect(rows(answer.body, 'pending')).toEqual([
      {
        kind: 'election',
        unionId: unions['pumps'],
        name: '水泵厂工会',
        parentId: ids.s1,
        parentName: '五里河街道工会联合会',
        waitingSince: daysAgo(40),
        daysWaiting: 40,
      },
      expect.objectContaining({ kind: 'application', unionId: unions['robots'], daysWaiting: 20 }),
      expect.objectContaining({ kind: 'application', unionId: unions['mall'], daysWaiting: 3 }),
      expect.objectContaining({ kind: 'election', unionId: unions['ended'], daysWaiting: 2 }),
    ]);
  });

  it('narrows to a street and to a kind, pages with the total, and an approval leaves the queue at once', async () => {
    const street = `/org-units/${ids.s1}/pending-approvals`;
    const elections = await get(officerOf(paths.s1), `${street}?kind=election`);
    expect(rows(elections.body, 'pending').map((p) => p.unionId)).toEqual([
      unions['pumps'],
      unions['ended'],
    ]);
    const second = await get(officerOf(paths.s1), `${street}?page=2&pageSize=2`);
    expect(second.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(rows(second.body, 'pending').map((p) => p.unionId)).toEqual([unions['ended']]);

    await ok(`/union-applications/${unions['robots']}/approve`, { approvedOn: today });
    const after = await get(officerOf(paths.s1), street);
    expect(after.body).toMatchObject({ total: 2 });
    expect(rows(after.body, 'pending').map((p) => p.unionId)).not.toContain(unions['robots']);
  });

  it('warns of terms ending within 180 or 90 days and of those that have ended', async () => {
    const within180 = await get(officerOf(paths.d1), `/org-units/${ids.d1}/term-warnings`);
    const within90 = await get(officerOf(paths.d1), `/org-units/${ids.d1}/term-warnings?within=90`);
    const ended = await get(officerOf(paths.d1), `/org-units/${ids.d1}/term-warnings?state=ended`);

    expect(within180.body).toMatchObject({ orgUnitId: ids.d1, today, within: 180, total: 3 });
    expect(rows(within180.body, 'unions')).toEqual([
      {
        unionId: unions['ended'],
        name: '机床厂工会',
        parentId: ids.s1,
        parentName: '五里河街道工会联合会',
        establishedOn: '2000-01-01',
        termEndsOn: addDays(today, -11),
        daysLeft: -11,
        state: 'ended',
        electionHeldOn: daysAgo(2),
      },
      expect.objectContaining({ unionId: unions['soon'], daysLeft: 29, state: 'ending' }),
      expect.objectContaining({ unionId: unions['later'], daysLeft: 119, electionHeldOn: null }),
    ]);
    expect(rows(within90.body, 'unions').map((u) => u.unionId)).toEqual([
      unions['ended'],
      unions['soon'],
    ]);
    expect(rows(ended.body, 'unions').map((u) => u.unionId)).toEqual([unions['ended']]);
  });

  it("lets a union's cadre read its own union's warning and nothing of the neighbours'", async () => {
    const cadre = { role: 'union_cadre' as const, orgPath: `${paths.s1}/${unions['soon']!}` };
    const own = await get(cadre, `/org-units/${unions['soon']!}/term-warnings`);

    expect(own.body).toMatchObject({ total: 1, unions: [{ unionId: unions['soon'] }] });
    expect((await get(cadre, `/org-units/${ids.s1}/term-warnings`)).status).toBe(404);
    expect((await get(cadre, `/org-units/${ids.s1}/pending-approvals`)).status).toBe(403);
  });

  it("answers 404 to the neighbour district's officer and to a cadre of another union", async () => {
    const cadreElsewhere = {
      role: 'union_cadre' as const,
      orgPath: `${paths.d2}/${ids.s2}/${unions['neighbour']!}`,
    };
    for (const path of [
      `/org-units/${ids.d1}/term-warnings`,
      `/org-units/${ids.s1}/term-warnings.xlsx`,
      `/org-units/${unions['soon']!}/term-warnings`,
    ])
      for (const caller of [officerOf(paths.d2), cadreElsewhere])
        expect({ path, status: (await get(caller, path)).status }).toEqual({ path, status: 404 });
    for (const path of [
      `/org-units/${ids.d1}/pending-approvals`,
      `/org-units/${ids.s1}/pending-approvals.xlsx`,
    ])
      expect((await get(officerOf(paths.d2), path)).status).toBe(404);
    // The neighbour's own lists hold only its side.
    const theirs = await get(officerOf(paths.d2), `/org-units/${ids.d2}/pending-approvals`);
    expect(rows(theirs.body, 'pending').map((p) => p.unionId)).toEqual([unions['hospital']]);
  });

  it('answers 400 for hostile query strings', async () => {
    for (const path of [
      `/org-units/${ids.d1}/pending-approvals?page=-1`,
      `/org-units/${ids.d1}/pending-approvals?pageSize=1000000000`,
      `/org-units/${ids.d1}/pending-approvals?kind=everything`,
      `/org-units/${ids.d1}/term-warnings?within=365`,
      `/org-units/${ids.d1}/term-warnings?state=soon`,
      `/org-units/${ids.d1}/term-warnings?asOf=2026-13-45`,
      `/org-units/${ids.d1}/term-warnings.xlsx?within=-90`,
    ])
      expect({ path, status: (await get(officerOf(paths.d1), path)).status }).toEqual({
        path,
        status: 400,
      });
  });

  it('exports both lists as sheets with Chinese headers', async () => {
    const pending = await sheet(officerOf(paths.d1), `/org-units/${ids.d1}/pending-approvals.xlsx`);
    expect(pending[0]).toEqual([`待审批事项（${today}）`]);
    expect(pending[1]).toEqual(['事项', '工会名称', '上级工会', '提交日期', '已等待天数']);
    expect(pending[2]).toEqual(['换届选举', '水泵厂工会', '五里河街道工会联合会', daysAgo(40), 40]);

    const terms = await sheet(
      officerOf(paths.d1),
      `/org-units/${ids.d1}/term-warnings.xlsx?within=90`,
    );
    expect(terms[1]).toEqual([
      '工会名称',
      '上级工会',
      '成立日期',
      '任期届满日期',
      '剩余天数',
      '状态',
      '换届选举待批',
    ]);
    expect(terms.slice(2)).toEqual([
      [
        '机床厂工会',
        '五里河街道工会联合会',
        '2000-01-01',
        addDays(today, -11),
        -11,
        '已到期',
        daysAgo(2),
      ],
      [
        '鼓风机厂工会',
        '五里河街道工会联合会',
        '2000-01-01',
        addDays(today, 29),
        29,
        '即将到期',
        '',
      ],
    ]);
  });

  it('documents the lists in OpenAPI with their response schemas', async () => {
    const document = (await (await fetch(url('/docs-json'))).json()) as {
      paths: Record<
        string,
        { get: { responses: Record<string, { content: Record<string, unknown> }> } }
      >;
    };
    const content = (path: string) => document.paths[path]!.get.responses['200']!.content;

    expect(JSON.stringify(content('/org-units/{id}/pending-approvals'))).toContain(
      'PendingApprovalsDto',
    );
    expect(JSON.stringify(content('/org-units/{id}/term-warnings'))).toContain('TermWarningsDto');
    for (const path of [
      '/org-units/{id}/pending-approvals.xlsx',
      '/org-units/{id}/term-warnings.xlsx',
    ])
      expect(Object.keys(content(path))).toEqual([
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ]);
  });
});

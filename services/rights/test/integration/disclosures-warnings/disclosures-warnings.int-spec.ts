import { randomUUID } from 'node:crypto';

import type { TestCaller } from '@taizhang/testing';

import { rightsSuite } from '../../rights-test-kit';

/** 厂务公开 and 劳动关系预警 through HTTP on a real PostgreSQL, the org tree from a real Kafka topic. */
describe('affairs disclosures and labour-relations early warnings', () => {
  const { rights, region, ids, cadre, neighbour, officer, eastOfficer, auditor, post, get } =
    rightsSuite();
  const disclosure = (overrides: object = {}) => ({
    unionId: ids.u1,
    kind: 'factory',
    disclosedOn: '2026-03-18',
    items: ['wages_bonuses', 'social_insurance', 'hardship_grants'],
    audience: 'all_workers',
    channel: 'notice_board',
    responsiblePersons: {
      firstResponsible: '张书记',
      firstExecutor: '李厂长',
      firstSupervisor: '王主席',
      firstEvaluator: '全体职工',
    },
    notes: '一季度奖金分配、五险一金缴纳情况「公开」',
    ...overrides,
  });
  const warning = (overrides: object = {}) => ({
    orgUnitId: ids.u1,
    employerName: '沈阳第一机床厂',
    risk: 'wage_arrears',
    level: 'yellow',
    raisedOn: '2026-03-10',
    description: '拖欠两个月工资，职工情绪不稳',
    ...overrides,
  });

  beforeAll(() => rights.publish(region.events), 90_000);

  it('records a disclosure, Chinese exactly as sent, and shows it in scope only', async () => {
    const created = await post(cadre, '/disclosures', disclosure());
    expect(created.status).toBe(201);
    const id = created.body['id'] as string;
    const read = await get(auditor, `/disclosures/${id}`);
    expect(read.status).toBe(200);
    expect(read.headers['etag']).toBe('"1"');
    expect(read.body).toMatchObject({
      disclosureId: id,
      unionId: ids.u1,
      status: 'Recorded',
      kind: 'factory',
      items: ['wages_bonuses', 'social_insurance', 'hardship_grants'],
      responsiblePersons: { firstResponsible: '张书记', firstEvaluator: '全体职工' },
      notes: '一季度奖金分配、五险一金缴纳情况「公开」',
      withdrawnOn: null,
    });
    expect((await get(officer, `/disclosures/${id}`)).status).toBe(200);
    expect((await get(neighbour, `/disclosures/${id}`)).status).toBe(404);
    expect((await get(cadre, `/disclosures/${randomUUID()}`)).status).toBe(404);
  });

  it('refuses a repeated item, an ended union, a federation, an outsider, an auditor, a bad body, appending nothing', async () => {
    const before = await rights.count('DisclosureRecorded');
    const twice = await post(cadre, '/disclosures', disclosure({ items: ['welfare', 'welfare'] }));
    expect([twice.status, twice.body['code']]).toEqual([422, 'DUPLICATE_ITEM']);
    expect(twice.body['zh']).toContain('重复');
    const ended = await post(officer, '/disclosures', disclosure({ unionId: ids.ended }));
    expect([ended.status, ended.body['code']]).toEqual([422, 'UNION_ENDED']);
    const future = await post(cadre, '/disclosures', disclosure({ disclosedOn: '2099-01-01' }));
    expect([future.status, future.body['code']]).toEqual([422, 'DATE_IN_FUTURE']);
    expect((await post(officer, '/disclosures', disclosure({ unionId: ids.west }))).status).toBe(
      404,
    );
    expect((await post(neighbour, '/disclosures', disclosure())).status).toBe(404);
    expect((await post(auditor, '/disclosures', disclosure())).status).toBe(403);
    for (const bad of [
      disclosure({ items: [] }),
      disclosure({ items: ['bribes'] }),
      disclosure({ kind: 'hospital' }),
      disclosure({ responsiblePersons: { firstResponsible: '张书记' } }),
      disclosure({ extra: true }),
    ]) {
      const refused = await post(cadre, '/disclosures', bad);
      expect([refused.status, refused.body['code']]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect(await rights.count('DisclosureRecorded')).toBe(before);
  });

  it('withdraws a disclosure recorded in error, once; a stale If-Match is a 409; a key replays', async () => {
    const id = (await post(cadre, '/disclosures', disclosure({ kind: 'school' }))).body[
      'id'
    ] as string;
    const stale = await post(
      officer,
      `/disclosures/${id}/withdrawal`,
      { withdrawnOn: '2026-03-19', reason: '误登记' },
      { 'if-match': '7' },
    );
    expect(stale.status).toBe(409);
    expect(
      (
        await post(neighbour, `/disclosures/${id}/withdrawal`, {
          withdrawnOn: '2026-03-19',
          reason: '越权',
        })
      ).status,
    ).toBe(404);
    const key = { 'idempotency-key': `withdraw-${randomUUID()}` };
    const body = { withdrawnOn: '2026-03-19', reason: '误登记' };
    const first = await post(officer, `/disclosures/${id}/withdrawal`, body, key);
    const again = await post(officer, `/disclosures/${id}/withdrawal`, body, key);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const twice = await post(cadre, `/disclosures/${id}/withdrawal`, body);
    expect([twice.status, twice.body['code']]).toEqual([422, 'DISCLOSURE_WITHDRAWN']);
    expect((await get(cadre, `/disclosures/${id}`)).body).toMatchObject({
      status: 'Withdrawn',
      kind: 'school',
      withdrawnOn: '2026-03-19',
      withdrawalReason: '误登记',
      version: 2,
    });
  });

  it('lists a union’s disclosures a page at a time, the latest first, withdrawn ones marked', async () => {
    const record = async (disclosedOn: string) =>
      (await post(neighbour, '/disclosures', disclosure({ unionId: ids.u2, disclosedOn }))).body[
        'id'
      ] as string;
    const [first, second, third] = [
      await record('2025-12-01'),
      await record('2026-02-01'),
      await record('2026-01-10'),
    ];
    await post(neighbour, `/disclosures/${second}/withdrawal`, {
      withdrawnOn: '2026-02-02',
      reason: '误登记',
    });
    const list = (caller: TestCaller, query: string) =>
      get(caller, `/disclosures?unionId=${ids.u2}&${query}`);
    const page1 = await list(auditor, 'pageSize=2');
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ unionId: ids.u2, page: 1, pageSize: 2, total: 3 });
    const rows = page1.body['disclosures'] as Record<string, unknown>[];
    expect(rows.map((row) => [row['disclosureId'], row['status']])).toEqual([
      [second, 'Withdrawn'],
      [third, 'Recorded'],
    ]);
    expect(rows[0]).toMatchObject({ withdrawnOn: '2026-02-02', withdrawalReason: '误登记' });
    expect(
      (
        (await list(neighbour, 'pageSize=2&page=2')).body['disclosures'] as {
          disclosureId: string;
        }[]
      ).map((row) => row.disclosureId),
    ).toEqual([first]);
    expect((await list(neighbour, 'year=2025')).body).toMatchObject({ total: 1 });
    expect((await list(cadre, '')).status).toBe(404);
    expect((await get(cadre, `/disclosures?unionId=${ids.west}`)).status).toBe(404);
    for (const bad of ['pageSize=0', 'year=abc', 'unionId=x', 'other=1'])
      expect((await get(auditor, `/disclosures?unionId=${ids.u2}&${bad}`)).status).toBe(400);
  });

  it('raises a warning for a union and for a federation, in scope only', async () => {
    const byUnion = await post(cadre, '/early-warnings', warning());
    expect(byUnion.status).toBe(201);
    const byDistrict = await post(
      officer,
      '/early-warnings',
      warning({
        orgUnitId: ids.west,
        employerName: undefined,
        employerId: '91210100MA0XXXX1',
        level: 'orange',
        risk: 'closure',
      }),
    );
    expect(byDistrict.status).toBe(201);
    expect(
      (await get(auditor, `/early-warnings/${byDistrict.body['id'] as string}`)).body,
    ).toMatchObject({
      orgUnitId: ids.west,
      status: 'Open',
      employerId: '91210100MA0XXXX1',
      employerName: null,
      level: 'orange',
      risk: 'closure',
    });
    // The district's warning is above the union's cadre, and the east district's officer is elsewhere.
    expect((await get(cadre, `/early-warnings/${byDistrict.body['id'] as string}`)).status).toBe(
      404,
    );
    expect((await get(eastOfficer, `/early-warnings/${byUnion.body['id'] as string}`)).status).toBe(
      404,
    );
    const before = await rights.count('EarlyWarningRaised');
    expect((await post(cadre, '/early-warnings', warning({ orgUnitId: ids.west }))).status).toBe(
      404,
    );
    expect((await post(eastOfficer, '/early-warnings', warning())).status).toBe(404);
    expect(
      (await post(cadre, '/early-warnings', warning({ orgUnitId: randomUUID() }))).status,
    ).toBe(404);
    expect((await post(auditor, '/early-warnings', warning())).status).toBe(403);
    const ended = await post(officer, '/early-warnings', warning({ orgUnitId: ids.ended }));
    expect([ended.status, ended.body['code']]).toEqual([422, 'UNION_ENDED']);
    const future = await post(cadre, '/early-warnings', warning({ raisedOn: '2099-01-01' }));
    expect([future.status, future.body['code']]).toEqual([422, 'DATE_IN_FUTURE']);
    for (const bad of [
      warning({ level: 'purple' }),
      warning({ level: 2 }),
      warning({ risk: 'theft' }),
      warning({ employerName: undefined }),
      warning({ description: '' }),
    ]) {
      const refused = await post(cadre, '/early-warnings', bad);
      expect([refused.status, refused.body['code']]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect(await rights.count('EarlyWarningRaised')).toBe(before);
  });

  it('follows a warning up, changes its level, resolves it, in order of days, once', async () => {
    const id = (await post(cadre, '/early-warnings', warning())).body['id'] as string;
    const step = (caller: TestCaller, route: string, body: object) =>
      post(caller, `/early-warnings/${id}/${route}`, body);
    expect(
      (await step(cadre, 'follow-ups', { on: '2026-03-12', action: '约谈企业负责人' })).status,
    ).toBe(201);
    const early = await step(officer, 'level', {
      to: 'red',
      changedOn: '2026-03-11',
      reason: '职工聚集',
    });
    expect([early.status, early.body['code']]).toEqual([422, 'BEFORE_PREVIOUS_STEP']);
    const same = await step(officer, 'level', {
      to: 'yellow',
      changedOn: '2026-03-13',
      reason: '无',
    });
    expect([same.status, same.body['code']]).toEqual([422, 'LEVEL_UNCHANGED']);
    expect(
      (await step(officer, 'level', { to: 'red', changedOn: '2026-03-13', reason: '职工聚集' }))
        .status,
    ).toBe(200);
    expect(
      (await step(neighbour, 'resolution', { resolvedOn: '2026-03-20', outcome: '越权' })).status,
    ).toBe(404);
    expect(
      (await step(auditor, 'resolution', { resolvedOn: '2026-03-20', outcome: '越权' })).status,
    ).toBe(403);
    expect(
      (await step(cadre, 'resolution', { resolvedOn: '2026-03-20', outcome: '工资已补发' })).status,
    ).toBe(200);
    const after = await step(cadre, 'follow-ups', { on: '2026-03-21', action: '回访' });
    expect([after.status, after.body['code']]).toEqual([422, 'WARNING_RESOLVED']);
    expect((await get(cadre, `/early-warnings/${id}`)).body).toMatchObject({
      status: 'Resolved',
      level: 'red',
      followUps: [{ on: '2026-03-12', action: '约谈企业负责人' }],
      levelChanges: [{ from: 'yellow', to: 'red', changedOn: '2026-03-13', reason: '职工聚集' }],
      resolvedOn: '2026-03-20',
      outcome: '工资已补发',
      version: 4,
    });
    const { rows } = await rights.db.pool.query<{ data: Record<string, unknown> }>(
      `SELECT data FROM events WHERE stream_id = $1 AND type = 'EarlyWarningResolved'`,
      [`early-warning-${id}`],
    );
    expect(rows[0]?.data).toMatchObject({ level: 'red', orgUnitId: ids.u1 });
  });
});

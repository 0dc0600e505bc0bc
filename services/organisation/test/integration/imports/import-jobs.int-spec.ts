import { Topics } from '@taizhang/contracts';
import { REASON_HEADER } from '@taizhang/import-jobs';
import type { RunningServices, TestCaller } from '@taizhang/testing';
import { eventually, postBody, regionClient, startServices } from '@taizhang/testing';

import { memberRow, memberSheet, serverSentEvents, sheetText, XLSX } from './import-job-sheet';

type Job = Record<string, unknown> & { state: string; result: Record<string, unknown> | null };

describe('import jobs (导入任务) over HTTP', () => {
  let running: RunningServices;
  const region = regionClient({ as: (caller) => running.as(caller) });
  const url = (path: string) => `${running.urls['organisation']!}${path}`;
  const paths: Record<'district' | 'union' | 'otherUnion', string> = {
    district: '',
    union: '',
    otherUnion: '',
  };
  const unionIds: string[] = [];
  const headers = (caller: TestCaller) => running.auth.headers(caller);
  const cadre = (): TestCaller => ({ role: 'union_cadre', orgPath: paths.union });
  const read = async (path: string, caller: TestCaller = cadre()) => {
    const response = await fetch(url(path), { headers: await headers(caller) });

    return { status: response.status, response };
  };
  const job = async (location: string): Promise<Job> =>
    (await (await read(location)).response.json()) as Job;
  const upload = async (sheet: Buffer) => {
    const answer = await postBody(url(`/unions/${unionIds[0]!}/members/import`), sheet, {
      'content-type': XLSX,
      ...(await headers(cadre())),
    });
    expect(answer.status).toBe(202);

    return answer.headers.get('location')!;
  };
  const created = async (path: string, body: unknown): Promise<string> => {
    const answer = await region.post(url(path), body);
    expect(answer.status).toBe(201);

    return answer.body['id'] as string;
  };

  beforeAll(async () => {
    running = await startServices(['organisation'], [Topics.organisation]);
    const city = await created('/org-units', {
      code: '2101',
      name: '沈阳市总工会',
      kind: 'municipal',
    });
    const district = await created('/org-units', {
      code: '210102',
      name: '和平区总工会',
      kind: 'district',
      parentId: city,
    });
    for (const name of ['机床厂工会', '商场工会'])
      unionIds.push(
        await created('/unions', { name, parentId: district, establishedOn: '2000-01-01' }),
      );
    paths.district = `${city}/${district}`;
    paths.union = `${paths.district}/${unionIds[0]!}`;
    paths.otherUnion = `${paths.district}/${unionIds[1]!}`;
  });
  afterAll(() => running?.close());

  it('streams its progress as server-sent events until it is done, then answers every id', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => memberRow(20_000 + i));
    const location = await upload(await memberSheet(rows));

    const { status, response } = await read(`${location}/events`);

    expect(status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    // The whole stream: it ends by itself once the job is done.
    const events = serverSentEvents(await response.text());
    expect(events.at(-1)).toMatchObject({
      type: 'done',
      data: { state: 'done', rows: 3000, recorded: 3000, rejected: 0 },
    });
    const progress = events.slice(0, -1);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every(({ type }) => type === 'progress')).toBe(true);
    const recorded = progress.map(({ data }) => data['recorded'] as number);
    expect(recorded).toEqual([...recorded].sort((a, b) => a - b));
    const done = await job(location);
    expect(done.result).toMatchObject({ rows: 3000, recorded: 3000, already: [], rejected: [] });
    const ids = (done.result!['created'] as { row: number; id: string }[]).map(({ id }) => id);
    expect(new Set(ids).size).toBe(3000);
  });

  it('gives the refused rows back as a sheet, with a reason in both languages, that imports again as it is', async () => {
    const location = await upload(
      await memberSheet([
        memberRow(1),
        memberRow(2, null),
        ['王五', '110101199003070000', '男', '正式', '否', '2021-03-01'],
        memberRow(1),
        memberRow(3),
      ]),
    );
    const done = await eventually(
      () => job(location),
      ({ state }) => state === 'done',
      60_000,
    );
    expect(done).toMatchObject({ rows: 5, recorded: 2, rejected: 3 });

    const { status, response } = await read(`${location}/rejected.xlsx`);

    expect(status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX);
    const sheet = Buffer.from(await response.arrayBuffer());
    const [header, ...rows] = await sheetText(sheet);
    // The uploaded columns as they were, and the reasons.
    expect(header).toEqual([
      '姓名',
      '身份证号码',
      '性别',
      '用工形式',
      '是否农民工',
      '入会日期',
      REASON_HEADER,
    ]);
    expect(rows.map((row) => row[0])).toEqual(['会员2', '王五', '会员1']);
    for (const row of rows) {
      expect(row.at(-1)).toMatch(/[\u4e00-\u9fff]/);
      expect(row.at(-1)).toMatch(/[A-Za-z]{2,} [a-z]+/);
    }
    expect(rows[0]!.at(-1)).toContain('【入会日期】');

    // Uploaded again unchanged: the same rows are refused for the same reasons, and the later
    // of two rows of one person, refused as a duplicate, is now a member already.
    const again = await upload(sheet);
    const redone = await eventually(
      () => job(again),
      ({ state }) => state === 'done',
      60_000,
    );
    expect(redone).toMatchObject({ rows: 3, recorded: 0, already: 1, rejected: 2 });
  });

  it('fails with the reason when what it needs is gone by the time it runs, and its stream says so', async () => {
    // A job queued for a union that no longer takes members (here: one that never existed).
    const id = '00000000-0000-4000-8000-00000000f001';
    await running.databases['organisation']!.pool.query(
      `INSERT INTO import_jobs (id, kind, org_path, params, caller, metadata, workbook, state)
       VALUES ($1, 'members', $2, $3, $4, $5, $6, 'queued')`,
      [
        id,
        paths.union,
        JSON.stringify({ unionId: '00000000-0000-4000-8000-00000000f002' }),
        JSON.stringify({ id: 'officer', role: 'federation_officer', orgPath: paths.district }),
        JSON.stringify({
          now: new Date().toISOString(),
          actorId: 'officer',
          actorRole: 'federation_officer',
          correlationId: 'c-1',
        }),
        await memberSheet([memberRow(8)]),
      ],
    );

    const { response } = await read(`/imports/${id}/events`);

    const events = serverSentEvents(await response.text());
    expect(events.at(-1)).toMatchObject({
      type: 'failed',
      data: { state: 'failed', recorded: 0, error: { code: 'NOT_FOUND' } },
    });
    expect(await job(`/imports/${id}`)).toMatchObject({ state: 'failed', result: null });
  });

  it('is seen by the union and the units above it, and by nobody else (404 as for no job)', async () => {
    const location = await upload(await memberSheet([memberRow(7)]));
    await eventually(
      () => job(location),
      ({ state }) => state === 'done',
      60_000,
    );
    const callers: [TestCaller, number][] = [
      [cadre(), 200],
      [{ role: 'federation_officer', orgPath: paths.district }, 200],
      [{ role: 'auditor', orgPath: paths.district }, 200],
      [{ role: 'union_cadre', orgPath: paths.otherUnion }, 404],
      [{ role: 'federation_officer', orgPath: `${paths.district.split('/')[0]!}/elsewhere` }, 404],
    ];

    const answers: string[] = [];
    const expected: string[] = [];
    for (const [caller, status] of callers)
      for (const path of [location, `${location}/events`, `${location}/rejected.xlsx`]) {
        const answer = await read(path, caller);
        const code =
          answer.status === 404
            ? ((await answer.response.json()) as { code: string }).code
            : void (await answer.response.arrayBuffer());
        answers.push(`${caller.role} ${caller.orgPath!} ${path}: ${answer.status} ${code ?? ''}`);
        expected.push(
          `${caller.role} ${caller.orgPath!} ${path}: ${status} ${status === 404 ? 'NOT_FOUND' : ''}`,
        );
      }
    expect(answers).toEqual(expected);
    const absent = await read('/imports/00000000-0000-4000-8000-000000000000');
    expect([absent.status, ((await absent.response.json()) as { code: string }).code]).toEqual([
      404,
      'NOT_FOUND',
    ]);
  });
});

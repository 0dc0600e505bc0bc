import ExcelJS from 'exceljs';

import { Topics } from '@taizhang/contracts';
import type { RunningServices } from '@taizhang/testing';
import { eventually, regionClient, startServices, testCreditCode } from '@taizhang/testing';

const creditCode = (n: number): string => testCreditCode(n);

/** The registry as the test itself keeps it: what every summary must add up to. */
interface Expected {
  street: string;
  headcount: number;
  open: boolean;
}

/** Employers through HTTP and a sheet → reporting's employers and workforce per subtree. */
describe('employer registry → reporting', () => {
  let running: RunningServices;
  // The admin builds the org tree; the city's officer records the rest (libs/testing).
  const region = regionClient({ as: (caller) => running.as(caller) });
  const organisation = () => running.urls['organisation']!;
  const ids: Record<string, string> = {};
  const registry = new Map<string, Expected>();
  const streetsOf: Record<string, string[]> = {};

  const create = async (path: string, body: unknown): Promise<string> => {
    const answer = await region.post(`${organisation()}${path}`, body);
    expect(answer.status).toBe(201);

    return answer.body['id'] as string;
  };
  const register = async (n: number, street: string, headcount: number) => {
    await create('/employers', {
      creditCode: creditCode(n),
      name: `和平${n}号企业有限公司`,
      kind: 'enterprise',
      streetId: ids[street],
      registeredOn: '2025-06-30',
      headcount,
      femaleHeadcount: Math.floor(headcount / 2),
      migrantHeadcount: 0,
      newFormHeadcount: 0,
    });
    registry.set(creditCode(n), { street, headcount, open: true });
  };
  const expected = (unit: string) => {
    const streets = streetsOf[unit] ?? [unit];
    const open = [...registry.values()].filter((e) => e.open && streets.includes(e.street));

    return {
      employers: open.length,
      workforce: open.reduce((sum, e) => sum + e.headcount, 0),
    };
  };
  const summary = (unit: string) =>
    region.get(`${running.urls['reporting']!}/reports/org-units/${ids[unit]}/summary`);

  beforeAll(async () => {
    running = await startServices(['organisation', 'reporting'], [Topics.organisation]);
    ids['city'] = await create('/org-units', {
      code: '2101',
      name: '沈阳市总工会',
      kind: 'municipal',
    });
    for (const [district, code] of [
      ['heping', '210102'],
      ['shenhe', '210103'],
    ] as const)
      ids[district] = await create('/org-units', {
        code,
        name: `${district}区总工会`,
        kind: 'district',
        parentId: ids['city'],
      });
    for (const [street, district, code] of [
      ['s1', 'heping', '210102001'],
      ['s2', 'heping', '210102002'],
      ['s3', 'shenhe', '210103001'],
    ] as const)
      ids[street] = await create('/org-units', {
        code,
        name: `${code}街道工会联合会`,
        kind: 'street',
        parentId: ids[district],
      });
    streetsOf['heping'] = ['s1', 's2'];
    streetsOf['shenhe'] = ['s3'];
    streetsOf['city'] = ['s1', 's2', 's3'];

    await register(1, 's1', 100);
    await register(2, 's1', 40);
    await register(3, 's2', 25);
    await register(4, 's3', 300);

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('单位台账');
    sheet.addRow([
      '统一社会信用代码',
      '单位名称',
      '单位类型',
      '所属街道',
      '职工人数',
      '女职工人数',
      '农民工人数',
      '新就业形态劳动者人数',
    ]);
    sheet.addRow([creditCode(5), '和平区第五小学', '事业单位', '210102002', 60, 45, 0, 0]);
    sheet.addRow([creditCode(6), '快递驿站', '企业', '210103001', 15, 3, 10, 12]);
    sheet.addRow([creditCode(7), '女职工多于职工', '企业', '210103001', 5, 6, 0, 0]);
    const imported = await fetch(`${organisation()}/employers/import`, {
      method: 'POST',
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ...(await running.auth.headers({ role: 'federation_officer', orgPath: region.city! })),
      },
      body: Buffer.from(await book.xlsx.writeBuffer()),
    });
    expect(imported.status).toBe(202);
    const job = await eventually(
      async () =>
        (await (
          await fetch(`${organisation()}${imported.headers.get('location')!}`, {
            headers: await running.auth.headers({
              role: 'federation_officer',
              orgPath: region.city!,
            }),
          })
        ).json()) as Record<string, unknown>,
      ({ state }) => state === 'done',
      60_000,
    );
    expect(job).toMatchObject({ rows: 3, recorded: 2 });
    registry.set(creditCode(5), { street: 's2', headcount: 60, open: true });
    registry.set(creditCode(6), { street: 's3', headcount: 15, open: true });

    const updated = await region.post(`${organisation()}/employers/${creditCode(1)}/headcounts`, {
      asOf: '2025-12-31',
      headcount: 120,
      femaleHeadcount: 61,
      migrantHeadcount: 0,
      newFormHeadcount: 0,
    });
    expect(updated.status).toBe(201);
    registry.get(creditCode(1))!.headcount = 120;
    const closed = await region.post(`${organisation()}/employers/${creditCode(2)}/close`, {
      closedOn: '2026-01-15',
      reason: '企业注销',
    });
    expect(closed.status).toBe(201);
    registry.get(creditCode(2))!.open = false;
  });
  afterAll(() => running?.close());

  it('sums the open employers and their latest headcounts for each street, district and the city', async () => {
    // Every level at once: employers of different streets travel on different partitions, so
    // the city's totals matching does not mean that each street's are there yet.
    const units = ['s1', 's2', 's3', 'heping', 'shenhe', 'city'];
    const answers = await eventually(
      () =>
        Promise.all(
          units.map(async (unit) => ({
            unit,
            figures: (await summary(unit)).body as Record<string, unknown>,
          })),
        ),
      (all) =>
        all.every(
          ({ unit, figures }) =>
            figures['employers'] === expected(unit).employers &&
            figures['workforce'] === expected(unit).workforce,
        ),
    );
    for (const { unit, figures } of answers)
      expect({ unit, ...figures }).toMatchObject({ unit, ...expected(unit) });
    // Written out once, so that a wrong model in the test cannot hide a wrong sum.
    expect(expected('city')).toEqual({ employers: 5, workforce: 520 });
    expect(expected('heping')).toEqual({ employers: 3, workforce: 205 });
  });

  it('says where the figures come from and how old the headcounts are', async () => {
    const answer = await summary('s1');

    expect(answer.body['employerRegistry']).toEqual({
      source: 'employer-registry',
      oldestHeadcountsAsOf: '2025-12-31',
      newestHeadcountsAsOf: '2025-12-31',
    });
  });
});

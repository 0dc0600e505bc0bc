import { randomUUID } from 'node:crypto';

import ExcelJS from 'exceljs';

import { Topics } from '@taizhang/contracts';
import type { RunningServices } from '@taizhang/testing';
import { eventually, postBody, regionClient, startServices } from '@taizhang/testing';

import {
  creditCodeCheckCharacter,
  organisationCodeCheckCharacter,
} from '../../../src/employers/credit-code';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A valid credit code of an enterprise registered in Heping district, numbered `n`. */
const creditCode = (n: number): string => {
  const body = String(n).padStart(8, '0');
  const first17 = `91210102${body}${organisationCodeCheckCharacter(body)}`;

  return first17 + creditCodeCheckCharacter(first17);
};

const HEADERS = [
  '统一社会信用代码',
  '单位名称',
  '单位类型',
  '所属街道',
  '职工人数',
  '女职工人数',
  '农民工人数',
  '新就业形态劳动者人数',
];

const workbook = async (rows: unknown[][], headers = HEADERS): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('单位台账');
  sheet.addRow(['和平区单位台账（2026年）']);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);

  return Buffer.from(await book.xlsx.writeBuffer());
};

const upload = async (body: Buffer | string, contentType = XLSX) =>
  postBody(`${organisation()}/employers/import`, body, {
    'content-type': contentType,
    ...(await services.auth.headers({ role: 'federation_officer', orgPath: region.city! })),
  });

// Answered 202 at once; the answer is the job's, read once it is done.
const imported = async (body: Buffer) => {
  const accepted = await upload(body);
  expect(accepted.status).toBe(202);
  const headers = await services.auth.headers({ role: 'federation_officer', orgPath: region.city! });
  const job = await eventually(
    async () =>
      (await (
        await fetch(`${organisation()}${accepted.headers.get('location')!}`, { headers })
      ).json()) as { state: string; result: Record<string, unknown> },
    ({ state }) => state === 'done',
    60_000,
  );

  return { status: job.state, body: job.result };
};

let services: RunningServices;
// The admin builds the org tree; the city's officer keeps the registry (libs/testing).
const region = regionClient({ as: (caller) => services.as(caller) });
const organisation = () => services.urls['organisation']!;
const eventCount = async () =>
  Number(
    (
      await services.databases['organisation']!.pool.query<{ count: string }>(
        'SELECT count(*) FROM events',
      )
    ).rows[0]!.count,
  );

describe('employer registry (单位台账) over HTTP', () => {
  const ids: Record<string, string> = {};
  const create = async (body: unknown): Promise<string> => {
    const answer = await region.post(`${organisation()}/org-units`, body);
    expect(answer.status).toBe(201);

    return answer.body['id'] as string;
  };
  const employer = (overrides: Record<string, unknown> = {}) => ({
    creditCode: creditCode(1),
    name: '沈阳机床（集团）有限责任公司',
    kind: 'enterprise',
    streetId: ids['street'],
    headcount: 120,
    femaleHeadcount: 50,
    migrantHeadcount: 30,
    newFormHeadcount: 4,
    ...overrides,
  });

  beforeAll(async () => {
    services = await startServices(['organisation'], [Topics.organisation]);
    ids['city'] = await create({ code: '2101', name: '沈阳市总工会', kind: 'municipal' });
    ids['district'] = await create({
      code: '210102',
      name: '和平区总工会',
      kind: 'district',
      parentId: ids['city'],
    });
    ids['street'] = await create({
      code: '210102001',
      name: '南市场街道工会联合会',
      kind: 'street',
      parentId: ids['district'],
    });
    ids['otherStreet'] = await create({
      code: '210102002',
      name: '太原街街道工会联合会',
      kind: 'street',
      parentId: ids['district'],
    });
    for (const name of ['甲街道', '乙街道'])
      await create({ code: 'DUP', name, kind: 'street', parentId: ids['district'] });
  });
  afterAll(() => services?.close());

  describe('registration', () => {
    it('registers an employer under its street, its id its credit code, the name exact', async () => {
      const answer = await region.post(`${organisation()}/employers`, employer());

      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ id: creditCode(1), streamVersion: 1 });
      const read = await region.get(`${organisation()}/employers/${creditCode(1)}`);
      expect(read.body).toMatchObject({
        status: 'Open',
        employerId: creditCode(1),
        name: '沈阳机床（集团）有限责任公司',
        streetId: ids['street'],
        orgPath: `${ids['city']}/${ids['district']}/${ids['street']}/${creditCode(1)}`,
        headcount: 120,
        femaleHeadcount: 50,
        version: 1,
      });
    });

    it('refuses the same credit code again with 422 EMPLOYER_ALREADY_REGISTERED and appends nothing', async () => {
      const before = await eventCount();
      const again = await region.post(
        `${organisation()}/employers`,
        employer({ name: '另一个名字', streetId: ids['otherStreet'] }),
      );

      expect(again.status).toBe(422);
      expect(again.body).toMatchObject({
        code: 'EMPLOYER_ALREADY_REGISTERED',
        employerId: creditCode(1),
      });
      expect(await eventCount()).toBe(before);
    });

    it('lets exactly one of several simultaneous registrations of one code through', async () => {
      const code = creditCode(2);
      const answers = await Promise.all(
        Array.from({ length: 6 }, () =>
          region.post(`${organisation()}/employers`, employer({ creditCode: code })),
        ),
      );

      expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
      for (const answer of answers.filter((a) => a.status !== 201))
        expect(['EMPLOYER_ALREADY_REGISTERED', 'CONCURRENCY_CONFLICT']).toContain(
          answer.body['code'],
        );
      expect((await region.get(`${organisation()}/employers/${code}`)).body['version']).toBe(1);
    });

    it('answers bad input with a 4xx problem and a stable code, appending nothing', async () => {
      const before = await eventCount();
      const valid = creditCode(3);
      const cases: [Record<string, unknown>, number, string, Record<string, unknown>?][] = [
        [
          { creditCode: `${valid.slice(0, 17)}${valid[17] === '0' ? '1' : '0'}` },
          422,
          'INVALID_CREDIT_CODE',
          { problem: 'check_digit' },
        ],
        [
          { creditCode: '91350100m000100y43' },
          422,
          'INVALID_CREDIT_CODE',
          { problem: 'lowercase' },
        ],
        [
          { creditCode: '91350100M000100O43' },
          422,
          'INVALID_CREDIT_CODE',
          { problem: 'characters' },
        ],
        [{ creditCode: '9135010' }, 422, 'INVALID_CREDIT_CODE', { problem: 'length' }],
        [{ creditCode: valid, streetId: randomUUID() }, 422, 'STREET_NOT_FOUND'],
        [{ creditCode: valid, streetId: ids['district'] }, 422, 'NOT_A_STREET'],
        [
          { creditCode: valid, femaleHeadcount: 121 },
          422,
          'HEADCOUNT_PART_EXCEEDS_TOTAL',
          { field: 'femaleHeadcount' },
        ],
        [{ creditCode: valid, registeredOn: '2999-01-01' }, 422, 'DATE_IN_FUTURE'],
        [{ creditCode: valid, headcount: -1 }, 400, 'VALIDATION_FAILED'],
        [{ creditCode: valid, kind: 'company' }, 400, 'VALIDATION_FAILED'],
      ];
      for (const [overrides, status, code, details] of cases) {
        const answer = await region.post(`${organisation()}/employers`, employer(overrides));
        expect({ overrides, status: answer.status, code: answer.body['code'] }).toEqual({
          overrides,
          status,
          code,
        });
        if (details) expect(answer.body).toMatchObject(details);
        if (status === 422) expect(answer.body['detail']).toMatch(/ \/ .*[\u4e00-\u9fff]/);
      }
      expect(await eventCount()).toBe(before);
    });
  });

  describe('headcounts and closing', () => {
    const code = creditCode(10);
    const url = (path: string) => `${organisation()}/employers/${code}${path}`;

    beforeAll(async () => {
      const answer = await region.post(
        `${organisation()}/employers`,
        employer({ creditCode: code, registeredOn: '2025-06-30' }),
      );
      expect(answer.status).toBe(201);
    });

    it('records headcounts as of a later date, and refuses older ones', async () => {
      const figures = {
        headcount: 150,
        femaleHeadcount: 60,
        migrantHeadcount: 40,
        newFormHeadcount: 5,
      };
      const updated = await region.post(url('/headcounts'), { asOf: '2025-12-31', ...figures });

      expect(updated.status).toBe(201);
      expect(updated.body['streamVersion']).toBe(2);
      expect((await region.get(url(''))).body).toMatchObject({
        ...figures,
        headcountsAsOf: '2025-12-31',
      });
      const older = await region.post(url('/headcounts'), { asOf: '2025-07-01', ...figures });
      expect(older.status).toBe(422);
      expect(older.body['code']).toBe('HEADCOUNTS_OLDER_THAN_RECORDED');
      const unknown = await region.post(
        `${organisation()}/employers/${creditCode(99)}/headcounts`,
        {
          asOf: '2025-12-31',
          ...figures,
        },
      );
      expect(unknown.status).toBe(404);
    });

    it('closes, after which nothing more is recorded for it', async () => {
      const closed = await region.post(url('/close'), {
        closedOn: '2026-01-15',
        reason: '企业注销',
      });

      expect(closed.status).toBe(201);
      expect((await region.get(url(''))).body).toMatchObject({
        status: 'Closed',
        closedOn: '2026-01-15',
        closeReason: '企业注销',
      });
      const before = await eventCount();
      const after = await region.post(url('/headcounts'), {
        asOf: '2026-01-20',
        headcount: 1,
        femaleHeadcount: 0,
        migrantHeadcount: 0,
        newFormHeadcount: 0,
      });
      expect(after.status).toBe(422);
      expect(after.body['code']).toBe('EMPLOYER_CLOSED');
      const twice = await region.post(url('/close'), { closedOn: '2026-01-16', reason: '重复' });
      expect(twice.body['code']).toBe('EMPLOYER_CLOSED');
      expect(await eventCount()).toBe(before);
    });
  });

  describe('import from a sheet', () => {
    const rareName = '沈阳𠮷野家餐饮管理有限公司（和平分店）';
    let sheet: Buffer;

    beforeAll(async () => {
      const good = (n: number) => creditCode(100 + n);
      sheet = await workbook([
        /* 3 */ [good(1), '沈阳第一百货商店', '企业', '210102001', 200, 120, 20, 0],
        /* 4 */ [good(2), '和平区第一中学', '事业单位', ids['otherStreet'], 90, 60, 0, 0],
        /* 5 */ [
          `${good(3).slice(0, 17)}${good(3)[17] === '0' ? '1' : '0'}`,
          '校验错',
          '企业',
          '210102001',
          10,
          1,
          0,
          0,
        ],
        /* 6 */ [good(4), '女职工多于职工', '企业', '210102001', 10, 11, 0, 0],
        /* 7 */ [good(5), '个体商户', '个体户', '210102001', 3, 1, 0, 0],
        /* 8 */ [good(6), '街道不存在', '企业', '999999', 3, 1, 0, 0],
        /* 9 */ [good(1), '重复的行', '企业', '210102001', 200, 120, 20, 0],
        /* 10 */ [good(7), null, '企业', '210102001', '一百', 0, 0, 0],
        /* 11 */ [creditCode(1), '已在台账', '企业', '210102001', 120, 50, 30, 4],
        /* 12 */ [good(8).toLowerCase(), '小写代码', '企业', '210102001', 5, 1, 0, 0],
        /* 13 */ [` ${good(9)} `, rareName, '社会组织', ' 210102001 ', '35', 20, 0, 12],
        /* 14 */ [good(10), '两个同代码街道', '其他', 'DUP', 5, 1, 0, 0],
      ]);
    });

    it('records the good rows and lists each rejected row with reasons in Chinese and English', async () => {
      const before = await eventCount();
      const answer = await imported(sheet);

      expect(answer.status).toBe('done');
      expect(answer.body).toMatchObject({
        rows: 12,
        recorded: 3,
        already: [{ row: 11, id: creditCode(1) }],
      });
      expect((answer.body['created'] as { id: string }[]).map(({ id }) => id)).toEqual([
        creditCode(101),
        creditCode(102),
        creditCode(109),
      ]);
      const rejected = answer.body['rejected'] as {
        row: number;
        reasons: { code: string; column: string | null; zh: string; en: string }[];
      }[];
      expect(rejected.map(({ row, reasons }) => [row, reasons.map((r) => r.code)])).toEqual([
        [5, ['INVALID_CREDIT_CODE']],
        [6, ['HEADCOUNT_PART_EXCEEDS_TOTAL']],
        [7, ['UNKNOWN_EMPLOYER_KIND']],
        [8, ['STREET_CODE_UNKNOWN']],
        [9, ['DUPLICATE_IN_SHEET']],
        [10, ['MISSING_VALUE', 'NOT_A_WHOLE_NUMBER']],
        [12, ['INVALID_CREDIT_CODE']],
        [14, ['STREET_CODE_AMBIGUOUS']],
      ]);
      for (const reason of rejected.flatMap((r) => r.reasons)) {
        expect(reason.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(reason.en).toMatch(/^[\x20-\x7e\u4e00-\u9fff“”（）、：]+$/);
      }
      expect(rejected.find((r) => r.row === 6)!.reasons[0]).toMatchObject({
        column: '女职工人数',
        zh: '女职工人数（11）不能多于职工人数（10）。',
      });
      expect(rejected.find((r) => r.row === 9)!.reasons[0]!.zh).toContain('第3行');
      expect(await eventCount()).toBe(before + 3);
      expect(
        (await region.get(`${organisation()}/employers/${creditCode(109)}`)).body,
      ).toMatchObject({
        name: rareName,
        kind: 'social_organisation',
        streetId: ids['street'],
        headcount: 35,
        newFormHeadcount: 12,
      });
    });

    it('records nothing new when the same sheet comes again', async () => {
      const before = await eventCount();
      const again = await imported(sheet);

      expect(again.status).toBe('done');
      expect(again.body).toMatchObject({ rows: 12, recorded: 0 });
      expect((again.body['already'] as { row: number }[]).map((r) => r.row)).toEqual([
        3, 4, 11, 13,
      ]);
      expect((again.body['rejected'] as { row: number }[]).map((r) => r.row)).toEqual([
        5, 6, 7, 8, 9, 10, 12, 14,
      ]);
      expect(await eventCount()).toBe(before);
    });

    it('refuses what is not an employer workbook, recording nothing', async () => {
      const before = await eventCount();

      const json = await upload(JSON.stringify({ rows: [] }), 'application/json');
      expect([json.status, json.body['code']]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
      const garbage = await upload(Buffer.from('这不是Excel文件'));
      expect([garbage.status, garbage.body['code']]).toEqual([422, 'INVALID_WORKBOOK']);
      const headers = await upload(
        await workbook([[creditCode(200), '缺列', '企业']], HEADERS.slice(0, 3)),
      );
      expect([headers.status, headers.body['code']]).toEqual([422, 'SHEET_HEADERS_MISSING']);
      expect(headers.body['missing']).toEqual(HEADERS.slice(3));
      // A workbook sent to a JSON route is not read there.
      const misrouted = await fetch(`${organisation()}/employers`, {
        method: 'POST',
        headers: {
          'content-type': XLSX,
          ...(await services.auth.headers({ role: 'federation_officer', orgPath: region.city! })),
        },
        body: sheet,
      });
      expect(misrouted.status).toBe(400);
      expect(await eventCount()).toBe(before);
    });
  });
});

import { randomUUID } from 'node:crypto';

import ExcelJS from 'exceljs';

import { Topics } from '@taizhang/contracts';
import { verifyIntegrity } from '@taizhang/event-store';
import type { RunningServices } from '@taizhang/testing';
import {
  eventually,
  postBody,
  regionClient,
  startServices,
  testIdCardNumber,
  withUnlistedPart,
  zerosDeflated,
} from '@taizhang/testing';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// The columns in another order than the API's, with a title above them, as a union keeps them.
const HEADERS = [
  '序号',
  '姓名',
  '身份证号码',
  '性别',
  '手机号码',
  '用工形式',
  '是否农民工',
  '入会日期',
  '入会方式',
];

const workbook = async (rows: unknown[][]): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('会员花名册');
  sheet.addRow(['机床厂工会会员花名册（2026年）']);
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);

  return Buffer.from(await book.xlsx.writeBuffer());
};

/**
 * The workbook with one more part that its table of contents does not list, just before that
 * table: a `xl/sharedStrings.xml` inflating to 1 GiB of zeros, which exceljs's streaming reader
 * would read.
 */
const withUnlistedBomb = (zip: Buffer): Buffer =>
  withUnlistedPart(zip, 'xl/sharedStrings.xml', zerosDeflated(1024));

// A valid number whose check digit is then broken.
const withWrongCheckDigit = (number: string): string =>
  `${number.slice(0, 17)}${number.endsWith('0') ? '1' : '0'}`;

describe('member import (会员批量导入) over HTTP', () => {
  let running: RunningServices;
  // The admin builds the org tree; an officer of the city does the rest (libs/testing).
  const region = regionClient({ as: (caller) => running.as(caller) });
  const url = (path: string) => `${running.urls['organisation']!}${path}`;
  const pool = () => running.databases['organisation']!.pool;
  const unions: string[] = [];
  const count = async (sql: string) =>
    Number((await pool().query<{ count: string }>(sql)).rows[0]!.count);
  const officer = () => running.auth.headers({ role: 'federation_officer', orgPath: region.city! });
  const upload = async (unionId: string, body: Buffer | string) =>
    postBody(url(`/unions/${unionId}/members/import`), body, {
      'content-type': XLSX,
      ...(await officer()),
    });
  const jobAt = async (location: string) =>
    (await fetch(url(location), { headers: await officer() })).json() as Promise<
      Record<string, unknown> & { state: string; result: Record<string, unknown> }
    >;
  // The upload is answered 202 at once; the answer is the job's, once it is done.
  const imported = async (unionId: string, body: Buffer) => {
    const accepted = await upload(unionId, body);
    expect([accepted.status, accepted.body['state']]).toEqual([202, 'queued']);
    const location = accepted.headers.get('location')!;
    expect(location).toBe(`/imports/${accepted.body['id'] as string}`);
    const job = await eventually(
      () => jobAt(location),
      (read) => read.state === 'done',
      60_000,
    );
    expect(job.state).toBe('done');

    return { status: accepted.status, body: job.result, job };
  };
  const created = async (path: string, body: unknown): Promise<string> => {
    const answer = await region.post(url(path), body);
    expect({ path, status: answer.status, body: answer.body }).toMatchObject({ status: 201 });

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
    for (const name of ['机床厂工会', '商圈联合工会'])
      unions.push(
        await created('/unions', { name, parentId: district, establishedOn: '2000-01-01' }),
      );
  });
  afterAll(() => running?.close());

  it('records the good rows, names each bad one in both languages, and records nothing new the second time', async () => {
    const elsewhere = testIdCardNumber(9000);
    await created(`/unions/${unions[1]}/members`, {
      name: '赵敏',
      gender: 'female',
      idCardNumber: elsewhere,
      employmentForm: 'regular',
      migrantWorker: false,
      joinedOn: '2019-01-01',
    });
    const many = Array.from({ length: 600 }, (_, i) => [
      i + 10,
      `会员${i}`,
      testIdCardNumber(100 + i),
      '女',
      null,
      '正式',
      '否',
      '2021-03-01',
      '个人',
    ]);
    const sheet = await workbook([
      [
        1,
        '王秀英',
        testIdCardNumber(1, { birthDate: '1985-03-12' }),
        '女',
        '138 0400 1122',
        '正式',
        '否',
        new Date('2020-07-01T00:00:00Z'),
        '个人',
      ],
      [
        2,
        '李建国',
        testIdCardNumber(2, { gender: 'male' }),
        '男',
        null,
        '劳务派遣',
        '是',
        '2020-07-01',
        '源头入会',
      ],
      [
        3,
        '张伟',
        withWrongCheckDigit(testIdCardNumber(3, { gender: 'male' })),
        '男',
        null,
        '正式',
        '否',
        '2020-07-01',
        null,
      ],
      [4, '刘洋', testIdCardNumber(4), '男', null, '正式', '否', '2020-07-01', null],
      [
        5,
        '王秀英',
        testIdCardNumber(1, { birthDate: '1985-03-12' }),
        '女',
        null,
        '正式',
        '否',
        '2020-07-01',
        null,
      ],
      [6, '赵敏', elsewhere, '女', null, '正式', '否', '2020-07-01', null],
      [7, '陈静', testIdCardNumber(7), '女', null, '新就业形态', '否', '2020-07-01', '源头入会'],
      [],
      [9, '孙丽', testIdCardNumber(9), '女', null, '正式', '否', null, null],
      [10, '周杰', testIdCardNumber(10), '女', '1390000', '正式', '否', '2020-07-01', null],
      ...many,
    ]);
    const eventsBefore = await count('SELECT count(*) FROM events');

    const first = await imported(unions[0]!, sheet);

    expect(first.body).toMatchObject({ rows: 609, recorded: 602, already: [] });
    expect(first.job).toMatchObject({ rows: 609, recorded: 602, already: 0, rejected: 7 });
    const joined = first.body['created'] as { row: number; id: string }[];
    expect(joined.length).toBe(602);
    expect(joined[0]).toEqual({ row: 3, id: expect.any(String) as string });
    const rejected = first.body['rejected'] as {
      row: number;
      label: string;
      reasons: { code: string; column: string | null; zh: string; en: string }[];
    }[];
    expect(
      rejected.map((r) => [r.row, r.label, r.reasons.map((x) => `${x.code}:${x.column}`)]),
    ).toEqual([
      [5, '张伟', ['INVALID_ID_CARD_NUMBER:身份证号码']],
      [6, '刘洋', ['GENDER_MISMATCH:性别']],
      [7, '王秀英', ['DUPLICATE_IN_SHEET:身份证号码']],
      [8, '赵敏', ['MEMBER_ALREADY_ACTIVE:身份证号码']],
      [9, '陈静', ['AT_SOURCE_NOT_MIGRANT:入会方式']],
      [11, '孙丽', ['MISSING_VALUE:入会日期']],
      [12, '周杰', ['INVALID_PHONE_NUMBER:手机号码']],
    ]);
    for (const { reasons } of rejected)
      for (const reason of reasons) {
        expect(reason.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(reason.en).toMatch(/[A-Za-z]{3,}/);
      }
    expect((await count('SELECT count(*) FROM events')) - eventsBefore).toBe(602);
    expect(await count('SELECT count(*) FROM person_keys')).toBe(603);
    // Personal data sealed exactly as a single join seals it.
    const stored = await pool().query<{ text: string }>(
      `SELECT data::text AS text FROM events WHERE type = 'MemberJoined' AND data->>'name' = '王秀英'`,
    );
    expect(stored.rows[0]!.text).not.toContain(testIdCardNumber(1, { birthDate: '1985-03-12' }));
    expect(stored.rows[0]!.text).not.toContain('13804001122');
    expect(JSON.parse(stored.rows[0]!.text)).toMatchObject({
      idCardNumber: { alg: 'A256GCM' },
      phone: { alg: 'A256GCM' },
      joinedOn: '2020-07-01',
    });
    expect(await verifyIntegrity(pool())).toMatchObject({ intact: true });

    const again = await imported(unions[0]!, sheet);

    expect(again.body).toMatchObject({ rows: 609, recorded: 0, created: [] });
    // The ids of the first answer, now as members already there.
    expect(again.body['already']).toEqual(joined);
    expect(again.body['rejected']).toEqual(first.body['rejected']);
    expect((await count('SELECT count(*) FROM events')) - eventsBefore).toBe(602);
  });

  it('refuses what is not a workbook, and a union that does not exist, recording nothing', async () => {
    const before = await count('SELECT count(*) FROM events');

    const notABook = await upload(unions[0]!, '姓名,身份证号码');
    const noUnion = await upload(randomUUID(), await workbook([]));

    expect([notABook.status, notABook.body['code']]).toEqual([422, 'INVALID_WORKBOOK']);
    // Each language its own field, and both in the one-line detail.
    expect(notABook.body).toMatchObject({
      en: 'The file is not an Excel workbook (.xlsx) that can be read.',
      zh: '文件不是可读取的Excel工作簿（.xlsx）。',
      detail:
        'The file is not an Excel workbook (.xlsx) that can be read. / 文件不是可读取的Excel工作簿（.xlsx）。',
    });
    expect([noUnion.status, noUnion.body['code']]).toEqual([404, 'NOT_FOUND']);
    expect(await count('SELECT count(*) FROM events')).toBe(before);
  });

  it('refuses a workbook hiding a part its table of contents does not list, recording nobody', async () => {
    const before = await count('SELECT count(*) FROM events');
    const sheet = withUnlistedBomb(
      await workbook([
        [1, '刘洋', testIdCardNumber(904), '男', null, '正式', '否', '2020-07-01', null],
      ]),
    );

    const answer = await upload(unions[0]!, sheet);

    expect([answer.status, answer.body['code']]).toEqual([422, 'WORKBOOK_TOO_LARGE']);
    expect(await count('SELECT count(*) FROM events')).toBe(before);
  });
});

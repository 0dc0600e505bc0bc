import ExcelJS from 'exceljs';

import { Topics } from '@taizhang/contracts';
import type { RunningServices } from '@taizhang/testing';
import {
  eventually,
  startServices,
  TEST_ADMIN_PASSWORD,
  testIdCardNumber,
} from '@taizhang/testing';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PASSWORD = 'a-long-enough-password';
const ROWS = 10_000;

const memberSheet = async (): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('会员花名册');
  sheet.addRow(['姓名', '身份证号码', '性别', '用工形式', '是否农民工', '入会日期']);
  for (let i = 0; i < ROWS; i += 1)
    sheet.addRow([`会员${i}`, testIdCardNumber(50_000 + i), '女', '正式', '否', '2021-03-01']);

  return Buffer.from(await book.xlsx.writeBuffer());
};

/**
 * An import that takes longer than the gateway waits for a service's answer (PROXY_TIMEOUT_MS,
 * here 3 s: 10,000 rows take several times that) is answered 202 at once through the gateway,
 * and its event stream goes on through the gateway, unbuffered and untimed, until the job is
 * done.
 */
describe('an import job through the gateway', () => {
  let running: RunningServices;
  const gateway = (path: string) => `${running.urls['gateway']!}${path}`;
  const call = async (path: string, token: string | null, body?: unknown) => {
    const response = await fetch(gateway(path), {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const login = async (username: string, password: string) =>
    (await call('/auth/login', null, { username, password })).body['accessToken'] as string;
  const created = async (token: string, path: string, body: unknown) => {
    const answer = await call(`/api/organisation${path}`, token, body);
    expect({ path, status: answer.status }).toEqual({ path, status: 201 });

    return answer.body['id'] as string;
  };

  beforeAll(async () => {
    running = await startServices(['organisation', 'gateway'], [Topics.organisation], {
      PROXY_TIMEOUT_MS: '3000',
    });
  });
  afterAll(() => running?.close());

  it('answers the upload 202 at once, and streams the job to its end', async () => {
    const admin = await login('admin', TEST_ADMIN_PASSWORD);
    const city = await created(admin, '/org-units', {
      code: '2101',
      name: '沈阳市总工会',
      kind: 'municipal',
    });
    const district = await created(admin, '/org-units', {
      code: '210102',
      name: '和平区总工会',
      kind: 'district',
      parentId: city,
    });
    // The gateway places accounts in units it learned from organisation's topic.
    const account = await eventually(
      () =>
        call('/users', admin, {
          username: 'hp-officer',
          password: PASSWORD,
          role: 'federation_officer',
          orgUnitId: district,
        }),
      ({ status }) => status === 201,
      90_000,
    );
    expect(account.status).toBe(201);
    const officer = await login('hp-officer', PASSWORD);
    const union = await created(officer, '/unions', {
      name: '机床厂工会',
      parentId: district,
      establishedOn: '2000-01-01',
    });

    const upload = await fetch(gateway(`/api/organisation/unions/${union}/members/import`), {
      method: 'POST',
      headers: { authorization: `Bearer ${officer}`, 'content-type': XLSX },
      body: await memberSheet(),
    });

    expect(upload.status).toBe(202);
    const location = upload.headers.get('location')!;
    const { id } = (await upload.json()) as { id: string };
    // Where the client finds it: under the service's prefix of the gateway.
    expect(location).toBe(`/api/organisation/imports/${id}`);
    const stream = await fetch(gateway(`${location}/events`), {
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await stream.text();
    expect(text).toContain('event: done');
    const job = await call(location, officer);
    expect(job.body).toMatchObject({ state: 'done', recorded: ROWS, rejected: 0 });
  });
});

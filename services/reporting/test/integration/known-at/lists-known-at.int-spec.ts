import ExcelJS from 'exceljs';
import type { Producer } from 'kafkajs';

import { Topics } from '@taizhang/contracts';
import { createIdempotentProducer } from '@taizhang/messaging';
import type { RunningServices } from '@taizhang/testing';
import { eventually, startServices } from '@taizhang/testing';

import { knownHistory } from './known-history';

type Row = Record<string, unknown>;

/**
 * The lists (工会名录, 单位台账, 未建会单位) as known at an instant, over the history of
 * `known-history.ts`: union c (street s1) founded 2025-10-01 covering e1, and e1's headcount of
 * 2025-12-01 (150), both entered on 2026-01-20; e1 registered 2021-01-01, entered 2021-01-05.
 */
const BEFORE = '2026-01-15T00:00:00Z';

describe('The unit lists as known at an instant (?knownAt=)', () => {
  let running: RunningServices;
  let producer: Producer;
  const get = (path: string) =>
    running
      .as({ role: 'federation_officer', orgPath: 'm' })
      .get(`${running.urls['reporting']!}/reports/org-units/${path}`);
  beforeAll(async () => {
    running = await startServices(['reporting'], [Topics.organisation]);
    producer = createIdempotentProducer(running.topics.kafka);
    await producer.connect();
    const organisation = running.eventKeys['organisation']!;
    const send = (events: ReturnType<typeof knownHistory>) =>
      producer.send({
        topic: running.topics.names[Topics.organisation]!,
        messages: events.map((event) => organisation.message(event)),
      });
    // What was entered before the instant reaches reporting before what was entered after it,
    // as late entries do (across partitions, the log follows arrival: README, "As known").
    const history = knownHistory();
    await send(history.filter((event) => event.recordedAt < BEFORE));
    await eventually(
      () => get('s1/summary?asOf=2025-12-31'),
      (answer) => answer.body['members'] === 1 && answer.body['workforce'] === 100,
      30_000,
    );
    await send(history.filter((event) => event.recordedAt >= BEFORE));
    // Every late event, whatever its partition: the members and the headcount, and union c with
    // its coverage of e1 (the union's stream is keyed apart from its members').
    await eventually(
      () => get('s1/summary?asOf=2025-12-31'),
      (answer) =>
        answer.body['members'] === 3 &&
        answer.body['workforce'] === 150 &&
        answer.body['unions'] === 2 &&
        answer.body['coveredEmployers'] === 1,
      30_000,
    );
  }, 180_000);
  afterAll(async () => {
    await producer?.disconnect();
    await running?.close();
  });

  it('lists the unions as then recorded: a union entered later is not yet there', async () => {
    const now = await get('s1/unions?asOf=2025-12-31');
    const known = await get(`s1/unions?asOf=2025-12-31&knownAt=${BEFORE}`);

    expect(now.status).toBe(200);
    expect((now.body['unions'] as Row[]).map((u) => u['unionId'])).toEqual(['a', 'c']);
    expect(now.body).not.toHaveProperty('knownAt');
    expect(known.status).toBe(200);
    expect(known.body).toMatchObject({ asOf: '2025-12-31', knownAt: BEFORE, total: 1 });
    expect((known.body['unions'] as Row[]).map((u) => u['unionId'])).toEqual(['a']);
    // An instant after every entry is now.
    expect(
      (await get('s1/unions?asOf=2025-12-31&knownAt=2099-01-01T00:00:00Z')).body['unions'],
    ).toEqual(now.body['unions']);
  });

  it('lists the employers with the headcount and coverage then recorded, and none before their registration was', async () => {
    const employers = async (query: string) =>
      ((await get(`s1/employers?asOf=2025-12-31${query}`)).body['employers'] as Row[]).map((e) => [
        e['employerId'],
        e['headcount'],
        e['covered'],
      ]);

    expect(await employers('')).toEqual([['e1', 150, true]]);
    expect(await employers(`&knownAt=${BEFORE}`)).toEqual([['e1', 100, false]]);
    expect(await employers('&knownAt=2021-01-04T00:00:00Z')).toEqual([]);
    expect(await employers(`&knownAt=${BEFORE}&covered=true`)).toEqual([]);
  });

  it('lists the employers without a union as then known: e1 before its union was entered', async () => {
    const now = await get('s1/uncovered-employers?asOf=2025-12-31');
    const known = await get(`s1/uncovered-employers?asOf=2025-12-31&knownAt=${BEFORE}`);

    expect(now.body).toMatchObject({ total: 0, employers: [] });
    expect(known.status).toBe(200);
    expect(known.body).toMatchObject({
      knownAt: BEFORE,
      total: 1,
      employers: [expect.objectContaining({ employerId: 'e1', headcount: 100 })],
    });
    // The +08:00 offset as sent unencoded (a space) is the same instant.
    const plus = await get(
      's1/uncovered-employers?asOf=2025-12-31&knownAt=2026-01-15T08:00:00 08:00',
    );
    expect(plus.body).toMatchObject({ total: 1 });
  });

  it('names the instant in each sheet’s title', async () => {
    const title = async (path: string) => {
      const response = await fetch(`${running.urls['reporting']!}/reports/org-units/${path}`, {
        headers: await running.auth.headers({ role: 'federation_officer', orgPath: 'm' }),
      });
      expect(response.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());

      return workbook.worksheets[0]!.getCell('A1').value;
    };
    const at = `asOf=2025-12-31&knownAt=${BEFORE}`;

    expect(await title(`s1/unions.xlsx?${at}`)).toBe(`工会名录（截至2025-12-31，${BEFORE}时所知）`);
    expect(await title(`s1/employers.xlsx?${at}`)).toBe(
      `单位台账（截至2025-12-31，${BEFORE}时所知）`,
    );
    expect(await title(`s1/uncovered-employers.xlsx?${at}`)).toBe(
      `未建会单位（截至2025-12-31，${BEFORE}时所知）`,
    );
    expect(await title('s1/unions.xlsx?asOf=2025-12-31')).toBe('工会名录（截至2025-12-31）');
  });

  it('refuses an instant that is not one with a 400', async () => {
    for (const path of [
      's1/unions?knownAt=2026-01-15',
      's1/employers?knownAt=yesterday',
      's1/uncovered-employers?knownAt=2026-01-15T00:00:00',
      's1/uncovered-employers.xlsx?knownAt=x',
      's1/unions.xlsx?knownAt=2026-13-01T00:00:00Z',
    ])
      expect({ path, status: (await get(path)).status }).toEqual({ path, status: 400 });
  });
});

import { request } from 'node:http';
import { Readable } from 'node:stream';

import ExcelJS from 'exceljs';

import { Topics } from '@taizhang/contracts';
import { startServices, testIdCardNumber } from '@taizhang/testing';

import { benchUnions } from './join-bench';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = [
  '序号',
  '姓名',
  '性别',
  '身份证号码',
  '手机号码',
  '用工形式',
  '是否农民工',
  '入会日期',
  '入会方式',
];
const FORMS = ['正式', '劳务派遣', '新就业形态'];

export interface ImportFigures {
  rows: number;
  workbookBytes: number;
  importRowsPerSecond: number;
  parseRowsPerSecond: number;
}

/** A member sheet as a union keeps it: `rows` different people, every column filled. */
const memberSheet = async (rows: number): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('会员花名册');
  sheet.addRow(HEADERS);
  for (let i = 0; i < rows; i += 1) {
    const gender = i % 2 ? 'male' : 'female';
    sheet.addRow([
      i + 1,
      `会员${i}`,
      gender === 'male' ? '男' : '女',
      testIdCardNumber(i, { gender }),
      `138${String(i).padStart(8, '0')}`,
      FORMS[i % 3],
      i % 4 === 0 ? '是' : '否',
      '2021-03-01',
      i % 4 === 0 ? '源头入会' : '个人',
    ]);
  }

  return Buffer.from(await book.xlsx.writeBuffer());
};

// node:http rather than fetch, whose client gives up on an answer after 300 s (an event stream
// of a long import lasts as long as the import).
const send = (
  url: string,
  method: 'GET' | 'POST',
  headers: Record<string, string>,
  workbook?: Buffer,
): Promise<{ status: number; body: string; location: string | undefined }> =>
  new Promise((resolve, reject) => {
    const sent = request(
      url,
      {
        method,
        headers: workbook
          ? { ...headers, 'content-type': XLSX, 'content-length': workbook.length }
          : headers,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            location: response.headers.location,
          }),
        );
        response.on('error', reject);
      },
    );
    sent.on('error', reject);
    sent.end(workbook);
  });

// The baseline: reading every cell of the same sheet with exceljs's streaming reader, nothing else.
const parseOnly = async (workbook: Buffer): Promise<number> => {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([workbook]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let cells = 0;
  for await (const worksheet of reader)
    for await (const row of worksheet) row.eachCell(() => (cells += 1));

  return cells;
};

/**
 * A `rows`-row member sheet through `POST /unions/:id/members/import` until its job is done (the
 * upload answers 202 at once; the job's event stream ends when the last row is recorded), against
 * parsing it alone.
 */
export const benchImport = async (rows: number): Promise<ImportFigures> => {
  const workbook = await memberSheet(rows);
  const parseStarted = performance.now();
  await parseOnly(workbook);
  const parseSeconds = (performance.now() - parseStarted) / 1000;

  const running = await startServices(['organisation'], [Topics.organisation]);
  try {
    const url = running.urls['organisation']!;
    const { unions, officer } = await benchUnions(running, 1);
    const started = performance.now();
    const accepted = await send(
      `${url}/unions/${unions[0]}/members/import`,
      'POST',
      officer,
      workbook,
    );
    if (accepted.status !== 202 || !accepted.location)
      throw new Error(`the upload answered ${accepted.status}: ${accepted.body.slice(0, 500)}`);
    const events = await send(`${url}${accepted.location}/events`, 'GET', officer);
    const seconds = (performance.now() - started) / 1000;
    const job = JSON.parse((await send(`${url}${accepted.location}`, 'GET', officer)).body) as {
      state?: string;
      recorded?: number;
    };
    if (events.status !== 200 || job.state !== 'done' || job.recorded !== rows)
      throw new Error(`the import job ended ${JSON.stringify(job).slice(0, 500)}`);

    return {
      rows,
      workbookBytes: workbook.length,
      importRowsPerSecond: rows / seconds,
      parseRowsPerSecond: rows / parseSeconds,
    };
  } finally {
    await running.close();
  }
};

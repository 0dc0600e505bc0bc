import ExcelJS from 'exceljs';

import { testIdCardNumber } from '@taizhang/testing';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const HEADERS = ['姓名', '身份证号码', '性别', '用工形式', '是否农民工', '入会日期'];

/** A member row: person `n`, a woman who joined in 2021, or with another joining date. */
export const memberRow = (n: number, joinedOn: string | null = '2021-03-01'): unknown[] => [
  `会员${n}`,
  testIdCardNumber(n),
  '女',
  '正式',
  '否',
  joinedOn,
];

/** A 会员花名册 of these rows under a title. */
export const memberSheet = async (rows: unknown[][]): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('会员花名册');
  sheet.addRow(['会员花名册']);
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);

  return Buffer.from(await book.xlsx.writeBuffer());
};

/** The first sheet's rows as text (row 1 first), as a person reads them. */
export const sheetText = async (workbook: Buffer): Promise<string[][]> => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(workbook as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]!.eachRow((row) =>
    rows.push(
      (row.values as ExcelJS.CellValue[])
        .slice(1)
        .map((value) =>
          typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value ?? ''),
        ),
    ),
  );

  return rows;
};

/** Server-sent events as `{ type, data }`, from the whole text of a stream. */
export const serverSentEvents = (text: string): { type: string; data: Record<string, unknown> }[] =>
  text
    .split('\n\n')
    .filter((block) => block.includes('data:'))
    .map((block) => {
      const field = (name: string) =>
        block
          .split('\n')
          .filter((line) => line.startsWith(`${name}:`))
          .map((line) => line.slice(name.length + 1).trim())
          .join('\n');

      return {
        type: field('event') || 'message',
        data: JSON.parse(field('data')) as Record<string, unknown>,
      };
    });

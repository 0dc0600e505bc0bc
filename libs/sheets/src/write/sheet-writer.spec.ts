import ExcelJS from 'exceljs';

import { readSheet } from '../read/sheet-reader';
import { writeSheet } from './sheet-writer';

interface Member {
  name: string;
  idCardNumber: string;
  joinedOn: string;
  dues: number | null;
}

const members: Member[] = [
  { name: '王秀英', idCardNumber: '210102198503121220', joinedOn: '2020-07-01', dues: 12.5 },
  { name: '𠮷田 Zoë', idCardNumber: '21010219900101123X', joinedOn: '2021-01-31', dues: null },
];

// exceljs types its load() argument as an ArrayBuffer; it takes a Node Buffer.
const loadable = (workbook: Buffer) => workbook as unknown as ExcelJS.Buffer;

const exported = () =>
  writeSheet({
    sheetName: '会员花名册',
    title: '华晨宝马汽车有限公司工会会员花名册',
    columns: [
      { header: '姓名', value: (member: Member) => member.name },
      { header: '身份证号码', value: (member) => member.idCardNumber, width: 22 },
      { header: '入会日期', value: (member) => member.joinedOn },
      { header: '会费（元）', value: (member) => member.dues },
    ],
    rows: members,
  });

describe('writing a sheet', () => {
  it('reads back, through the import reader, exactly as written, Chinese headers and all', async () => {
    const rows = [];
    for await (const row of readSheet<'name' | 'idCardNumber' | 'joinedOn' | 'dues'>(
      await exported(),
      {
        headers: {
          name: '姓名',
          idCardNumber: '身份证号码',
          joinedOn: '入会日期',
          dues: '会费（元）',
        },
        required: ['idCardNumber', 'name'],
      },
    ))
      rows.push(row);

    expect(rows).toEqual([
      {
        row: 3,
        cells: {
          name: '王秀英',
          idCardNumber: '210102198503121220',
          joinedOn: '2020-07-01',
          dues: 12.5,
        },
      },
      {
        row: 4,
        cells: {
          name: '𠮷田 Zoë',
          idCardNumber: '21010219900101123X',
          joinedOn: '2021-01-31',
          dues: null,
        },
      },
    ]);
  });

  it('names the sheet, keeps long numbers as text and freezes the bold header row', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(loadable(await exported()));
    const sheet = book.worksheets[0]!;

    expect(sheet.name).toBe('会员花名册');
    expect(sheet.getCell('B3').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('A2').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getColumn(2).width).toBe(22);
  });

  it('writes the headers alone when there are no rows', async () => {
    const book = new ExcelJS.Workbook();
    const empty = await writeSheet({
      sheetName: '单位台账',
      columns: [{ header: '单位名称', value: () => null }],
      rows: [],
    });
    await book.xlsx.load(loadable(empty));

    expect(book.worksheets[0]!.getRow(1).values).toEqual([undefined, '单位名称']);
  });
});

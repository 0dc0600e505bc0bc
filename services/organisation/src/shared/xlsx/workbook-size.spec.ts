import { deflateRawSync } from 'node:zlib';

import ExcelJS from 'exceljs';

import { checkWorkbookSize } from './workbook-size';

/** A zip of one deflated entry, with whatever sizes it claims (CRCs are not checked). */
const zipOf = (content: Buffer, claimedSize = content.length): Buffer => {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const data = deflateRawSync(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(claimedSize, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(claimedSize, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + data.length, 16);

  return Buffer.concat([local, name, data, central, name, end]);
};

describe('the decompressed size of a workbook', () => {
  it('lets a real workbook through', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('会员').addRow(['姓名', '身份证号码']);

    await expect(
      checkWorkbookSize(Buffer.from(await book.xlsx.writeBuffer())),
    ).resolves.toBeUndefined();
  });

  it('refuses a part that inflates past the limit, whatever size it claims', async () => {
    const bomb = zipOf(Buffer.alloc(4 * 1024 * 1024), 1000);

    expect(bomb.length).toBeLessThan(10_000);
    await expect(checkWorkbookSize(bomb, 1024 * 1024)).rejects.toMatchObject({
      code: 'WORKBOOK_TOO_LARGE',
    });
  });

  it('refuses what is not a zip', async () => {
    await expect(checkWorkbookSize(Buffer.from('姓名,身份证号码\n'))).rejects.toMatchObject({
      code: 'INVALID_WORKBOOK',
    });
  });
});

import { deflateRawSync } from 'node:zlib';

import ExcelJS from 'exceljs';

import { withUnlistedPart, zerosDeflated } from '@taizhang/testing';

import { readSheet } from './sheet-reader';
import { checkWorkbookSize, MAX_DECOMPRESSED_BYTES } from './workbook-size';

/**
 * A zip of one deflated entry, with whatever sizes it claims (CRCs are not checked); with a data
 * descriptor, the local header leaves the sizes to a record after the data, as streaming writers do.
 */
const zipOf = (
  content: Buffer,
  claimedSize = content.length,
  { dataDescriptor = false } = {},
): Buffer => {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const data = deflateRawSync(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(dataDescriptor ? 0x08 : 0, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(dataDescriptor ? 0 : data.length, 18);
  local.writeUInt32LE(dataDescriptor ? 0 : claimedSize, 22);
  local.writeUInt16LE(name.length, 26);
  const descriptor = Buffer.alloc(dataDescriptor ? 16 : 0);
  if (dataDescriptor) {
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(data.length, 8);
    descriptor.writeUInt32LE(claimedSize, 12);
  }
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
  end.writeUInt32LE(30 + name.length + data.length + descriptor.length, 16);

  return Buffer.concat([local, name, data, descriptor, central, name, end]);
};

const realWorkbook = async (): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('会员').addRow(['姓名', '身份证号码']);

  return Buffer.from(await book.xlsx.writeBuffer());
};

/**
 * A raw deflate stream of `mebibytes` MiB of zeros, built without deflating them all: a fully
 * flushed MiB stands alone, so copies of it follow one another, closed by an empty final block.
 */
const readAll = async (workbook: Buffer): Promise<void> => {
  for await (const row of readSheet(workbook, {
    headers: { name: '姓名' },
    required: ['name'],
  }))
    expect(row).toBeDefined();
};

describe('the decompressed size of a workbook', () => {
  it('lets a real workbook through', async () => {
    await expect(checkWorkbookSize(await realWorkbook())).resolves.toBeUndefined();
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

  // exceljs's streaming reader walks the local headers and never reads the table of contents,
  // which is all the check once measured: a part left out of the table went in unmeasured.
  it('refuses a part the table of contents does not list that inflates to 1 GiB, its memory bounded', async () => {
    const bomb = withUnlistedPart(
      await realWorkbook(),
      'xl/sharedStrings.xml',
      zerosDeflated(1024),
    );
    // The peak resident size of this process (KiB): inflating the part would have to raise it.
    const peakBefore = process.resourceUsage().maxRSS * 1024;

    expect(bomb.length).toBeLessThan(2 * 2 ** 20);
    await expect(readAll(bomb)).rejects.toMatchObject({ code: 'WORKBOOK_TOO_LARGE' });
    expect(process.resourceUsage().maxRSS * 1024 - peakBefore).toBeLessThan(MAX_DECOMPRESSED_BYTES);
  });

  it('refuses a small part the table of contents does not list, saying so', async () => {
    const hidden = withUnlistedPart(
      await realWorkbook(),
      'xl/worksheets/sheet2.xml',
      deflateRawSync('<worksheet><sheetData/></worksheet>'),
    );

    await expect(readAll(hidden)).rejects.toMatchObject({
      code: 'INVALID_WORKBOOK',
      message: expect.stringContaining('table of contents') as string,
    });
  });

  it('refuses a part slipped in between the table of contents and its end record', async () => {
    const book = await realWorkbook();
    const eocd = book.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const name = Buffer.from('xl/worksheets/sheet2.xml');
    const data = deflateRawSync('<worksheet><sheetData/></worksheet>');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt16LE(name.length, 26);

    await expect(
      checkWorkbookSize(
        Buffer.concat([book.subarray(0, eocd), local, name, data, book.subarray(eocd)]),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_WORKBOOK' });
  });

  it('measures a part whose sizes follow it in a data descriptor, up to that descriptor', async () => {
    const content = Buffer.alloc(4 * 1024 * 1024);

    await expect(
      checkWorkbookSize(zipOf(content, 1000, { dataDescriptor: true })),
    ).resolves.toBeUndefined();
    await expect(
      checkWorkbookSize(zipOf(content, 1000, { dataDescriptor: true }), 1024 * 1024),
    ).rejects.toMatchObject({ code: 'WORKBOOK_TOO_LARGE' });
  });

  it('refuses a local header whose size disagrees with the table of contents', async () => {
    const book = await realWorkbook();
    book.writeUInt32LE(0, book.indexOf(Buffer.from('xl/_rels/workbook.xml.rels')) - 30 + 18);

    await expect(checkWorkbookSize(book)).rejects.toMatchObject({ code: 'INVALID_WORKBOOK' });
  });
});

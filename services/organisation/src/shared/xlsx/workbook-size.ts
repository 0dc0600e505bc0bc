import { createInflateRaw } from 'node:zlib';

import { notAWorkbook, SheetError, SheetErrorCode } from './sheet.error';

/**
 * What the parts of one workbook may add up to once decompressed. exceljs parks a sheet that
 * precedes its shared strings in a temporary file, so a small zip bomb could fill the disk; a
 * 100,000-row sheet of ten columns is about 100 MiB.
 */
export const MAX_DECOMPRESSED_BYTES = 256 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
// General-purpose flag bit 3: the sizes follow the part's data instead of its local header.
const DATA_DESCRIPTOR = 0x08;

interface Entry {
  method: number;
  compressedSize: number;
  dataOffset: number;
}

const tooLarge = (): SheetError =>
  new SheetError(
    SheetErrorCode.WorkbookTooLarge,
    `The workbook decompresses to more than ${MAX_DECOMPRESSED_BYTES / 2 ** 20} MiB; split it into several files.`,
    `工作簿解压后超过${MAX_DECOMPRESSED_BYTES / 2 ** 20} MiB，请拆分为多个文件导入。`,
  );

// The zip's own table of contents, at its end (an .xlsx is a zip); zip64 is never needed here.
const entriesOf = (zip: Buffer): Entry[] => {
  const searchFrom = Math.max(0, zip.length - 65_557);
  let eocd = -1;
  for (let at = zip.length - 22; at >= searchFrom; at -= 1)
    if (zip.readUInt32LE(at) === EOCD) {
      eocd = at;
      break;
    }
  if (eocd < 0) throw notAWorkbook();
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_ENTRY) throw notAWorkbook();
    const localHeader = zip.readUInt32LE(at + 42);
    if (localHeader + 30 > zip.length || zip.readUInt32LE(localHeader) !== LOCAL_HEADER)
      throw notAWorkbook();
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    // exceljs reads the parts in order by their local headers, not by this table: a local header
    // that disagrees with it (unless a data descriptor follows the part) once left the reader
    // waiting forever, so such a file is refused here.
    const usesDataDescriptor = (zip.readUInt16LE(localHeader + 6) & DATA_DESCRIPTOR) !== 0;
    if (
      zip.readUInt16LE(localHeader + 8) !== method ||
      (!usesDataDescriptor && zip.readUInt32LE(localHeader + 18) !== compressedSize)
    )
      throw notAWorkbook();
    entries.push({
      method,
      compressedSize,
      dataOffset:
        localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28),
    });
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }

  return entries;
};

// Inflates without keeping the output, stopping as soon as the budget is spent.
const inflatedSize = (data: Buffer, budget: number): Promise<number> =>
  new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        inflate.destroy();
        reject(tooLarge());
      }
    });
    inflate.on('end', () => resolve(size));
    inflate.on('error', () => reject(notAWorkbook()));
    inflate.end(data);
  });

/**
 * Refuses (422) a workbook whose parts decompress to more than MAX_DECOMPRESSED_BYTES, measured
 * by decompressing them (the sizes a zip declares may lie), before any part reaches exceljs.
 */
export const checkWorkbookSize = async (
  zip: Buffer,
  limit = MAX_DECOMPRESSED_BYTES,
): Promise<void> => {
  let budget = limit;
  for (const entry of entriesOf(zip)) {
    const data = zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    if (entry.method === STORED) budget -= data.length;
    else if (entry.method === DEFLATED) budget -= await inflatedSize(data, budget);
    else throw notAWorkbook();
    if (budget < 0) throw tooLarge();
  }
};

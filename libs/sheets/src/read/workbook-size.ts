import { createInflateRaw } from 'node:zlib';

import { notAWorkbook, SheetError, SheetErrorCode } from './sheet.error';
import { streamedParts } from './zip-parts';

/**
 * What the parts of one workbook may add up to once decompressed. exceljs parks a sheet that
 * precedes its shared strings in a temporary file, so a small zip bomb could fill the disk; a
 * 100,000-row sheet of ten columns is about 100 MiB.
 */
export const MAX_DECOMPRESSED_BYTES = 256 * 1024 * 1024;

const STORED = 0;
const DEFLATED = 8;

const tooLarge = (): SheetError =>
  new SheetError(SheetErrorCode.WorkbookTooLarge, {
    en: `The workbook decompresses to more than ${MAX_DECOMPRESSED_BYTES / 2 ** 20} MiB; split it into several files.`,
    zh: `工作簿解压后超过${MAX_DECOMPRESSED_BYTES / 2 ** 20} MiB，请拆分为多个文件导入。`,
  });

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
 * The parts measured are the ones exceljs will read (see streamedParts), and a file whose parts
 * are not exactly those its table of contents lists is refused, so nothing is read unmeasured.
 */
export const checkWorkbookSize = async (
  zip: Buffer,
  limit = MAX_DECOMPRESSED_BYTES,
): Promise<void> => {
  let budget = limit;
  await streamedParts(zip, async ({ method, data }) => {
    if (method === STORED) budget -= data.length;
    else if (method === DEFLATED) budget -= await inflatedSize(data, budget);
    else throw notAWorkbook();
    if (budget < 0) throw tooLarge();
  });
};

import { z } from 'zod';

import { SheetErrorCode } from './sheet.error';

/** Data rows read from one sheet at most; split a larger one into several files. */
export const MAX_IMPORT_ROWS = 100_000;

/** Why a row was refused, in both languages, with the column it is about. */
export const ImportReasonSchema = z.object({
  code: z
    .string()
    .describe(
      'a stable code, e.g. INVALID_CREDIT_CODE, INVALID_ID_CARD_NUMBER, DUPLICATE_IN_SHEET',
    ),
  column: z.string().nullable().describe('the sheet column it is about, e.g. 身份证号码'),
  zh: z.string().describe('the reason in Chinese'),
  en: z.string().describe('the reason in English'),
});

export type ImportReason = z.infer<typeof ImportReasonSchema>;

/** The reason given for the first row past MAX_IMPORT_ROWS (reading stops there). */
export const tooManyRows = (row: number): ImportReason => ({
  code: SheetErrorCode.TooManyRows,
  column: null,
  en: `Only the first ${MAX_IMPORT_ROWS} rows of a sheet are read; import the rest from row ${row} on in another file.`,
  zh: `每个文件最多读取${MAX_IMPORT_ROWS}行；请将第${row}行起的其余数据另存一个文件导入。`,
});

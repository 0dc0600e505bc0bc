import { z } from 'zod';

import type { DomainError } from '@taizhang/domain';

import { SheetErrorCode } from '../read/sheet.error';

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

/** A refusal of a row's command as the import lists it, pointing at `column` (null: none). */
export const reasonOf = (error: DomainError, column: string | null): ImportReason => ({
  code: error.code,
  column,
  zh: error.zh,
  en: error.en,
});

/** The reason given for the first row past MAX_IMPORT_ROWS (reading stops there). */
export const tooManyRows = (row: number): ImportReason => ({
  code: SheetErrorCode.TooManyRows,
  column: null,
  en: `Only the first ${MAX_IMPORT_ROWS} rows of a sheet are read; import the rest from row ${row} on in another file.`,
  zh: `每个文件最多读取${MAX_IMPORT_ROWS}行；请将第${row}行起的其余数据另存一个文件导入。`,
});

const ROW = z.number().int().describe('the row number as Excel shows it');

/** A row that names a record: the one it created, or the one that was there already. */
export const IdentifiedRowSchema = z.object({
  row: ROW,
  id: z.string().describe('the id of the record (a member id, a credit code, …)'),
});

/** A refused row: its number, what the sheet names it by (`label`), every reason found. */
export const RejectedRowSchema = z.object({
  row: ROW,
  label: z
    .string()
    .nullable()
    .describe('what the row is known by, e.g. 姓名 or 统一社会信用代码 (never an ID card number)'),
  reasons: z.array(ImportReasonSchema).min(1),
});

export type IdentifiedRow = z.infer<typeof IdentifiedRowSchema>;
export type RejectedRow = z.infer<typeof RejectedRowSchema>;

/**
 * The answer to an import, the same for every kind of sheet: `{ rows, recorded, created: [{ row,
 * id }], already: [{ row, id }], rejected: [{ row, label, reasons: [{ code, column, zh, en }] }] }`.
 */
export const ImportResultSchema = z.object({
  rows: z.number().int().describe('data rows read (blank rows are skipped)'),
  recorded: z.number().int().describe('rows recorded by this import'),
  created: z.array(IdentifiedRowSchema).describe('the rows recorded, each with the id it created'),
  already: z
    .array(IdentifiedRowSchema)
    .describe('rows whose record was there before (nothing recorded), with its id'),
  rejected: z.array(RejectedRowSchema).describe('rows refused, each with its reasons'),
});

export type ImportResult = z.infer<typeof ImportResultSchema>;

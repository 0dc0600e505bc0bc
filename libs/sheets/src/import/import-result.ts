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

/** A refused row: its number, what the import names it by (`identity`), every reason found. */
export const rejectedRowSchema = <TIdentity extends z.ZodRawShape>(identity: TIdentity) =>
  z.object({ row: ROW, ...identity, reasons: z.array(ImportReasonSchema).min(1) });

/**
 * The answer to an import: `{ rows, recorded, <already>: [{ row, … }], rejected: [{ row, …,
 * reasons: [{ code, column, zh, en }] }] }`, where `<already>` (e.g. alreadyMembers) lists the
 * rows that were recorded before, by the id they have.
 */
export const importResultSchema = <
  TAlready extends string,
  TAlreadyRow extends z.ZodRawShape,
  TRejectedRow extends z.ZodTypeAny,
>(parts: {
  recorded: string;
  already: { name: TAlready; row: TAlreadyRow; description: string };
  rejected: TRejectedRow;
}) =>
  z
    .object({
      rows: z.number().int().describe('data rows read (blank rows are skipped)'),
      recorded: z.number().int().describe(parts.recorded),
    })
    .extend({
      [parts.already.name]: z
        .array(z.object({ row: z.number().int(), ...parts.already.row }))
        .describe(parts.already.description),
    } as { [K in TAlready]: z.ZodArray<z.ZodObject<{ row: z.ZodNumber } & TAlreadyRow>> })
    .extend({ rejected: z.array(parts.rejected).describe('rows refused, each with its reasons') });

import type { Bilingual } from '@taizhang/domain';
import { IllegalStateError } from '@taizhang/domain';

/** Codes of an import's refusals of a whole workbook, and of the rows past the cap. */
export enum SheetErrorCode {
  InvalidWorkbook = 'INVALID_WORKBOOK',
  HeadersMissing = 'SHEET_HEADERS_MISSING',
  WorkbookTooLarge = 'WORKBOOK_TOO_LARGE',
  TooManyRows = 'TOO_MANY_ROWS',
}

/** The sheet as a whole cannot be read: a 422 and nothing recorded from it. */
export class SheetError extends IllegalStateError {
  constructor(code: SheetErrorCode, text: Bilingual, details: Record<string, unknown> = {}) {
    super(text, code, details);
  }
}

/** An unreadable file; `why`, when known, says what is wrong with it in plain words. */
export const notAWorkbook = (why?: Bilingual): SheetError =>
  new SheetError(SheetErrorCode.InvalidWorkbook, {
    en: `The file is not an Excel workbook (.xlsx) that can be read${why ? `: ${why.en}` : ''}.`,
    zh: `文件不是可读取的Excel工作簿（.xlsx）${why ? `：${why.zh}` : ''}。`,
  });

import { IllegalStateError } from '@taizhang/event-store';

/** Codes of an import's own refusals (a row's cells, or the whole sheet). */
export enum EmployerImportErrorCode {
  MissingValue = 'MISSING_VALUE',
  CellNotText = 'CELL_NOT_TEXT',
  NotAWholeNumber = 'NOT_A_WHOLE_NUMBER',
  InvalidText = 'INVALID_TEXT',
  UnknownKind = 'UNKNOWN_EMPLOYER_KIND',
  DuplicateInSheet = 'DUPLICATE_IN_SHEET',
  StreetCodeUnknown = 'STREET_CODE_UNKNOWN',
  StreetCodeAmbiguous = 'STREET_CODE_AMBIGUOUS',
  TooManyRows = 'TOO_MANY_ROWS',
  InvalidWorkbook = 'INVALID_WORKBOOK',
  HeadersMissing = 'SHEET_HEADERS_MISSING',
}

/** The sheet as a whole cannot be read: a 422 and nothing recorded from it. */
export class SheetError extends IllegalStateError {
  constructor(
    code: EmployerImportErrorCode,
    en: string,
    zh: string,
    details: Record<string, unknown> = {},
  ) {
    super(`${en} / ${zh}`, code, details);
  }
}

/** Codes of an import's own refusals of a row's cells (the whole sheet: SheetErrorCode). */
export enum EmployerImportErrorCode {
  MissingValue = 'MISSING_VALUE',
  CellNotText = 'CELL_NOT_TEXT',
  NotAWholeNumber = 'NOT_A_WHOLE_NUMBER',
  InvalidText = 'INVALID_TEXT',
  UnknownKind = 'UNKNOWN_EMPLOYER_KIND',
  DuplicateInSheet = 'DUPLICATE_IN_SHEET',
  StreetCodeUnknown = 'STREET_CODE_UNKNOWN',
  StreetCodeAmbiguous = 'STREET_CODE_AMBIGUOUS',
}

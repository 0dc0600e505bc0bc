/** Codes of the refusals of a row's cells that any sheet can give (a sheet's own add to them). */
export enum RowReasonCode {
  MissingValue = 'MISSING_VALUE',
  /** A long number (an ID card number, a credit code) stored as a number: its last digits are lost. */
  CellNotText = 'CELL_NOT_TEXT',
  InvalidValue = 'INVALID_VALUE',
  InvalidText = 'INVALID_TEXT',
  InvalidDate = 'INVALID_DATE',
  NotAWholeNumber = 'NOT_A_WHOLE_NUMBER',
  DuplicateInSheet = 'DUPLICATE_IN_SHEET',
}

/** Codes of an employer sheet's own refusals of a row (any sheet's: RowReasonCode). */
export enum EmployerImportErrorCode {
  UnknownKind = 'UNKNOWN_EMPLOYER_KIND',
  StreetCodeUnknown = 'STREET_CODE_UNKNOWN',
  StreetCodeAmbiguous = 'STREET_CODE_AMBIGUOUS',
  InvalidCapital = 'INVALID_REGISTERED_CAPITAL',
}

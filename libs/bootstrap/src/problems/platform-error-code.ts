/** Stable `code`s of the problems the platform itself answers (besides the domain's own). */
export enum PlatformErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  MalformedJson = 'MALFORMED_JSON',
  JsonTooDeep = 'JSON_TOO_DEEP',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  InvalidIdempotencyKey = 'INVALID_IDEMPOTENCY_KEY',
  InvalidIfMatch = 'INVALID_IF_MATCH',
  Internal = 'INTERNAL_ERROR',
}

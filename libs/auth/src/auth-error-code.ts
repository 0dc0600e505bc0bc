/** Stable `code`s of the problems authentication and authorisation answer. */
export enum AuthErrorCode {
  /** 401: no `Authorization: Bearer …` header. */
  TokenMissing = 'TOKEN_MISSING',
  /** 401: a bad signature, issuer, audience or claim, or not a JWT at all. */
  TokenInvalid = 'TOKEN_INVALID',
  /** 401: past its expiry; refresh it. */
  TokenExpired = 'TOKEN_EXPIRED',
  /** 401: its sign-in session was ended (logout, account disabled or changed). */
  TokenRevoked = 'TOKEN_REVOKED',
  /** 403: the caller's role may not call this route. */
  RoleNotAllowed = 'ROLE_NOT_ALLOWED',
  /** 403: an auditor may only read. */
  ReadOnlyRole = 'READ_ONLY_ROLE',
  /** 403: the command needs the union above the target, and the caller is the target itself. */
  NotAboveTarget = 'NOT_ABOVE_TARGET',
  /** 503: the service has no public key to verify tokens with yet. */
  KeyUnavailable = 'AUTH_KEY_UNAVAILABLE',
}

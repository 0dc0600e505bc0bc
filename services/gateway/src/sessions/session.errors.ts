import { DomainError } from '@taizhang/event-store';

/** Stable codes of the sign-in problems. */
export enum SessionErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  AccountLocked = 'ACCOUNT_LOCKED',
  AccountDisabled = 'ACCOUNT_DISABLED',
  RefreshTokenInvalid = 'REFRESH_TOKEN_INVALID',
}

/** A sign-in or a refresh refused (401), told apart by its code. */
export class SessionRefusedError extends DomainError {
  readonly status = 401;
  constructor(
    readonly code: SessionErrorCode,
    text: string,
  ) {
    super(text);
  }
}

/** Unknown username or wrong password: the answer never says which. */
export const invalidCredentials = (): SessionRefusedError =>
  new SessionRefusedError(
    SessionErrorCode.InvalidCredentials,
    'The username or password is wrong. / 用户名或密码错误。',
  );

/**
 * The account was disabled by an admin: answered to a refresh only. A sign-in to a disabled
 * account is answered as a wrong password, so that no answer confirms a password.
 */
export const accountDisabled = (): SessionRefusedError =>
  new SessionRefusedError(
    SessionErrorCode.AccountDisabled,
    'This account is disabled; ask an admin. / 该账号已停用。',
  );

/** The refresh token is unknown, used before, or its session ended. */
export const refreshTokenInvalid = (): SessionRefusedError =>
  new SessionRefusedError(
    SessionErrorCode.RefreshTokenInvalid,
    'The refresh token is not valid (any more); sign in again. / 请重新登录。',
  );

/** Too many failed sign-ins of the name from this address: locked there for a while (429). */
export class AccountLockedError extends DomainError {
  readonly code = SessionErrorCode.AccountLocked;
  readonly status = 429;
  constructor(readonly retryAfterSeconds: number) {
    super(
      `Too many failed sign-ins from this address: try again in ${retryAfterSeconds} s. / 登录失败次数过多，请稍后再试。`,
      { retryAfterSeconds },
    );
  }
}

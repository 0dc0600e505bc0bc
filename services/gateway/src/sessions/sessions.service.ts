import { setTimeout as sleep } from 'node:timers/promises';

import { Inject, Injectable } from '@nestjs/common';

import type { Pool } from 'pg';

import type { AuthenticatedUser } from '@taizhang/auth';

import { SessionStore } from '../shared/session-store';
import { PG_POOL } from '../shared/tokens';
import { PasswordHasher } from '../users';
import { findCredentials, findUser } from '../users';
import type { TokensDto } from './dto/session.dto';
import { LoginAttempts } from './login-attempts';
import {
  accountDisabled,
  AccountLockedError,
  invalidCredentials,
  refreshTokenInvalid,
} from './session.errors';
import { TokenIssuer } from './token-issuer';

/** Sign-in, refresh and sign-out. */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly passwords: PasswordHasher,
    private readonly attempts: LoginAttempts,
    private readonly sessions: SessionStore,
    private readonly issuer: TokenIssuer,
  ) {}

  /**
   * Checks the password (argon2) from a client address and starts a session. Each failure of
   * the name is answered more slowly; after too many from one address the name is locked there,
   * and then even the right password waits (from that address only).
   */
  async login(username: string, password: string, address: string): Promise<TokensDto> {
    const name = username.trim().toLowerCase();
    const attempt = await this.attempts.take(name, address);
    if (!attempt.allowed) throw new AccountLockedError(attempt.lockedFor);
    const credentials = await findCredentials(this.pool, name);
    const matches = await this.passwords.verify(credentials?.passwordHash, password);
    // A disabled account is answered as a wrong password, so no answer confirms a password.
    if (!credentials || !matches || credentials.disabled) {
      const failures = await this.attempts.recordFailure(name);
      const lockedFor = this.attempts.lockedAfter(attempt);
      if (lockedFor > 0) throw new AccountLockedError(lockedFor);
      await sleep(this.attempts.delayAfter(failures));
      throw invalidCredentials();
    }
    await this.attempts.clear(name, address);
    const user = (await findUser(this.pool, credentials.id))!;

    return this.issuer.issue(user, await this.sessions.start(user.id));
  }

  /** New tokens for a current refresh token; the old one stops working. */
  async refresh(refreshToken: string): Promise<TokensDto> {
    const session = await this.sessions.rotate(refreshToken);
    if (!session) throw refreshTokenInvalid();
    const user = await findUser(this.pool, session.userId);
    if (!user || user.disabled) {
      await this.sessions.end(session.sessionId);
      throw user ? accountDisabled() : refreshTokenInvalid();
    }

    return this.issuer.issue(user, session);
  }

  /**
   * Ends the session of the refresh token, or of the access token, whichever is given; its
   * access tokens are refused from then on. False when neither names a live session.
   */
  async logout(
    refreshToken: string | undefined,
    user: AuthenticatedUser | undefined,
  ): Promise<boolean> {
    const sessionId =
      (refreshToken ? await this.sessions.sessionOf(refreshToken) : null) ?? user?.sessionId;
    if (!sessionId) return false;
    await this.sessions.end(sessionId);

    return true;
  }
}

import { Inject, Injectable } from '@nestjs/common';

import type { Pool } from 'pg';

import { signAccessToken } from '@taizhang/auth';

import { GatewayConfig } from '../config/gateway.config';
import type { SigningKeys } from '../keys';
import { findOrgUnit } from '../org-tree';
import type { Session } from '../shared/session-store';
import type { Clock } from '../shared/tokens';
import { CLOCK, PG_POOL, SIGNING_KEYS } from '../shared/tokens';
import type { UserRow } from '../users';
import { orgUnitNotFound } from '../users';
import type { TokensDto } from './dto/session.dto';

/** Signs the access token of a session, with the user's role and org path as they are now. */
@Injectable()
export class TokenIssuer {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SIGNING_KEYS) private readonly keys: SigningKeys,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly config: GatewayConfig,
  ) {}

  async issue(user: UserRow, session: Session): Promise<TokensDto> {
    const now = this.clock();
    // The path comes from the replica now, so a unit that moved is reflected at the next refresh.
    const orgPath = user.orgUnitId ? (await findOrgUnit(this.pool, user.orgUnitId))?.orgPath : null;
    if (orgPath === undefined) throw orgUnitNotFound(user.orgUnitId!);
    const subject = {
      userId: user.id,
      username: user.username,
      role: user.role,
      orgUnitId: user.orgUnitId,
      orgPath,
      sessionId: session.sessionId,
    };
    const ttlSeconds = this.config.tokens.accessTtlSeconds;

    return {
      tokenType: 'Bearer',
      accessToken: await signAccessToken(subject, this.keys.privateKey, { now, ttlSeconds }),
      expiresIn: ttlSeconds,
      refreshToken: session.refreshToken,
      refreshExpiresIn: Math.max(
        0,
        Math.floor((session.expiresAt.getTime() - now.getTime()) / 1000),
      ),
      user: {
        id: user.id,
        username: user.username,
        role: user.role,
        orgUnitId: user.orgUnitId,
        orgPath,
      },
    };
  }
}

import type { KeyObject } from 'node:crypto';

import { errors, jwtVerify } from 'jose';

import type { AuthenticatedUser } from '../authenticated-user';
import {
  ACCESS_TOKEN_TYPE,
  AccessTokenClaimsSchema,
  algorithmOf,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
} from './access-token.claims';
import { TokenError } from './token.error';

export interface VerifyAccessTokenOptions {
  /** The time to check expiry against (time is injected). */
  now: Date;
  /** Clock skew tolerated between the gateway and a service. */
  clockToleranceSeconds?: number;
}

/**
 * Verifies an access token with the gateway's public key and returns its caller; throws a
 * {@link TokenError} (`expired` or `invalid`) otherwise. Never says more about a bad token.
 */
export const verifyAccessToken = async (
  token: string,
  publicKey: KeyObject,
  { now, clockToleranceSeconds = 5 }: VerifyAccessTokenOptions,
): Promise<AuthenticatedUser> => {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, publicKey, {
      algorithms: [algorithmOf(publicKey)],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      typ: ACCESS_TOKEN_TYPE,
      currentDate: now,
      clockTolerance: clockToleranceSeconds,
      requiredClaims: ['exp', 'sub', 'jti'],
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired)
      throw new TokenError('expired', 'The access token has expired.');
    throw new TokenError('invalid', 'The access token is not valid.');
  }
  const claims = AccessTokenClaimsSchema.safeParse(payload);
  if (!claims.success) throw new TokenError('invalid', 'The access token is not valid.');
  const { sub, username, role, orgUnitId, orgPath, sid, jti, exp } = claims.data;

  return {
    id: sub,
    username,
    role,
    orgUnitId,
    orgPath,
    sessionId: sid,
    tokenId: jti,
    expiresAt: new Date(exp * 1000),
  };
};

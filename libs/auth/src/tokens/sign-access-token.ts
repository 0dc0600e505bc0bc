import type { KeyObject } from 'node:crypto';
import { randomUUID } from 'node:crypto';

import { SignJWT } from 'jose';

import type { Role } from '../roles';
import {
  ACCESS_TOKEN_TYPE,
  algorithmOf,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
} from './access-token.claims';

/** Who an access token speaks for. */
export interface AccessTokenSubject {
  userId: string;
  username: string;
  role: Role;
  orgUnitId: string | null;
  orgPath: string | null;
  sessionId: string;
}

export interface SignAccessTokenOptions {
  /** The issue time (time is injected). */
  now: Date;
  ttlSeconds: number;
  tokenId?: string;
}

/** Signs an access token with the gateway's private key; only the gateway calls this. */
export const signAccessToken = (
  subject: AccessTokenSubject,
  privateKey: KeyObject,
  { now, ttlSeconds, tokenId = randomUUID() }: SignAccessTokenOptions,
): Promise<string> => {
  const issuedAt = Math.floor(now.getTime() / 1000);

  return new SignJWT({
    username: subject.username,
    role: subject.role,
    orgUnitId: subject.orgUnitId,
    orgPath: subject.orgPath,
    sid: subject.sessionId,
  })
    .setProtectedHeader({ alg: algorithmOf(privateKey), typ: ACCESS_TOKEN_TYPE })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(subject.userId)
    .setJti(tokenId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(privateKey);
};

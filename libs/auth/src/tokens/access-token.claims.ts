import type { KeyObject } from 'node:crypto';

import { z } from 'zod';

import { RoleSchema } from '../roles';

/** Who issues access tokens (the gateway) and for whom (every Taizhang service). */
export const TOKEN_ISSUER = 'taizhang-gateway';
export const TOKEN_AUDIENCE = 'taizhang';
/** The JWT `typ` of an access token (RFC 9068), so no other JWT can pass for one. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

/** Signature algorithms accepted: Ed25519 keys sign with EdDSA, RSA keys with RS256. */
export type TokenAlgorithm = 'EdDSA' | 'RS256';

/** The algorithm a key signs and verifies with; any other key type is refused. */
export const algorithmOf = (key: KeyObject): TokenAlgorithm => {
  switch (key.asymmetricKeyType) {
    case 'ed25519':
      return 'EdDSA';
    case 'rsa':
      return 'RS256';
    default:
      throw new Error(
        `An access-token key must be Ed25519 or RSA, not ${key.asymmetricKeyType ?? key.type}.`,
      );
  }
};

const id = z.string().min(1).max(200);

/** The claims of an access token besides the registered ones jose checks (iss, aud, exp). */
export const AccessTokenClaimsSchema = z
  .object({
    sub: id,
    username: z.string().min(1).max(200),
    role: RoleSchema,
    orgUnitId: id.nullable(),
    orgPath: z.string().min(1).max(2000).nullable(),
    sid: id,
    jti: id,
    exp: z.number().int(),
  })
  .refine((claims) => claims.role === 'admin' || (claims.orgUnitId && claims.orgPath), {
    message: 'only an admin may have no org unit',
  });
export type AccessTokenClaims = z.infer<typeof AccessTokenClaimsSchema>;

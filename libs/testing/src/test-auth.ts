import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';

import type { Role } from '@taizhang/auth';
import { signAccessToken } from '@taizhang/auth';

/** Who a test token speaks for: a role and, except for an admin, the path of its unit. */
export interface TestCaller {
  role: Role;
  /** The unit's path (`<city>/<district>/…`); its last segment is taken as the unit's id. */
  orgPath?: string | null;
  /** By default one id per role and unit. */
  userId?: string;
  username?: string;
}

/** A key pair of the test run, standing in for the gateway's: tests sign, services verify. */
export interface TestAuth {
  /** The public key (PEM), as the services get it in AUTH_PUBLIC_KEY. */
  publicKeyPem: string;
  /** The private key (PEM), for a gateway started in the test (AUTH_PRIVATE_KEY). */
  privateKeyPem: string;
  /** An access token for the caller, valid for `ttlSeconds` (600) from `now`. */
  token(caller: TestCaller, options?: { now?: Date; ttlSeconds?: number }): Promise<string>;
  /** `{ authorization: 'Bearer …' }` for the caller. */
  headers(caller: TestCaller): Promise<Record<string, string>>;
}

const unitIdOf = (orgPath: string): string => orgPath.slice(orgPath.lastIndexOf('/') + 1);

// One user per role and unit, the same in every token: Idempotency-Keys are kept per user.
const stableUserId = (role: Role, orgPath: string | null): string => {
  const hex = createHash('sha256')
    .update(`${role}:${orgPath ?? ''}`)
    .digest('hex');

  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

/** A fresh Ed25519 key pair and a token minter for it. */
export const createTestAuth = (): TestAuth => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const token = (
    { role, orgPath = null, userId, username }: TestCaller,
    { now = new Date(), ttlSeconds = 600 }: { now?: Date; ttlSeconds?: number } = {},
  ): Promise<string> =>
    signAccessToken(
      {
        userId: userId ?? stableUserId(role, orgPath),
        username: username ?? `test.${role}`,
        role,
        orgUnitId: orgPath ? unitIdOf(orgPath) : null,
        orgPath,
        sessionId: randomUUID(),
      },
      privateKey,
      { now, ttlSeconds },
    );

  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    token,
    headers: async (caller) => ({ authorization: `Bearer ${await token(caller)}` }),
  };
};

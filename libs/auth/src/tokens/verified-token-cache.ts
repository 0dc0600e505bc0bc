import type { KeyObject } from 'node:crypto';

import { LRUCache } from 'lru-cache';

import type { AuthenticatedUser } from '../authenticated-user';
import { TokenError } from './token.error';
import type { VerifyAccessTokenOptions } from './verify-access-token';
import { verifyAccessToken } from './verify-access-token';

/**
 * Verifies access tokens, remembering the ones found good: a client sends the same token with
 * every request until it expires, and checking its signature each time was a tenth of a busy
 * service's work. A remembered token is still refused once it has expired; a new public key
 * (a rotation) forgets everything verified with the old one. Revocation is not this cache's
 * business: it is asked for on every request, as before.
 */
export class VerifiedTokenCache {
  private readonly verified: LRUCache<string, AuthenticatedUser>;
  private key: KeyObject | undefined;

  constructor(maxTokens = 10_000) {
    this.verified = new LRUCache({ max: maxTokens });
  }

  /** How many verified tokens are remembered now. */
  get size(): number {
    return this.verified.size;
  }

  async verify(
    token: string,
    publicKey: KeyObject,
    options: VerifyAccessTokenOptions,
  ): Promise<AuthenticatedUser> {
    if (publicKey !== this.key) {
      this.verified.clear();
      this.key = publicKey;
    }
    const known = this.verified.get(token);
    if (known) {
      // The same rule as jose's, in whole seconds: expired once now ≥ exp + tolerance.
      const nowSeconds = Math.floor(options.now.getTime() / 1000);
      const expSeconds = known.expiresAt.getTime() / 1000;
      if (nowSeconds >= expSeconds + (options.clockToleranceSeconds ?? 5)) {
        this.verified.delete(token);
        throw new TokenError('expired', 'The access token has expired.');
      }

      return known;
    }
    const user = await verifyAccessToken(token, publicKey, options);
    this.verified.set(token, user);

    return user;
  }
}

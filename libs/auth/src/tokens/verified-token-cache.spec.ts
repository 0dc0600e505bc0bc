import { generateKeyPairSync } from 'node:crypto';

import fc from 'fast-check';

import type { AccessTokenSubject } from './sign-access-token';
import { signAccessToken } from './sign-access-token';
import { TokenError } from './token.error';
import { VerifiedTokenCache } from './verified-token-cache';
import { verifyAccessToken } from './verify-access-token';

const key = generateKeyPairSync('ed25519');
const rotated = generateKeyPairSync('ed25519');
const officer: AccessTokenSubject = {
  userId: 'u-2',
  username: 'li.qiang',
  role: 'federation_officer',
  orgUnitId: 'district-1',
  orgPath: 'city/district-1',
  sessionId: 's-2',
};
const issuedAt = new Date('2026-03-01T08:00:00Z');
const at = (ms: number) => new Date(issuedAt.getTime() + ms);
const TTL = 900;

const outcome = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'accepted',
    (error: unknown) => {
      if (error instanceof TokenError) return error.problem;
      throw error;
    },
  );

describe('VerifiedTokenCache', () => {
  let token: string;

  beforeAll(async () => {
    token = await signAccessToken(officer, key.privateKey, { now: issuedAt, ttlSeconds: TTL });
  });

  it('answers a remembered token exactly as a fresh verification would, at any moment', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: (TTL + 10) * 1000 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 10 }),
        async (moments, clockToleranceSeconds) => {
          const cache = new VerifiedTokenCache();
          for (const ms of moments) {
            const options = { now: at(ms), clockToleranceSeconds };
            expect(await outcome(cache.verify(token, key.publicKey, options))).toBe(
              await outcome(verifyAccessToken(token, key.publicKey, options)),
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses a remembered token once it has expired', async () => {
    const cache = new VerifiedTokenCache();
    const options = { now: at(1_000), clockToleranceSeconds: 5 };

    expect((await cache.verify(token, key.publicKey, options)).username).toBe('li.qiang');
    expect(await outcome(cache.verify(token, key.publicKey, { now: at((TTL + 5) * 1000) }))).toBe(
      'expired',
    );
  });

  it('forgets what it verified when the public key changes', async () => {
    const cache = new VerifiedTokenCache();
    const options = { now: at(1_000) };

    expect(await outcome(cache.verify(token, key.publicKey, options))).toBe('accepted');
    expect(await outcome(cache.verify(token, rotated.publicKey, options))).toBe('invalid');
  });

  it('remembers no bad token: a tampered one is refused each time', async () => {
    const cache = new VerifiedTokenCache();
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(86)}`;

    for (let i = 0; i < 2; i += 1)
      expect(await outcome(cache.verify(forged, key.publicKey, { now: at(1_000) }))).toBe(
        'invalid',
      );
  });

  it('keeps at most as many tokens as it was given room for', async () => {
    const cache = new VerifiedTokenCache(2);
    const tokens = await Promise.all(
      ['t-1', 't-2', 't-3'].map((tokenId) =>
        signAccessToken(officer, key.privateKey, { now: issuedAt, ttlSeconds: TTL, tokenId }),
      ),
    );
    for (const each of tokens) await cache.verify(each, key.publicKey, { now: at(1_000) });

    expect(cache.size).toBe(2);
  });
});

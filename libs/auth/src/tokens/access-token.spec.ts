import { generateKeyPairSync } from 'node:crypto';

import { SignJWT } from 'jose';

import type { AccessTokenSubject } from './sign-access-token';
import { signAccessToken } from './sign-access-token';
import { TokenError } from './token.error';
import { verifyAccessToken } from './verify-access-token';

const ed25519 = generateKeyPairSync('ed25519');
const otherEd25519 = generateKeyPairSync('ed25519');
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });

const cadre: AccessTokenSubject = {
  userId: 'u-1',
  username: 'wang.xiuying',
  role: 'union_cadre',
  orgUnitId: 'union-1',
  orgPath: 'city/district/street/union-1',
  sessionId: 's-1',
};
const issuedAt = new Date('2026-03-01T08:00:00Z');
const later = (seconds: number) => new Date(issuedAt.getTime() + seconds * 1000);

const problemOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TokenError) return error.problem;
    throw error;
  }
  throw new Error('expected the token to be refused');
};

const tamper = (token: string, claims: Record<string, unknown>): string => {
  const [header, payload, signature] = token.split('.');
  const decoded = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as object;
  const forged = Buffer.from(JSON.stringify({ ...decoded, ...claims })).toString('base64url');

  return `${header}.${forged}.${signature}`;
};

describe('access tokens', () => {
  describe('when signed by the gateway', () => {
    it('carry the user, role, org unit, path and session', async () => {
      const token = await signAccessToken(cadre, ed25519.privateKey, {
        now: issuedAt,
        ttlSeconds: 900,
        tokenId: 't-1',
      });

      expect(await verifyAccessToken(token, ed25519.publicKey, { now: later(60) })).toEqual({
        id: 'u-1',
        username: 'wang.xiuying',
        role: 'union_cadre',
        orgUnitId: 'union-1',
        orgPath: 'city/district/street/union-1',
        sessionId: 's-1',
        tokenId: 't-1',
        expiresAt: later(900),
      });
    });

    it('work with RSA keys (RS256) as well as Ed25519', async () => {
      const token = await signAccessToken(cadre, rsa.privateKey, { now: issuedAt, ttlSeconds: 60 });

      expect(await verifyAccessToken(token, rsa.publicKey, { now: issuedAt })).toMatchObject({
        id: 'u-1',
      });
    });

    it('let an admin have no org unit', async () => {
      const token = await signAccessToken(
        { ...cadre, role: 'admin', orgUnitId: null, orgPath: null },
        ed25519.privateKey,
        { now: issuedAt, ttlSeconds: 60 },
      );

      expect(await verifyAccessToken(token, ed25519.publicKey, { now: issuedAt })).toMatchObject({
        role: 'admin',
        orgPath: null,
      });
    });
  });

  describe('when refused', () => {
    it('are expired after their lifetime, with a few seconds of clock skew allowed', async () => {
      const token = await signAccessToken(cadre, ed25519.privateKey, {
        now: issuedAt,
        ttlSeconds: 900,
      });

      await expect(
        verifyAccessToken(token, ed25519.publicKey, { now: later(903) }),
      ).resolves.toBeDefined();
      expect(
        await problemOf(verifyAccessToken(token, ed25519.publicKey, { now: later(906) })),
      ).toBe('expired');
    });

    it('are invalid when a claim was changed after signing', async () => {
      const token = await signAccessToken(cadre, ed25519.privateKey, {
        now: issuedAt,
        ttlSeconds: 60,
      });

      for (const claims of [{ role: 'admin' }, { orgPath: 'city' }, { exp: 9_999_999_999 }])
        expect(
          await problemOf(
            verifyAccessToken(tamper(token, claims), ed25519.publicKey, { now: issuedAt }),
          ),
        ).toBe('invalid');
    });

    it('are invalid when signed with another key', async () => {
      const token = await signAccessToken(cadre, otherEd25519.privateKey, {
        now: issuedAt,
        ttlSeconds: 60,
      });

      expect(await problemOf(verifyAccessToken(token, ed25519.publicKey, { now: issuedAt }))).toBe(
        'invalid',
      );
    });

    it('are invalid unsigned (alg none), or with an algorithm the key does not use', async () => {
      const [, payload] = (
        await signAccessToken(cadre, ed25519.privateKey, { now: issuedAt, ttlSeconds: 60 })
      ).split('.');
      const none = `${Buffer.from('{"alg":"none","typ":"at+jwt"}').toString('base64url')}.${payload}.`;
      const hmac = await new SignJWT({ role: 'admin' })
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
        .sign(new TextEncoder().encode('a guessed secret of at least 32 bytes!'));

      expect(await problemOf(verifyAccessToken(none, ed25519.publicKey, { now: issuedAt }))).toBe(
        'invalid',
      );
      expect(await problemOf(verifyAccessToken(hmac, ed25519.publicKey, { now: issuedAt }))).toBe(
        'invalid',
      );
    });

    it('are invalid when not an access token of ours (issuer, audience, type, claims)', async () => {
      const sign = (build: (jwt: SignJWT) => SignJWT, claims: Record<string, unknown> = {}) =>
        build(
          new SignJWT({
            username: 'x',
            role: 'union_cadre',
            orgUnitId: 'u',
            orgPath: 'a/u',
            sid: 's',
            ...claims,
          })
            .setSubject('u-1')
            .setJti('t')
            .setIssuedAt(issuedAt.getTime() / 1000)
            .setExpirationTime(issuedAt.getTime() / 1000 + 60),
        ).sign(ed25519.privateKey);
      const ours = (jwt: SignJWT) =>
        jwt
          .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt' })
          .setIssuer('taizhang-gateway')
          .setAudience('taizhang');

      const tokens = [
        await sign((jwt) => ours(jwt).setIssuer('someone-else')),
        await sign((jwt) => ours(jwt).setAudience('another-app')),
        await sign((jwt) => ours(jwt).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })),
        await sign(ours, { role: 'superuser' }),
        await sign(ours, { orgPath: null }),
        'not.a.jwt',
        '',
      ];
      await expect(
        verifyAccessToken(await sign(ours), ed25519.publicKey, { now: issuedAt }),
      ).resolves.toBeDefined();
      for (const token of tokens)
        expect(
          await problemOf(verifyAccessToken(token, ed25519.publicKey, { now: issuedAt })),
        ).toBe('invalid');
    });
  });
});

import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

import { signAccessToken } from '@taizhang/auth';

import type { SigningKeys } from '../../../src/keys/signing-keys';
import { LoginAttempts } from '../../../src/sessions/login-attempts';
import { SIGNING_KEYS } from '../../../src/shared/tokens';
import { PasswordHasher } from '../../../src/users/password-hasher';
import type { GatewayUnderTest, Tokens } from '../gateway-test-kit';
import {
  ADMIN_PASSWORD,
  bearer,
  createUser,
  login,
  PASSWORD,
  seedOrgTree,
  startGateway,
} from '../gateway-test-kit';

const PROBLEM_JSON = /^application\/problem\+json/;

/** A sign-in sent from another loopback address (the whole 127/8 is this machine). */
const loginFrom = (
  gateway: GatewayUnderTest,
  localAddress: string,
  body: { username: string; password: string },
): Promise<{ status: number; body: Record<string, unknown> }> =>
  new Promise((resolve, reject) => {
    const { port } = gateway.app.getHttpServer().address() as AddressInfo;
    const sent = httpRequest(
      {
        host: '127.0.0.1',
        port,
        localAddress,
        method: 'POST',
        path: '/auth/login',
        headers: { 'content-type': 'application/json' },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>,
          }),
        );
      },
    );
    sent.on('error', reject);
    sent.end(JSON.stringify(body));
  });

describe('signing in at the gateway', () => {
  let gateway: GatewayUnderTest;
  let admin: Tokens;
  const post = (path: string) => gateway.http().post(path);
  const me = (token: string) => gateway.http().get('/auth/me').set('authorization', bearer(token));

  beforeAll(async () => {
    gateway = await startGateway({
      LOGIN_MAX_FAILURES: '3',
      LOGIN_LOCK_SECONDS: '2',
      LOGIN_FAILURE_DELAY_MS: '100',
      // The suite signs in far more often than a person would, all from one address.
      LOGIN_RATE_LIMIT_PER_ADDRESS: '1000',
    });
    // Listening, so that requests may also come from other loopback addresses.
    await new Promise<void>((resolve) =>
      gateway.app.getHttpServer().listen(0, '127.0.0.1', resolve),
    );
    await seedOrgTree(gateway.db);
    admin = await login(gateway, 'admin', ADMIN_PASSWORD);
    for (const username of [
      'wang.fang',
      'li.lei',
      'zhao.min',
      'chen.jing',
      'sun.li',
      'zhou.ting',
      'wu.gang',
    ])
      await createUser(gateway, admin, { username, role: 'union_cadre', orgUnitId: 'u1' });
  });
  afterAll(() => gateway?.close());

  describe('the first admin', () => {
    it('is admin, with the password from TAIZHANG_ADMIN_PASSWORD, over the whole region', async () => {
      expect(admin.user).toMatchObject({ role: 'admin', orgUnitId: null, orgPath: null });
      expect((await me(admin.accessToken)).body).toMatchObject({
        username: 'admin',
        role: 'admin',
      });
    });
  });

  describe('with the right password', () => {
    it('answers a short-lived access token with the user, role, unit and path, and a refresh token', async () => {
      const response = await post('/auth/login').send({
        username: 'wang.fang',
        password: PASSWORD,
      });

      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toMatchObject({
        tokenType: 'Bearer',
        expiresIn: 900,
        refreshExpiresIn: expect.any(Number) as unknown,
        user: {
          username: 'wang.fang',
          role: 'union_cadre',
          orgUnitId: 'u1',
          orgPath: 'c/d1/s1/u1',
        },
      });
      const { accessToken } = response.body as Tokens;
      const claims = JSON.parse(
        Buffer.from(accessToken.split('.')[1]!, 'base64url').toString(),
      ) as {
        iat: number;
        exp: number;
      };
      expect(claims).toMatchObject({ role: 'union_cadre', orgPath: 'c/d1/s1/u1', orgUnitId: 'u1' });
      expect(claims.exp - claims.iat).toBe(900);
      expect((await me(accessToken)).body).toMatchObject({
        username: 'wang.fang',
        orgPath: 'c/d1/s1/u1',
      });
    });

    it('ignores the case and surrounding spaces of the username', async () => {
      await expect(login(gateway, '  Wang.Fang ', PASSWORD)).resolves.toMatchObject({
        user: { role: 'union_cadre' },
      });
    });
  });

  describe('with a wrong password', () => {
    it('answers 401 INVALID_CREDENTIALS, the same for an unknown username', async () => {
      const wrong = await post('/auth/login').send({
        username: 'li.lei',
        password: 'not-the-password',
      });
      const unknown = await post('/auth/login').send({
        username: 'nobody',
        password: 'not-the-password',
      });

      expect(wrong.status).toBe(401);
      expect(wrong.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(wrong.body).toMatchObject({ code: 'INVALID_CREDENTIALS' });
      expect(unknown.status).toBe(401);
      expect((unknown.body as { detail: string }).detail).toBe(
        (wrong.body as { detail: string }).detail,
      );
      await login(gateway, 'li.lei', PASSWORD);
    });

    it('holds the answer to each failure of a name longer, from whatever address, without locking it', async () => {
      const attempts = gateway.app.get(LoginAttempts);
      const delays: number[] = [];
      for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4']) {
        const attempt = await attempts.take('zhao.min', address);
        expect(attempt).toEqual({ allowed: true, failures: 1 });
        delays.push(attempts.delayAfter(await attempts.recordFailure('zhao.min')));
      }

      expect(delays).toEqual([100, 200, 400, 800]);
      await expect(login(gateway, 'zhao.min', PASSWORD)).resolves.toBeDefined();
    });

    it('locks the name after too many failures, even against the right password, for a while', async () => {
      for (let i = 0; i < 2; i += 1)
        expect(
          (await post('/auth/login').send({ username: 'chen.jing', password: 'guess' })).status,
        ).toBe(401);
      const locking = await post('/auth/login').send({ username: 'chen.jing', password: 'guess' });
      const stillLocked = await post('/auth/login').send({
        username: 'chen.jing',
        password: PASSWORD,
      });

      expect(locking.status).toBe(429);
      expect(locking.body).toMatchObject({ code: 'ACCOUNT_LOCKED', retryAfterSeconds: 2 });
      expect(stillLocked.status).toBe(429);
      expect(stillLocked.headers['retry-after']).toMatch(/^[12]$/);
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      await expect(login(gateway, 'chen.jing', PASSWORD)).resolves.toBeDefined();
    });

    it('locks the name only from the address the failures came from', async () => {
      for (let i = 0; i < 3; i += 1)
        await loginFrom(gateway, '127.0.0.2', { username: 'zhou.ting', password: 'guess' });
      const elsewhere = await loginFrom(gateway, '127.0.0.2', {
        username: 'zhou.ting',
        password: PASSWORD,
      });

      expect([elsewhere.status, elsewhere.body['code']]).toEqual([429, 'ACCOUNT_LOCKED']);
      // The real user, from their own address, is not locked out.
      await expect(login(gateway, 'zhou.ting', PASSWORD)).resolves.toBeDefined();
    });

    it('checks at most the limit of passwords when many wrong guesses arrive at once', async () => {
      const verify = jest.spyOn(gateway.app.get(PasswordHasher), 'verify');
      try {
        const answers = await Promise.all(
          Array.from({ length: 30 }, (_, i) =>
            post('/auth/login').send({ username: 'wu.gang', password: `guess-${i}` }),
          ),
        );
        const checked = verify.mock.calls.length;

        expect(checked).toBeLessThanOrEqual(3);
        expect(answers.filter((answer) => answer.status === 429).length).toBeGreaterThanOrEqual(27);
        expect(answers.every((answer) => [401, 429].includes(answer.status))).toBe(true);
      } finally {
        verify.mockRestore();
      }
    });

    it('answers a disabled account exactly as a wrong password, and counts it as a failure', async () => {
      const id = await createUser(gateway, admin, {
        username: 'gone.cadre',
        role: 'union_cadre',
        orgUnitId: 'u1',
      });
      const disabled = await gateway
        .http()
        .patch(`/users/${id}`)
        .set('authorization', bearer(admin))
        .send({ disabled: true });
      expect(disabled.status).toBe(200);
      const answer = (password: string) =>
        post('/auth/login').send({ username: 'gone.cadre', password });
      const withoutRequestId = ({ requestId: _, ...body }: Record<string, unknown>) => body;

      const right = await answer(PASSWORD);
      const wrong = await answer('not-the-password');
      expect([right.status, right.headers['content-type']]).toEqual([
        wrong.status,
        wrong.headers['content-type'],
      ]);
      expect(withoutRequestId(right.body as Record<string, unknown>)).toEqual(
        withoutRequestId(wrong.body as Record<string, unknown>),
      );
      expect(right.body).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
      // The third failure in a row locks, the right password counting as one.
      expect((await answer(PASSWORD)).body).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    });
  });

  describe('tokens', () => {
    it('are refused when expired (401 TOKEN_EXPIRED) or tampered with (401 TOKEN_INVALID)', async () => {
      const tokens = await login(gateway, 'sun.li', PASSWORD);
      const keys = gateway.app.get<SigningKeys>(SIGNING_KEYS);
      const sessionId = (
        JSON.parse(Buffer.from(tokens.accessToken.split('.')[1]!, 'base64url').toString()) as {
          sid: string;
        }
      ).sid;
      const expired = await signAccessToken(
        {
          userId: tokens.user.id,
          username: 'sun.li',
          role: 'union_cadre',
          orgUnitId: 'u1',
          orgPath: 'c/d1/s1/u1',
          sessionId,
        },
        keys.privateKey,
        { now: new Date(Date.now() - 3_600_000), ttlSeconds: 900 },
      );
      const [header, payload, signature] = tokens.accessToken.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as object;
      const widened = Buffer.from(JSON.stringify({ ...claims, orgPath: 'c' })).toString(
        'base64url',
      );

      expect((await me(expired)).body).toMatchObject({ status: 401, code: 'TOKEN_EXPIRED' });
      expect((await me(`${header}.${widened}.${signature}`)).body).toMatchObject({
        code: 'TOKEN_INVALID',
      });
      expect((await gateway.http().get('/auth/me')).body).toMatchObject({ code: 'TOKEN_MISSING' });
    });

    it('are refreshed with the refresh token, which then works once only', async () => {
      const first = await login(gateway, 'sun.li', PASSWORD);
      const refreshed = await post('/auth/refresh').send({ refreshToken: first.refreshToken });

      expect(refreshed.status).toBe(200);
      const second = refreshed.body as Tokens;
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect((await me(second.accessToken)).status).toBe(200);
      // The old refresh token again: a copy is in use, so the whole sign-in ends.
      const reused = await post('/auth/refresh').send({ refreshToken: first.refreshToken });
      expect(reused.status).toBe(401);
      expect(reused.body).toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
      expect((await me(second.accessToken)).body).toMatchObject({ code: 'TOKEN_REVOKED' });
      expect((await post('/auth/refresh').send({ refreshToken: second.refreshToken })).status).toBe(
        401,
      );
    });

    it('refuses a malformed refresh token as 401, and a missing one as 400', async () => {
      expect((await post('/auth/refresh').send({ refreshToken: 'made-up' })).body).toMatchObject({
        code: 'REFRESH_TOKEN_INVALID',
      });
      expect((await post('/auth/refresh').send({})).body).toMatchObject({
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    });
  });

  describe('logout', () => {
    it('revokes the access token and the refresh token of that sign-in only', async () => {
      const phone = await login(gateway, 'li.lei', PASSWORD);
      const laptop = await login(gateway, 'li.lei', PASSWORD);

      const out = await post('/auth/logout').set('authorization', bearer(phone));
      expect(out.status).toBe(204);
      expect((await me(phone.accessToken)).body).toMatchObject({
        status: 401,
        code: 'TOKEN_REVOKED',
      });
      expect((await post('/auth/refresh').send({ refreshToken: phone.refreshToken })).status).toBe(
        401,
      );
      expect((await me(laptop.accessToken)).status).toBe(200);
    });

    it('works with the refresh token alone, e.g. once the access token has expired', async () => {
      const tokens = await login(gateway, 'li.lei', PASSWORD);

      expect((await post('/auth/logout').send({ refreshToken: tokens.refreshToken })).status).toBe(
        204,
      );
      expect((await me(tokens.accessToken)).body).toMatchObject({ code: 'TOKEN_REVOKED' });
    });

    it('answers 401 when nothing names a sign-in', async () => {
      expect((await post('/auth/logout')).status).toBe(401);
    });
  });

  describe('login input', () => {
    it('is validated: 400 with the fields named, never a 5xx', async () => {
      for (const body of [
        {},
        { username: 'x' },
        { username: 1, password: 2 },
        { username: 'x', password: 'y', extra: 1 },
      ]) {
        const response = await post('/auth/login').send(body);

        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      }
    });
  });
});

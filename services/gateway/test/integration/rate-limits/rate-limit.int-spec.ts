import { startedForSuite } from '@taizhang/testing';

import type { GatewayUnderTest, Tokens } from '../gateway-test-kit';
import {
  ADMIN_PASSWORD,
  bearer,
  createUser,
  login,
  PASSWORD,
  seedOrgTree,
  signIn,
  startGateway,
} from '../gateway-test-kit';

describe('rate limits', () => {
  describe('per address', () => {
    const gateway = startedForSuite(() =>
      startGateway({ RATE_LIMIT_PER_ADDRESS: '5', RATE_LIMIT_WINDOW_SECONDS: '2' }),
    );

    it('answers 429 RATE_LIMITED with Retry-After once an address is over, until the window ends', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await gateway.http().get('/auth/me')).status);
      const over = await gateway.http().get('/auth/me');

      expect(statuses).toEqual([401, 401, 401, 401, 401]);
      expect(over.status).toBe(429);
      expect(over.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(over.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
      expect(Number(over.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // Sign-in is limited like the rest.
      expect((await signIn(gateway, 'admin', ADMIN_PASSWORD)).status).toBe(429);
      // Probes are not counted.
      expect((await gateway.http().get('/health/live')).status).toBe(200);

      await new Promise((resolve) => setTimeout(resolve, 2_100));
      expect((await gateway.http().get('/auth/me')).status).toBe(401);
    });
  });

  describe('behind a TLS terminator', () => {
    let behind: GatewayUnderTest;
    let exposed: GatewayUnderTest;
    const me = (gateway: GatewayUnderTest, client: string) =>
      gateway.http().get('/auth/me').set('x-forwarded-for', client);

    beforeAll(async () => {
      // The test's requests come from 127.0.0.1: there the proxy stands.
      behind = await startGateway({ RATE_LIMIT_PER_ADDRESS: '2', TRUST_PROXY: 'loopback' });
      exposed = await startGateway({ RATE_LIMIT_PER_ADDRESS: '2' });
    });
    afterAll(async () => {
      await behind?.close();
      await exposed?.close();
    });

    it("with TRUST_PROXY, limits the client's address that X-Forwarded-For names", async () => {
      expect((await me(behind, '203.0.113.7')).status).toBe(401);
      expect((await me(behind, '203.0.113.7')).status).toBe(401);
      expect((await me(behind, '203.0.113.7')).status).toBe(429);
      expect((await me(behind, '203.0.113.8')).status).toBe(401);
    });

    it('without it, ignores X-Forwarded-For, which any client can write', async () => {
      expect((await me(exposed, '203.0.113.7')).status).toBe(401);
      expect((await me(exposed, '203.0.113.8')).status).toBe(401);
      expect((await me(exposed, '203.0.113.9')).status).toBe(429);
    });
  });

  describe('per user', () => {
    let gateway: GatewayUnderTest;
    let first: Tokens;
    let second: Tokens;

    beforeAll(async () => {
      gateway = await startGateway({ RATE_LIMIT_PER_USER: '3' });
      await seedOrgTree(gateway.db);
      const admin = await login(gateway, 'admin', ADMIN_PASSWORD);
      await createUser(gateway, admin, {
        username: 'busy.one',
        role: 'union_cadre',
        orgUnitId: 'u1',
      });
      await createUser(gateway, admin, {
        username: 'quiet.one',
        role: 'union_cadre',
        orgUnitId: 'u2',
      });
      first = await login(gateway, 'busy.one', PASSWORD);
      second = await login(gateway, 'quiet.one', PASSWORD);
    });
    afterAll(() => gateway?.close());

    it('answers 429 to a user over the limit, whichever session or token it uses, and not to others', async () => {
      const me = (tokens: Tokens) =>
        gateway.http().get('/auth/me').set('authorization', bearer(tokens));
      for (let i = 0; i < 3; i += 1) expect((await me(first)).status).toBe(200);
      const another = await login(gateway, 'busy.one', PASSWORD);

      expect((await me(first)).body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
      expect((await me(another)).status).toBe(429);
      expect((await me(second)).status).toBe(200);
    });
  });

  describe('sign-in per address', () => {
    const gateway = startedForSuite(() => startGateway({ LOGIN_RATE_LIMIT_PER_ADDRESS: '2' }));

    it('answers 429 after a few attempts from one address, whatever the usernames', async () => {
      const attempt = (username: string) =>
        gateway.http().post('/auth/login').send({ username, password: 'guessing-passwords' });

      expect((await attempt('a')).status).toBe(401);
      expect((await attempt('b')).status).toBe(401);
      const over = await attempt('c');
      expect(over.status).toBe(429);
      expect(over.body).toMatchObject({ code: 'RATE_LIMITED' });
      expect((await signIn(gateway, 'admin', ADMIN_PASSWORD)).status).toBe(429);
    });
  });

  describe('without Redis', () => {
    const gateway = startedForSuite(() => startGateway({ REDIS_URL: 'redis://127.0.0.1:1' }));

    it('answers 503 instead of letting anyone through, while staying live', async () => {
      const response = await signIn(gateway, 'admin', ADMIN_PASSWORD);

      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ code: 'SESSION_STORE_UNAVAILABLE' });
      expect((await gateway.http().get('/health/live')).status).toBe(200);
    });
  });
});

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

interface User {
  id: string;
  username: string;
  role: string;
  orgUnitId: string | null;
  orgPath: string | null;
  disabled: boolean;
  version: number;
  createdBy: string;
  updatedBy: string;
}

describe('user administration', () => {
  let gateway: GatewayUnderTest;
  let admin: Tokens;
  const as = (tokens: Tokens) => ({
    get: (path: string) => gateway.http().get(path).set('authorization', bearer(tokens)),
    post: (path: string, body: object) =>
      gateway.http().post(path).set('authorization', bearer(tokens)).send(body),
    patch: (path: string, body: object, headers: Record<string, string> = {}) =>
      gateway.http().patch(path).set('authorization', bearer(tokens)).set(headers).send(body),
  });

  beforeAll(async () => {
    gateway = await startGateway();
    await seedOrgTree(gateway.db);
    admin = await login(gateway, 'admin', ADMIN_PASSWORD);
  });
  afterAll(() => gateway?.close());

  describe('creating accounts', () => {
    it('places each role in its org unit, with the path from the org-tree replica', async () => {
      const cadre = await as(admin).post('/users', {
        username: 'liu.yang',
        password: PASSWORD,
        role: 'union_cadre',
        orgUnitId: 'u1',
      });
      const officer = await as(admin).post('/users', {
        username: 'district.officer',
        password: PASSWORD,
        role: 'federation_officer',
        orgUnitId: 'd1',
      });

      expect(cadre.status).toBe(201);
      expect(cadre.body).toMatchObject({
        username: 'liu.yang',
        role: 'union_cadre',
        orgUnitId: 'u1',
        orgPath: 'c/d1/s1/u1',
        disabled: false,
        version: 1,
        createdBy: admin.user.id,
      });
      expect(JSON.stringify(cadre.body)).not.toMatch(/password/i);
      expect(officer.body).toMatchObject({ role: 'federation_officer', orgPath: 'c/d1' });
      expect((await login(gateway, 'district.officer', PASSWORD)).user.orgPath).toBe('c/d1');
    });

    it('answers 400 to malformed input, naming the fields', async () => {
      const cases = [
        { username: 'A B', password: PASSWORD, role: 'auditor', orgUnitId: 'c' },
        { username: 'short.pw', password: 'short', role: 'auditor', orgUnitId: 'c' },
        { username: 'bad.role', password: PASSWORD, role: 'root', orgUnitId: 'c' },
        {
          username: 'extra.field',
          password: PASSWORD,
          role: 'auditor',
          orgUnitId: 'c',
          isAdmin: true,
        },
      ];
      for (const body of cases) {
        const response = await as(admin).post('/users', body);

        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      }
    });

    it('answers 422 when the role does not fit the unit, or the unit is unknown', async () => {
      const user = (role: string, orgUnitId?: string) => ({
        username: `u${Math.random().toString(36).slice(2, 10)}`,
        password: PASSWORD,
        role,
        orgUnitId,
      });
      const codes = await Promise.all(
        [
          user('union_cadre', 'd1'),
          user('federation_officer', 'u1'),
          user('auditor'),
          user('auditor', 'nowhere'),
        ].map(
          async (body) =>
            (await as(admin).post('/users', body)).body as { status: number; code: string },
        ),
      );

      expect(codes.map(({ status, code }) => [status, code])).toEqual([
        [422, 'ROLE_DOES_NOT_FIT_UNIT'],
        [422, 'ROLE_DOES_NOT_FIT_UNIT'],
        [422, 'ORG_UNIT_REQUIRED'],
        [422, 'ORG_UNIT_NOT_FOUND'],
      ]);
    });

    it('answers 409 to a username that is taken', async () => {
      await createUser(gateway, admin, { username: 'taken.name', role: 'auditor', orgUnitId: 'c' });
      const again = await as(admin).post('/users', {
        username: 'taken.name',
        password: PASSWORD,
        role: 'auditor',
        orgUnitId: 'c',
      });

      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'USERNAME_TAKEN' });
    });
  });

  describe('only an admin', () => {
    it('manages accounts: others get 403, and no token 401', async () => {
      await createUser(gateway, admin, {
        username: 'nosy.cadre',
        role: 'union_cadre',
        orgUnitId: 'u2',
      });
      await createUser(gateway, admin, {
        username: 'city.auditor',
        role: 'auditor',
        orgUnitId: 'c',
      });
      const cadre = await login(gateway, 'nosy.cadre', PASSWORD);
      const auditor = await login(gateway, 'city.auditor', PASSWORD);

      expect((await as(cadre).get('/users')).body).toMatchObject({
        status: 403,
        code: 'ROLE_NOT_ALLOWED',
      });
      expect((await as(auditor).get('/users')).body).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
      expect(
        (await as(auditor).post('/users', { username: 'x', password: PASSWORD, role: 'admin' }))
          .body,
      ).toMatchObject({ status: 403, code: 'READ_ONLY_ROLE' });
      expect((await gateway.http().get('/users')).status).toBe(401);
    });

    it('lists accounts without their password hashes', async () => {
      const response = await as(admin).get('/users?limit=500');

      expect(response.status).toBe(200);
      const { users } = response.body as { users: User[] };
      expect(users.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'liu.yang']));
      expect(response.text).not.toMatch(/argon2|password/i);
      expect((await as(admin).get('/users?limit=0')).status).toBe(400);
    });
  });

  describe('changing an account', () => {
    it('re-roles and moves it, ends its sessions, and records who changed it and when', async () => {
      const id = await createUser(gateway, admin, {
        username: 'moving.cadre',
        role: 'union_cadre',
        orgUnitId: 'u1',
      });
      const before = await login(gateway, 'moving.cadre', PASSWORD);

      const changed = await as(admin).patch(`/users/${id}`, {
        role: 'federation_officer',
        orgUnitId: 's1',
      });

      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        role: 'federation_officer',
        orgUnitId: 's1',
        orgPath: 'c/d1/s1',
        version: 2,
        updatedBy: admin.user.id,
      });
      expect(
        (await gateway.http().get('/auth/me').set('authorization', bearer(before))).body,
      ).toMatchObject({
        code: 'TOKEN_REVOKED',
      });
      expect((await login(gateway, 'moving.cadre', PASSWORD)).user).toMatchObject({
        role: 'federation_officer',
        orgPath: 'c/d1/s1',
      });
      const history = (await as(admin).get(`/users/${id}/changes`)).body as {
        changes: { change: string; changedBy: string; changedAt: string; details: object }[];
      };
      expect(history.changes.map((c) => [c.change, c.changedBy, c.details])).toEqual([
        ['created', admin.user.id, { role: 'union_cadre', orgUnitId: 'u1' }],
        ['role_changed', admin.user.id, { from: 'union_cadre', to: 'federation_officer' }],
        ['org_unit_changed', admin.user.id, { from: 'u1', to: 's1' }],
      ]);
      expect(Date.parse(history.changes[1]!.changedAt)).not.toBeNaN();
    });

    it('disables an account: it cannot sign in or refresh until enabled again', async () => {
      const id = await createUser(gateway, admin, {
        username: 'leaving.cadre',
        role: 'union_cadre',
        orgUnitId: 'u1',
      });
      const tokens = await login(gateway, 'leaving.cadre', PASSWORD);

      expect((await as(admin).patch(`/users/${id}`, { disabled: true })).body).toMatchObject({
        disabled: true,
      });
      const refused = await signIn(gateway, 'leaving.cadre', PASSWORD);
      // As a wrong password: the answer does not confirm the password (sessions/login.int-spec).
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({ code: 'INVALID_CREDENTIALS' });
      expect(
        (await gateway.http().post('/auth/refresh').send({ refreshToken: tokens.refreshToken }))
          .status,
      ).toBe(401);

      await as(admin).patch(`/users/${id}`, { disabled: false });
      await expect(login(gateway, 'leaving.cadre', PASSWORD)).resolves.toBeDefined();
    });

    it('resets a password', async () => {
      const id = await createUser(gateway, admin, {
        username: 'forgetful',
        role: 'auditor',
        orgUnitId: 'd2',
      });

      await as(admin).patch(`/users/${id}`, { password: 'a-brand-new-password' });

      expect((await signIn(gateway, 'forgetful', PASSWORD)).status).toBe(401);
      await expect(login(gateway, 'forgetful', 'a-brand-new-password')).resolves.toBeDefined();
    });

    it('answers 409 to a stale If-Match, 404 to an unknown id, 400 to an empty change', async () => {
      const id = await createUser(gateway, admin, {
        username: 'contested',
        role: 'auditor',
        orgUnitId: 'c',
      });

      expect(
        (await as(admin).patch(`/users/${id}`, { disabled: true }, { 'if-match': '1' })).status,
      ).toBe(200);
      const stale = await as(admin).patch(`/users/${id}`, { disabled: false }, { 'if-match': '1' });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'CONCURRENCY_CONFLICT' });
      expect(
        (await as(admin).patch('/users/00000000-0000-4000-8000-000000000000', { disabled: true }))
          .status,
      ).toBe(404);
      expect((await as(admin).patch(`/users/${id}`, {})).status).toBe(400);
    });

    it('keeps an admin from disabling or demoting itself (422), so the region keeps an admin', async () => {
      for (const patch of [{ disabled: true }, { role: 'auditor', orgUnitId: 'c' }]) {
        const response = await as(admin).patch(`/users/${admin.user.id}`, patch);

        expect(response.status).toBe(422);
        expect(response.body).toMatchObject({ code: 'OWN_ACCOUNT' });
      }
    });
  });

  it('states every route’s access rule in its open OpenAPI document', async () => {
    const response = await gateway.http().get('/docs-json');

    expect(response.status).toBe(200);
    const { paths } = response.body as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const rules = Object.entries(paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({
        route: `${method.toUpperCase()} ${path}`,
        rule: operation['x-taizhang-public'] === true ? 'public' : operation['x-taizhang-roles'],
      })),
    );
    // No route without a rule: a forgotten one would be closed to everyone, and show up here.
    expect(rules.filter(({ rule }) => rule === undefined)).toEqual([]);
    expect(rules).toEqual(
      expect.arrayContaining([
        { route: 'POST /auth/login', rule: 'public' },
        { route: 'GET /health', rule: 'public' },
        { route: 'POST /users', rule: ['admin'] },
        { route: 'GET /auth/me', rule: ['union_cadre', 'federation_officer', 'auditor', 'admin'] },
      ]),
    );
  });
});

import type { KeyObject } from 'node:crypto';
import { generateKeyPairSync } from 'node:crypto';
import type { Server } from 'node:http';

import type { ExecutionContext, INestApplication } from '@nestjs/common';
import { Controller, Get, Module, Post } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

import request from 'supertest';

import type { AccessTokenSubject, AuthenticatedUser, PublicKeySource, Role } from '../../src';
import {
  AUTH_OPTIONS,
  AuthGuard,
  AuthModule,
  CurrentUser,
  KeyUnavailableError,
  Public,
  Roles,
  signAccessToken,
} from '../../src';

const keys = generateKeyPairSync('ed25519');
const strangerKeys = generateKeyPairSync('ed25519');
const now = new Date('2026-03-01T08:00:00Z');
const revokedSessions = new Set<string>();

@Controller('probes')
@Roles('union_cadre', 'federation_officer', 'auditor')
class ProbesController {
  @Get('open')
  @Public()
  open(@CurrentUser({ optional: true }) user: AuthenticatedUser | undefined) {
    return { user: user?.id ?? null };
  }

  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser) {
    return { id: user.id, role: user.role, orgPath: user.orgPath };
  }

  @Post('records')
  record() {
    return { recorded: true };
  }

  @Post('approvals')
  @Roles('federation_officer')
  approve() {
    return { approved: true };
  }
}

@Controller('forgotten')
class ForgottenController {
  @Get()
  forgotten() {
    return { open: true };
  }
}

const subject = (role: Role, overrides: Partial<AccessTokenSubject> = {}): AccessTokenSubject => ({
  userId: `${role}-1`,
  username: role,
  role,
  orgUnitId: role === 'admin' ? null : 'u1',
  orgPath: role === 'admin' ? null : 'c/d1/s1/u1',
  sessionId: `${role}-session`,
  ...overrides,
});

const tokenFor = (
  role: Role,
  {
    key = keys.privateKey,
    issuedAt = now,
    ...overrides
  }: Partial<AccessTokenSubject> & {
    key?: KeyObject;
    issuedAt?: Date;
  } = {},
): Promise<string> =>
  signAccessToken(subject(role, overrides), key, { now: issuedAt, ttlSeconds: 900 });

const serverOf = (nest: INestApplication): Server => nest.getHttpServer() as Server;

const createApp = async (publicKey: PublicKeySource): Promise<INestApplication> => {
  @Module({
    imports: [
      AuthModule.forRoot({
        publicKey,
        clock: () => now,
        isRevoked: (user) => Promise.resolve(revokedSessions.has(user.sessionId)),
      }),
    ],
    controllers: [ProbesController, ForgottenController],
  })
  class ProbeAppModule {}

  const app = await NestFactory.create(ProbeAppModule, { logger: false });
  await app.init();

  return app;
};

describe('AuthGuard in a Nest app', () => {
  let app: INestApplication;
  const get = (path: string, token?: string) => {
    const call = request(serverOf(app)).get(path);

    return token === undefined ? call : call.set('authorization', `Bearer ${token}`);
  };
  const post = (path: string, token: string) =>
    request(serverOf(app)).post(path).set('authorization', `Bearer ${token}`);

  beforeAll(async () => {
    app = await createApp(() => Promise.resolve(keys.publicKey));
  });
  afterAll(() => app.close());

  describe('a public route', () => {
    it('answers without a token, and knows the caller when a good token comes along', async () => {
      expect((await get('/probes/open')).body).toEqual({ user: null });
      expect((await get('/probes/open', 'garbage')).body).toEqual({ user: null });
      expect((await get('/probes/open', await tokenFor('union_cadre'))).body).toEqual({
        user: 'union_cadre-1',
      });
    });
  });

  describe('without a valid token', () => {
    it('answers 401 TOKEN_MISSING, with a WWW-Authenticate challenge', async () => {
      const response = await get('/probes/me');

      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ code: 'TOKEN_MISSING' });
      expect(response.headers['www-authenticate']).toBe('Bearer realm="taizhang"');
    });

    it('treats another scheme as no token', async () => {
      const response = await request(serverOf(app))
        .get('/probes/me')
        .set('authorization', 'Basic YWRtaW46YWRtaW4=');

      expect(response.body).toMatchObject({ code: 'TOKEN_MISSING' });
    });

    it('answers 401 TOKEN_INVALID to a malformed, tampered or foreign token', async () => {
      const good = await tokenFor('union_cadre');
      const [header, payload, signature] = good.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as object;
      const promoted = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString(
        'base64url',
      );

      for (const token of [
        'not a token',
        `${header}.${promoted}.${signature}`,
        await tokenFor('union_cadre', { key: strangerKeys.privateKey }),
        'x'.repeat(9000),
      ]) {
        const response = await get('/probes/me', token);

        expect(response.status).toBe(401);
        expect(response.body).toMatchObject({ code: 'TOKEN_INVALID' });
        expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
      }
    });

    it('answers 401 TOKEN_EXPIRED to a token past its lifetime', async () => {
      const token = await tokenFor('union_cadre', {
        issuedAt: new Date(now.getTime() - 901_000 - 5_000),
      });

      expect((await get('/probes/me', token)).body).toMatchObject({ code: 'TOKEN_EXPIRED' });
    });

    it('answers 401 TOKEN_REVOKED once the session has ended', async () => {
      const token = await tokenFor('union_cadre', { sessionId: 'ended' });
      revokedSessions.add('ended');

      expect((await get('/probes/me', token)).body).toMatchObject({ code: 'TOKEN_REVOKED' });
      expect((await get('/probes/open', token)).body).toEqual({ user: null });
    });
  });

  describe('with a valid token', () => {
    it('gives the handler the caller', async () => {
      const response = await get('/probes/me', await tokenFor('federation_officer'));

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        id: 'federation_officer-1',
        role: 'federation_officer',
        orgPath: 'c/d1/s1/u1',
      });
    });

    it("answers 403 ROLE_NOT_ALLOWED to a role the route does not list (the method's list wins)", async () => {
      expect((await post('/probes/approvals', await tokenFor('union_cadre'))).body).toMatchObject({
        code: 'ROLE_NOT_ALLOWED',
      });
      expect((await post('/probes/approvals', await tokenFor('federation_officer'))).status).toBe(
        201,
      );
      expect((await get('/probes/me', await tokenFor('admin'))).status).toBe(403);
    });

    it('answers 403 READ_ONLY_ROLE to every write of an auditor, even where its role is listed', async () => {
      const auditor = await tokenFor('auditor');

      expect((await get('/probes/me', auditor)).status).toBe(200);
      const response = await post('/probes/records', auditor);
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'READ_ONLY_ROLE' });
      expect((await post('/probes/records', await tokenFor('union_cadre'))).status).toBe(201);
    });

    it('keeps a route that declares no roles closed to everyone, admin included', async () => {
      for (const role of ['union_cadre', 'federation_officer', 'auditor', 'admin'] as const)
        expect((await get('/forgotten', await tokenFor(role))).body).toMatchObject({
          code: 'ROLE_NOT_ALLOWED',
        });
    });
  });

  it('states each route’s access rule in the OpenAPI document', () => {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder().addBearerAuth().build(),
    );

    expect(document.paths['/probes/open']?.get).toMatchObject({ 'x-taizhang-public': true });
    expect(document.paths['/probes/me']?.get).toMatchObject({
      'x-taizhang-roles': ['union_cadre', 'federation_officer', 'auditor'],
      security: [{ bearer: [] }],
    });
    expect(document.paths['/probes/approvals']?.post).toMatchObject({
      'x-taizhang-roles': ['federation_officer'],
    });
    expect(document.paths['/forgotten']?.get).not.toHaveProperty('x-taizhang-roles');
  });

  it('answers 503 while the public key cannot be had', async () => {
    const keyless = await createApp(() => Promise.reject(new KeyUnavailableError('not yet')));
    try {
      const response = await request(serverOf(keyless))
        .get('/probes/me')
        .set('authorization', `Bearer ${await tokenFor('union_cadre')}`);

      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ code: 'AUTH_KEY_UNAVAILABLE' });
      expect((await request(serverOf(keyless)).get('/probes/open')).status).toBe(200);
    } finally {
      await keyless.close();
    }
  });

  it('leaves Kafka handlers (non-HTTP contexts) alone', async () => {
    const guard = new AuthGuard(app.get(Reflector), app.get(AUTH_OPTIONS));
    const rpc = { getType: () => 'rpc' } as unknown as ExecutionContext;

    expect(await guard.canActivate(rpc)).toBe(true);
  });
});

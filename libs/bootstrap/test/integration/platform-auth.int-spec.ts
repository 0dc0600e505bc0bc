import { generateKeyPairSync } from 'node:crypto';

import type { DynamicModule } from '@nestjs/common';
import { Controller, Get, Param, Post } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';

import request from 'supertest';

import type { AuthenticatedUser, Role } from '@taizhang/auth';
import { assertInScope, AuthModule, CurrentUser, Roles, signAccessToken } from '@taizhang/auth';
import { IllegalStateError } from '@taizhang/event-store';
import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase, testInfrastructure } from '@taizhang/testing';

import type { CommandRequestContext } from '../../src';
import {
  baseEnvSchema,
  CommandRequest,
  createServiceApp,
  OrgUnitPaths,
  PlatformModule,
} from '../../src';

const keys = generateKeyPairSync('ed25519');
const UNIT_PATHS: Record<string, string> = { u1: 'c/d1/s1/u1', u2: 'c/d2/s2/u2' };

@Controller('records')
class RecordsController {
  @Post()
  @Roles('union_cadre', 'auditor')
  record(@CommandRequest() command: CommandRequestContext) {
    const { actorId, actorRole } = command.metadata();

    return { actorId, actorRole };
  }

  /** A refusal that names a record of `unitId` to those who may see it only. */
  @Post(':unitId/refusal')
  @Roles('union_cadre')
  refuse(@Param('unitId') unitId: string) {
    throw new IllegalStateError(
      'Taken elsewhere: ask for a transfer.',
      'TAKEN',
      {},
      {
        unitId,
        message: `Taken by ${unitId}: record a transfer.`,
        details: { holderId: unitId },
      },
    );
  }

  @Get(':unitId')
  @Roles('union_cadre', 'auditor')
  read(@Param('unitId') unitId: string, @CurrentUser() user: AuthenticatedUser) {
    assertInScope(user, UNIT_PATHS[unitId]);

    return { unitId };
  }
}

const appWithAuth = (env: Record<string, string>): DynamicModule => ({
  module: class AuthProbeAppModule {},
  imports: [
    PlatformModule.forRoot({
      serviceName: 'auth-probe',
      configSchema: baseEnvSchema,
      migrations: [],
      env,
    }),
    AuthModule.forRoot({ publicKey: () => Promise.resolve(keys.publicKey) }),
  ],
  controllers: [RecordsController],
  providers: [
    {
      provide: OrgUnitPaths,
      useValue: { pathOf: (unitId: string) => Promise.resolve(UNIT_PATHS[unitId] ?? null) },
    },
  ],
});

const PROBLEM_JSON = /^application\/problem\+json/;

describe('PlatformModule with AuthModule', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let http: ReturnType<typeof request>;
  const tokenFor = (role: Role, orgPath = 'c/d1/s1/u1') =>
    signAccessToken(
      { userId: `${role}-7`, username: role, role, orgUnitId: 'u1', orgPath, sessionId: 's' },
      keys.privateKey,
      { now: new Date(), ttlSeconds: 60 },
    );

  beforeAll(async () => {
    database = await createTestDatabase([]);
    const infrastructure = testInfrastructure();
    app = await createServiceApp(
      appWithAuth({
        SERVICE_NAME: 'auth-probe',
        PORT: '3998',
        DATABASE_URL: database.url,
        KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
        LOG_LEVEL: 'silent',
        NODE_ENV: 'test',
      }),
    );
    await app.init();
    http = request(app.getHttpServer());
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('keeps health, metrics and docs open without a token', async () => {
    await http.get('/health/live').expect(200);
    await http.get('/metrics').expect(200);
    await http.get('/docs-json').expect(200);
  });

  it('answers a missing token as a 401 problem', async () => {
    const response = await http.post('/records').send({}).expect(401);

    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toMatchObject({
      status: 401,
      code: 'TOKEN_MISSING',
      instance: '/records',
    });
  });

  it('records the signed-in caller as the actor of a command', async () => {
    const response = await http
      .post('/records')
      .set('authorization', `Bearer ${await tokenFor('union_cadre')}`)
      .expect(201);

    expect(response.body).toEqual({ actorId: 'union_cadre-7', actorRole: 'union_cadre' });
  });

  it('answers a target outside the scope like an unknown one: a 404 problem', async () => {
    const token = await tokenFor('union_cadre');
    const outside = await http
      .get('/records/u2')
      .set('authorization', `Bearer ${token}`)
      .expect(404);
    const unknown = await http
      .get('/records/u9')
      .set('authorization', `Bearer ${token}`)
      .expect(404);

    expect(outside.headers['content-type']).toMatch(PROBLEM_JSON);
    expect({ ...outside.body, instance: undefined, requestId: undefined }).toEqual({
      ...unknown.body,
      instance: undefined,
      requestId: undefined,
    });
    await http.get('/records/u1').set('authorization', `Bearer ${token}`).expect(200);
  });

  it("names another unit's record in a refusal only to a caller whose scope reaches that unit", async () => {
    const token = `Bearer ${await tokenFor('union_cadre')}`;
    const refusal = async (unitId: string) =>
      (await http.post(`/records/${unitId}/refusal`).set('authorization', token).expect(422))
        .body as Record<string, unknown>;

    expect(await refusal('u1')).toMatchObject({
      code: 'TAKEN',
      detail: 'Taken by u1: record a transfer.',
      holderId: 'u1',
    });
    for (const unitId of ['u2', 'u9']) {
      const outside = await refusal(unitId);
      expect(outside).toMatchObject({
        code: 'TAKEN',
        detail: 'Taken elsewhere: ask for a transfer.',
      });
      expect(outside).not.toHaveProperty('holderId');
    }
  });

  it('answers an auditor’s write as a 403 problem', async () => {
    const response = await http
      .post('/records')
      .set('authorization', `Bearer ${await tokenFor('auditor')}`)
      .expect(403);

    expect(response.body).toMatchObject({ status: 403, code: 'READ_ONLY_ROLE' });
  });

  it('documents the bearer scheme and each route’s roles in OpenAPI', async () => {
    const document = (await http.get('/docs-json').expect(200)).body as {
      components: { securitySchemes: Record<string, unknown> };
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };

    expect(document.components.securitySchemes['bearer']).toMatchObject({ scheme: 'bearer' });
    expect(document.paths['/records']?.['post']?.['x-taizhang-roles']).toEqual([
      'union_cadre',
      'auditor',
    ]);
    expect(document.paths['/health/live']?.['get']?.['x-taizhang-public']).toBe(true);
  });
});

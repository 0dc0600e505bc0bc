import { generateKeyPairSync } from 'node:crypto';

import type { DynamicModule } from '@nestjs/common';
import { Body, Controller, Module, Post } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { createZodDto } from 'nestjs-zod';
import request from 'supertest';
import { z } from 'zod';

import type { Role } from '@taizhang/auth';
import { AuthModule, Roles, signAccessToken } from '@taizhang/auth';
import type { TestDatabase } from '@taizhang/testing';
import { answerBeforeBody, createTestDatabase, testInfrastructure } from '@taizhang/testing';

import {
  baseEnvSchema,
  createServiceApp,
  MAX_XLSX_BODY_BYTES,
  PlatformModule,
  XLSX_MEDIA_TYPE,
  XlsxUpload,
} from '../../src';

class NameDto extends createZodDto(z.object({ name: z.string().min(1) })) {}

const keys = generateKeyPairSync('ed25519');

@Controller('uploads')
@Roles('union_cadre')
class UploadsController {
  @Post()
  @XlsxUpload()
  upload(@Body() workbook: Buffer) {
    return { bytes: workbook.length, first: workbook.subarray(0, 2).toString('latin1') };
  }
}

@Controller('names')
@Roles('union_cadre')
class NamesController {
  @Post()
  create(@Body() body: NameDto) {
    return body;
  }
}

@Module({ controllers: [UploadsController, NamesController] })
class UploadsModule {}

const uploadsApp = (env: Record<string, string>): DynamicModule => ({
  module: class UploadsAppModule {},
  imports: [
    PlatformModule.forRoot({
      serviceName: 'bootstrap-uploads',
      configSchema: baseEnvSchema,
      migrations: [],
      env,
    }),
    AuthModule.forRoot({ publicKey: () => Promise.resolve(keys.publicKey) }),
    UploadsModule,
  ],
});

// Any bytes will do: the middleware reads the body; the route decides what it is.
const WORKBOOK = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(4096, 7)]);

describe('@XlsxUpload', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let http: { post(path: string): request.Test };
  let url: string;
  const bearer = async (role: Role) =>
    `Bearer ${await signAccessToken(
      { userId: 'u-1', username: role, role, orgUnitId: 'u1', orgPath: 'c/u1', sessionId: 's' },
      keys.privateKey,
      { now: new Date(), ttlSeconds: 600 },
    )}`;

  beforeAll(async () => {
    database = await createTestDatabase([]);
    const infrastructure = testInfrastructure();
    app = await createServiceApp(
      uploadsApp({
        PORT: '3998',
        DATABASE_URL: database.url,
        KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
        REDIS_URL: infrastructure.redisUrl,
        LOG_LEVEL: 'silent',
        NODE_ENV: 'test',
      }),
    );
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    const cadre = await bearer('union_cadre');
    http = { post: (path) => request(app.getHttpServer()).post(path).set('authorization', cadre) };
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('hands a route that takes a workbook its bytes', async () => {
    const response = await http
      .post('/uploads')
      .set('content-type', XLSX_MEDIA_TYPE)
      .send(WORKBOOK)
      .expect(201);

    expect(response.body).toEqual({ bytes: WORKBOOK.length, first: 'PK' });
  });

  it('refuses JSON, compressed and empty bodies on that route', async () => {
    const json = await http.post('/uploads').send({ rows: [] }).expect(415);
    expect(json.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    await http
      .post('/uploads')
      .set('content-type', XLSX_MEDIA_TYPE)
      .set('content-encoding', 'gzip')
      .send(WORKBOOK)
      .expect(415);
    await http.post('/uploads').set('content-type', XLSX_MEDIA_TYPE).expect(415);
  });

  it('refuses a workbook over the limit with 413', async () => {
    const response = await http
      .post('/uploads')
      .set('content-type', XLSX_MEDIA_TYPE)
      .send(Buffer.alloc(MAX_XLSX_BODY_BYTES + 1))
      .expect(413);

    expect(response.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('refuses an upload without a token, or by a role the route does not list, before reading it', async () => {
    const headers = { 'content-type': XLSX_MEDIA_TYPE };
    const anonymous = await answerBeforeBody(`${url}/uploads`, headers, MAX_XLSX_BODY_BYTES);
    const officer = await answerBeforeBody(
      `${url}/uploads`,
      { ...headers, authorization: await bearer('federation_officer') },
      MAX_XLSX_BODY_BYTES,
    );

    expect([anonymous.status, anonymous.body['code']]).toEqual([401, 'TOKEN_MISSING']);
    expect([officer.status, officer.body['code']]).toEqual([403, 'ROLE_NOT_ALLOWED']);
  });

  it('leaves a workbook sent to a JSON route unread: a 400, not a crash', async () => {
    const response = await http
      .post('/names')
      .set('content-type', XLSX_MEDIA_TYPE)
      .send(WORKBOOK)
      .expect(400);

    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    await http.post('/names').send({ name: '王秀英' }).expect(201, { name: '王秀英' });
  });
});

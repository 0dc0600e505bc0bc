import type { DynamicModule, MiddlewareConsumer, NestModule } from '@nestjs/common';
import { Body, Controller, Module, Post } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { createZodDto } from 'nestjs-zod';
import request from 'supertest';
import { z } from 'zod';

import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase, testInfrastructure } from '@taizhang/testing';

import {
  baseEnvSchema,
  createServiceApp,
  MAX_XLSX_BODY_BYTES,
  PlatformModule,
  XLSX_MEDIA_TYPE,
  XlsxBodyMiddleware,
} from '../../src';

class NameDto extends createZodDto(z.object({ name: z.string().min(1) })) {}

@Controller('uploads')
class UploadsController {
  @Post()
  upload(@Body() workbook: Buffer) {
    return { bytes: workbook.length, first: workbook.subarray(0, 2).toString('latin1') };
  }
}

@Controller('names')
class NamesController {
  @Post()
  create(@Body() body: NameDto) {
    return body;
  }
}

@Module({ controllers: [UploadsController, NamesController] })
class UploadsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(XlsxBodyMiddleware).forRoutes(UploadsController);
  }
}

const uploadsApp = (env: Record<string, string>): DynamicModule => ({
  module: class UploadsAppModule {},
  imports: [
    PlatformModule.forRoot({
      serviceName: 'bootstrap-uploads',
      configSchema: baseEnvSchema,
      migrations: [],
      env,
    }),
    UploadsModule,
  ],
});

// Any bytes will do: the middleware reads the body; the route decides what it is.
const WORKBOOK = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(4096, 7)]);

describe('XlsxBodyMiddleware', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let http: ReturnType<typeof request>;

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
    await app.init();
    http = request(app.getHttpServer());
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

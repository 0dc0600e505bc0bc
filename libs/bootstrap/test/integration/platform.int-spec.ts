import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';

import type { DynamicModule } from '@nestjs/common';
import { Body, Controller, Get, Post } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { createZodDto } from 'nestjs-zod';
import request from 'supertest';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { z } from 'zod';

import { ConcurrencyError } from '@taizhang/event-store';
import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase, testInfrastructure } from '@taizhang/testing';

import type { CommandRequestContext } from '../../src';
import {
  baseEnvSchema,
  bootstrapService,
  CommandRequest,
  ConfigValidationError,
  createServiceApp,
  MAX_JSON_BODY_BYTES,
  PlatformConfig,
  PlatformModule,
} from '../../src';

class ProbeDto extends createZodDto(
  z.object({ name: z.string().min(1).max(100), count: z.number().int().nonnegative() }),
) {}

const probeEnvSchema = baseEnvSchema.extend({
  PROBE_GREETING: z.string().default('你好'),
});

class ProbeConfig extends PlatformConfig {
  readonly probe: { readonly greeting: string };

  constructor(env: z.output<typeof probeEnvSchema>) {
    super(env);
    this.probe = { greeting: env.PROBE_GREETING };
  }
}

class CreateProbeTable1700000000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE bootstrap_probe (id integer PRIMARY KEY)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE bootstrap_probe');
  }
}

@Controller('probes')
class ProbesController {
  @Post()
  create(@Body() body: ProbeDto, @CommandRequest() command: CommandRequestContext) {
    return {
      body,
      idempotencyKey: command.commandId ?? null,
      expectedVersion: command.expectedVersion ?? null,
    };
  }

  @Post('conflict')
  conflict(): never {
    throw new ConcurrencyError('probe-1', 2, 3);
  }

  @Get('crash')
  crash(): never {
    throw new Error('pool exhausted at postgres://admin:hunter2@db');
  }
}

const probeApp = (env: Record<string, string | undefined>): DynamicModule => ({
  module: class ProbeAppModule {},
  imports: [
    PlatformModule.forRoot({
      serviceName: 'bootstrap-probe',
      configSchema: probeEnvSchema,
      configClass: ProbeConfig,
      migrations: [CreateProbeTable1700000000000],
      env,
    }),
  ],
  controllers: [ProbesController],
});

const PROBLEM_JSON = /^application\/problem\+json/;

describe('PlatformModule', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let app: NestExpressApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    database = await createTestDatabase([]);
    const infrastructure = testInfrastructure();
    env = {
      PORT: '3999',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
      REDIS_URL: infrastructure.redisUrl,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
    };
    app = await createServiceApp(probeApp(env));
    await app.init();
    http = request(app.getHttpServer());
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  describe('at boot', () => {
    it("runs the service's migrations", async () => {
      const [row] = await database.dataSource.query<{ name: string | null }[]>(
        "SELECT to_regclass('public.bootstrap_probe') AS name",
      );

      expect(row?.name).toBe('bootstrap_probe');
    });

    it("provides the service's config class, also as PlatformConfig", () => {
      const config = app.get(ProbeConfig);

      expect(app.get(PlatformConfig)).toBe(config);
      expect(config).toMatchObject({
        serviceName: 'bootstrap-probe',
        database: { url: database.url },
        probe: { greeting: '你好' },
      });
    });

    it('refuses a bad environment, naming each variable', async () => {
      const failing = createServiceApp(probeApp({ ...env, PORT: 'eighty', KAFKA_BROKERS: '' }));

      await expect(failing).rejects.toBeInstanceOf(ConfigValidationError);
      await expect(failing).rejects.toThrow(
        /PORT must be a port number[\s\S]*KAFKA_BROKERS is not set/,
      );
    });
  });

  describe('listening', () => {
    const freePort = (): Promise<number> =>
      new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
          const { port } = server.address() as AddressInfo;
          server.close(() => resolve(port));
        });
      });
    const listeningAddress = async (overrides: Record<string, string>): Promise<string> => {
      const service = await bootstrapService(
        probeApp({ ...env, PORT: String(await freePort()), ...overrides }),
      );
      try {
        return (service.getHttpServer().address() as AddressInfo).address;
      } finally {
        await service.close();
      }
    };

    it('binds 127.0.0.1 only, so that nothing reaches a service around the gateway', async () => {
      expect(await listeningAddress({})).toBe('127.0.0.1');
    });

    it('binds the address HOST names (0.0.0.0 in a container)', async () => {
      expect(await listeningAddress({ HOST: '0.0.0.0' })).toBe('0.0.0.0');
    });

    it('refuses a HOST that is not an address or a host name', async () => {
      await expect(createServiceApp(probeApp({ ...env, HOST: 'http://x/' }))).rejects.toThrow(
        /HOST must be/,
      );
    });
  });

  describe('/health', () => {
    it('is ready when PostgreSQL answers, and reports Kafka and Redis', async () => {
      const response = await http.get('/health').expect(200);

      expect(response.body).toMatchObject({
        status: 'ok',
        details: {
          postgres: { status: 'up' },
          kafka: { status: 'up', state: 'ready', brokers: expect.any(Number) as unknown },
          redis: { status: 'up', state: 'ready' },
        },
      });
      await http.get('/health/ready').expect(200);
    });

    it('is live whenever the process answers', async () => {
      const response = await http.get('/health/live').expect(200);

      expect(response.body).toMatchObject({ status: 'ok' });
    });

    describe('when Kafka is unreachable and Redis is not configured', () => {
      let degraded: NestExpressApplication;

      beforeAll(async () => {
        degraded = await createServiceApp(
          probeApp({ ...env, KAFKA_BROKERS: '127.0.0.1:1', REDIS_URL: undefined }),
        );
        await degraded.init();
      });

      afterAll(() => degraded?.close());

      // Commands need only PostgreSQL (events wait in the outbox); a probe must not take the
      // service out of rotation because the broker is away.
      it('is still ready, and says Kafka is degraded', async () => {
        const response = await request(degraded.getHttpServer()).get('/health').expect(200);

        expect(response.body).toMatchObject({
          status: 'ok',
          info: {
            postgres: { status: 'up' },
            kafka: { status: 'up', state: 'degraded', message: expect.any(String) as unknown },
            redis: { status: 'up', state: 'not-configured' },
          },
        });
        await request(degraded.getHttpServer()).get('/health/live').expect(200);
      });
    });
  });

  describe('/metrics', () => {
    it('exposes default Node metrics and the HTTP histogram by route pattern', async () => {
      await http.post('/probes').send({ name: 'a', count: 1 }).expect(201);
      const response = await http.get('/metrics').expect(200);

      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      expect(response.text).toContain('process_cpu_user_seconds_total');
      expect(response.text).toContain('nodejs_eventloop_lag_seconds');
      expect(response.text).toMatch(
        /taizhang_http_request_duration_seconds_count\{service="bootstrap-probe",method="POST",route="\/probes",status="201"\} [1-9]/,
      );
    });
  });

  describe('/docs-json', () => {
    it("is an OpenAPI document with the zod DTO's schema and the command headers", async () => {
      const response = await http.get('/docs-json').expect(200);
      const document = response.body as {
        openapi: string;
        paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
        components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
      };

      expect(document.openapi).toMatch(/^3\./);
      expect(Object.keys(document.components.schemas['ProbeDto']?.properties ?? {})).toEqual([
        'name',
        'count',
      ]);
      expect(document.paths['/probes']?.['post']?.parameters?.map((p) => p.name)).toEqual(
        expect.arrayContaining(['Idempotency-Key', 'If-Match']),
      );
      await http.get('/docs').expect(200);
    });
  });

  describe('problem responses', () => {
    it('answers an invalid body with 400 VALIDATION_FAILED naming each field', async () => {
      const response = await http.post('/probes').send({ count: -1 }).expect(400);

      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body).toMatchObject({
        type: 'urn:taizhang:problem:validation-failed',
        title: 'Bad Request',
        status: 400,
        code: 'VALIDATION_FAILED',
        detail: 'The request is not valid: check name, count.',
        instance: '/probes',
        errors: [
          { path: 'name', message: 'is required' },
          { path: 'count', message: expect.stringMatching(/>=0/) as unknown },
        ],
      });
    });

    it('answers an array where an object belongs with 400, not 500', async () => {
      const response = await http
        .post('/probes')
        .send([{ name: 'a', count: 1 }])
        .expect(400);

      expect(response.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ path: '', message: expect.stringMatching(/expected object/) as unknown }],
      });
    });

    it('answers malformed JSON with 400 MALFORMED_JSON, without quoting the body', async () => {
      const response = await http
        .post('/probes')
        .set('content-type', 'application/json')
        .send('{"name": "张三", ')
        .expect(400);

      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body).toMatchObject({ code: 'MALFORMED_JSON', status: 400 });
      // Refused before any controller, yet logged and traceable like every request.
      expect(response.headers['x-request-id']).toEqual(expect.any(String));
      expect((response.body as { requestId: unknown }).requestId).toBe(
        response.headers['x-request-id'],
      );
      expect(response.text).not.toContain('张三');
    });

    it('answers invalid UTF-8 with 400 MALFORMED_JSON', async () => {
      // A Chinese character cut after two of its three bytes.
      const body = Buffer.concat([
        Buffer.from('{"name":"'),
        Buffer.from([0xe5, 0xbc]),
        Buffer.from('","count":1}'),
      ]);
      const response = await http
        .post('/probes')
        .set('content-type', 'application/json')
        // superagent would JSON-encode a Buffer; the bytes must go out as they are.
        .serialize(() => body as unknown as string)
        .send(body)
        .expect(400);

      expect(response.body).toMatchObject({
        code: 'MALFORMED_JSON',
        detail: 'The request body is not valid UTF-8.',
      });
    });

    it('answers JSON nested deeper than 64 levels with 400 JSON_TOO_DEEP, and keeps answering', async () => {
      const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
      // A string holding brackets is text, not nesting.
      const deepString = JSON.stringify({ name: '['.repeat(1000), count: 1 });
      const send = (text: string) =>
        http.post('/probes').set('content-type', 'application/json').send(text);

      const hostile = await send(nested(6000)).expect(400);
      expect(hostile.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(hostile.body).toMatchObject({
        code: 'JSON_TOO_DEEP',
        detail: 'The request body nests arrays or objects more than 64 levels deep.',
      });
      expect((await send(nested(65)).expect(400)).body).toMatchObject({ code: 'JSON_TOO_DEEP' });
      // 64 levels are read (and then fail the route's validation, as any array would).
      expect((await send(nested(64)).expect(400)).body).toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      expect((await send(deepString).expect(400)).body).toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      await http.post('/probes').send({ name: 'a', count: 1 }).expect(201);
    });

    it('answers a body that is not JSON with 415', async () => {
      const response = await http
        .post('/probes')
        .set('content-type', 'text/plain')
        .send('name=a')
        .expect(415);

      expect(response.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    });

    it('answers a body over the limit with 413', async () => {
      const response = await http
        .post('/probes')
        .send({ name: 'x'.repeat(MAX_JSON_BODY_BYTES), count: 1 })
        .expect(413);

      expect(response.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    });

    it('answers a ConcurrencyError with 409 and its details', async () => {
      const response = await http.post('/probes/conflict').expect(409);

      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body).toMatchObject({
        status: 409,
        code: 'CONCURRENCY_CONFLICT',
        streamId: 'probe-1',
        expectedVersion: 2,
        actualVersion: 3,
      });
    });

    it('answers an unexpected error with a generic 500 that leaks nothing', async () => {
      const response = await http.get('/probes/crash').expect(500);

      expect(response.body).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
      expect(response.text).not.toMatch(/hunter2|pool exhausted|at /);
    });

    it('answers an unknown route with 404 NOT_FOUND', async () => {
      const response = await http.get('/nowhere').expect(404);

      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body).toMatchObject({ code: 'NOT_FOUND', instance: '/nowhere' });
    });

    it("echoes the caller's request id, in the header and the problem", async () => {
      const response = await http.get('/nowhere').set('x-correlation-id', 'corr-42').expect(404);

      expect(response.headers['x-request-id']).toBe('corr-42');
      expect(response.body).toMatchObject({ requestId: 'corr-42' });
    });
  });

  describe('command headers', () => {
    const send = (headers: Record<string, string>) =>
      http.post('/probes').set(headers).send({ name: 'a', count: 1 });

    it.each([
      ['3', 3],
      ['"3"', 3],
      ['W/"3"', 3],
      ['0', 0],
    ])('reads If-Match %s as version %d', async (ifMatch, version) => {
      const response = await send({ 'if-match': ifMatch }).expect(201);

      expect(response.body).toMatchObject({ expectedVersion: version });
    });

    it('leaves the version undefined without If-Match', async () => {
      const response = await send({}).expect(201);

      expect(response.body).toMatchObject({ expectedVersion: null, idempotencyKey: null });
    });

    it.each(['three', '3.5', '-1', '*', '"3", "4"'])(
      'answers If-Match %s with 400 INVALID_IF_MATCH',
      async (ifMatch) => {
        const response = await send({ 'if-match': ifMatch }).expect(400);

        expect(response.body).toMatchObject({ code: 'INVALID_IF_MATCH' });
      },
    );

    it('passes an Idempotency-Key through and refuses one that is too long', async () => {
      const accepted = await send({ 'idempotency-key': 'order-7f3a' }).expect(201);
      const refused = await send({ 'idempotency-key': 'k'.repeat(201) }).expect(400);

      expect(accepted.body).toMatchObject({ idempotencyKey: 'order-7f3a' });
      expect(refused.body).toMatchObject({ code: 'INVALID_IDEMPOTENCY_KEY' });
    });
  });

  it('returns Chinese text exactly as sent', async () => {
    const name = '上海市总工会·浦东新区 第一基层工会（筹）𠮷 🎉';
    const response = await http.post('/probes').send({ name, count: 0 }).expect(201);

    expect((response.body as { body: { name: string } }).body.name).toBe(name);
    expect(response.text).toContain(name);
  });
});

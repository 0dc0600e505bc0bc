import { z } from 'zod';

import { baseEnvSchema } from './base-env.schema';
import { ConfigValidationError } from './config-validation.error';
import { loadConfig } from './load-config';
import { PlatformConfig } from './platform-config';

const validEnv = {
  SERVICE_NAME: 'organisation',
  PORT: '3001',
  DATABASE_URL: 'postgres://postgres:s3cret@127.0.0.1:5432/taizhang_organisation',
  KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
};

const problemsOf = (
  env: Record<string, string | undefined>,
  schema: z.ZodObject = baseEnvSchema,
) => {
  try {
    loadConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error;
  }
  throw new Error('expected a ConfigValidationError');
};

describe('loadConfig', () => {
  describe('when every variable is valid', () => {
    it('returns the typed environment with defaults and the broker list split', () => {
      expect(loadConfig(baseEnvSchema, validEnv)).toEqual({
        ...validEnv,
        PORT: 3001,
        HOST: '127.0.0.1',
        DATABASE_POOL_SIZE: 20,
        KAFKA_BROKERS: ['127.0.0.1:9092', '127.0.0.1:9093'],
        KAFKA_TOPIC_SUFFIX: '',
        CHECKPOINT_INTERVAL_SECONDS: 300,
        LOG_LEVEL: 'info',
        NODE_ENV: 'development',
      });
    });

    it('reads into a nested PlatformConfig', () => {
      const config = new PlatformConfig(
        loadConfig(baseEnvSchema, { ...validEnv, REDIS_URL: 'redis://127.0.0.1:6379' }),
      );

      expect(config).toMatchObject({
        serviceName: 'organisation',
        http: { host: '127.0.0.1', port: 3001 },
        database: { url: validEnv.DATABASE_URL },
        kafka: { brokers: ['127.0.0.1:9092', '127.0.0.1:9093'], clientId: 'organisation' },
        redis: { url: 'redis://127.0.0.1:6379' },
        log: { level: 'info' },
      });
      expect(config.kafka.topic('taizhang.organisation.v1')).toBe('taizhang.organisation.v1');
    });

    it('gives every topic the suffix of a test or benchmark run', () => {
      const config = new PlatformConfig(
        loadConfig(baseEnvSchema, { ...validEnv, KAFKA_TOPIC_SUFFIX: '.test-abc' }),
      );

      expect(config.kafka.topic('taizhang.organisation.v1')).toBe(
        'taizhang.organisation.v1.test-abc',
      );
    });

    it.each([
      [undefined, false],
      ['1', 1],
      ['loopback', ['loopback']],
      ['10.0.0.0/8, 192.0.2.10 ,fd00::/8', ['10.0.0.0/8', '192.0.2.10', 'fd00::/8']],
    ])('reads TRUST_PROXY %s as Express reads trust proxy: %j', (value, trustProxy) => {
      const config = new PlatformConfig(
        loadConfig(baseEnvSchema, { ...validEnv, TRUST_PROXY: value }),
      );

      expect(config.http.trustProxy).toEqual(trustProxy);
    });

    it("validates and types a service's own variables", () => {
      const schema = baseEnvSchema.extend({
        OUTBOX_BATCH_SIZE: z.coerce.number().int().positive().default(500),
      });

      expect(loadConfig(schema, { ...validEnv, OUTBOX_BATCH_SIZE: '50' }).OUTBOX_BATCH_SIZE).toBe(
        50,
      );
      expect(problemsOf({ ...validEnv, OUTBOX_BATCH_SIZE: '-1' }, schema).problems).toEqual([
        { variable: 'OUTBOX_BATCH_SIZE', message: expect.stringMatching(/>0/) as unknown },
      ]);
    });
  });

  describe('when variables are missing or wrong', () => {
    it('names every missing variable and says what to set', () => {
      const error = problemsOf({ SERVICE_NAME: 'organisation' });

      expect(error.problems.map((p) => p.variable)).toEqual([
        'PORT',
        'DATABASE_URL',
        'KAFKA_BROKERS',
      ]);
      expect(error.message).toContain('DATABASE_URL is not set: the URL of');
      expect(error.message).toContain('KAFKA_BROKERS is not set: the Kafka brokers');
      expect(error.message).toMatch(/^The environment of organisation is not valid/);
    });

    it('treats an empty variable as not set', () => {
      expect(problemsOf({ ...validEnv, PORT: '' }).problems).toEqual([
        { variable: 'PORT', message: 'is not set: the HTTP port, e.g. 3001' },
      ]);
    });

    it('says in plain words what is wrong with each bad value, once per variable', () => {
      const error = problemsOf({
        ...validEnv,
        PORT: 'http',
        KAFKA_BROKERS: 'kafka-1,kafka-2',
        LOG_LEVEL: 'verbose',
        REDIS_URL: 'localhost:6379',
      });

      expect(error.problems).toEqual([
        { variable: 'PORT', message: 'must be a port number from 1 to 65535' },
        { variable: 'KAFKA_BROKERS', message: 'must list brokers as host:port' },
        { variable: 'REDIS_URL', message: 'must be a Redis URL starting with redis://' },
        {
          variable: 'LOG_LEVEL',
          message: 'must be one of fatal, error, warn, info, debug, trace, silent',
        },
      ]);
      expect(error.message).toContain('  - PORT must be a port number from 1 to 65535');
    });

    it.each(['true', 'yes', '10.0.0.0/33', '300.1.1.1', 'loopback,,'])(
      'refuses TRUST_PROXY %s: trusting every hop would let any client choose its address',
      (value) => {
        expect(problemsOf({ ...validEnv, TRUST_PROXY: value }).problems).toEqual([
          { variable: 'TRUST_PROXY', message: expect.stringMatching(/^must be/) as unknown },
        ]);
      },
    );

    it('never repeats a value, which may hold a password', () => {
      const error = problemsOf({ ...validEnv, DATABASE_URL: 'mysql://root:s3cret@db/x' });

      expect(error.message).toContain('DATABASE_URL must be a PostgreSQL URL');
      expect(error.message).not.toContain('s3cret');
    });
  });
});

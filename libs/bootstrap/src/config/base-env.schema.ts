import { isIP } from 'node:net';

import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

// Messages are phrased to follow the variable name ("PORT must be …"); descriptions are shown
// when a variable is missing, so they say what to set.
const brokerList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((broker) => broker.trim())
      .filter((broker) => broker.length > 0),
  )
  .pipe(
    z
      .array(z.string().regex(/^[^\s:/]+:\d{1,5}$/, 'must list brokers as host:port'))
      .min(1, 'must list at least one broker as host:port'),
  );

const TRUST_PROXY_MESSAGE =
  'must be a number of proxies in front (e.g. 1) or a comma-separated list of their addresses or subnets (e.g. loopback, 10.0.0.0/8)';
const SUBNET_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

// An address, a subnet in CIDR notation, or a name Express knows for a group of subnets.
const isProxyAddress = (entry: string): boolean => {
  if (SUBNET_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;

  return (
    prefix === undefined ||
    (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128))
  );
};

/**
 * Which proxies' X-Forwarded-For to believe, as Express's `trust proxy` takes it: a hop count or
 * a list of addresses and subnets; off (false) when unset. `true` (trust every hop) is refused:
 * any client could then choose the address it is rate-limited under.
 */
const trustProxy = z
  .string()
  .transform((value, context): number | string[] => {
    if (/^\d{1,2}$/.test(value.trim())) return Number(value.trim());
    const entries = value.split(',').map((entry) => entry.trim());
    if (entries.every(isProxyAddress)) return entries;
    context.addIssue({ code: 'custom', message: TRUST_PROXY_MESSAGE });

    return z.NEVER;
  })
  .optional()
  .describe('the proxies in front of the service whose X-Forwarded-For is believed');

/**
 * The environment every service reads. A service adds its own variables with
 * `baseEnvSchema.extend({ … })` (and may give PORT a default there).
 */
export const baseEnvSchema = z.object({
  SERVICE_NAME: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'must be a lower-case name such as organisation')
    .describe('the service name used in logs and metrics'),
  PORT: z.coerce
    .number({ error: 'must be a port number from 1 to 65535' })
    .int('must be a port number from 1 to 65535')
    .min(1, 'must be a port number from 1 to 65535')
    .max(65535, 'must be a port number from 1 to 65535')
    .describe('the HTTP port, e.g. 3001'),
  HOST: z
    .string()
    .regex(/^[\w.:-]{1,253}$/, 'must be an IP address or a host name, e.g. 0.0.0.0')
    .default('127.0.0.1')
    .describe('the address to listen on'),
  TRUST_PROXY: trustProxy,
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a PostgreSQL URL starting with postgres://')
    .describe(
      "the URL of this service's PostgreSQL database, e.g. postgres://postgres@127.0.0.1:5432/taizhang_organisation",
    ),
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: 'must be a whole number from 1 to 200' })
    .int('must be a whole number from 1 to 200')
    .min(1, 'must be a whole number from 1 to 200')
    .max(200, 'must be a whole number from 1 to 200')
    .default(20)
    .describe('the most connections the service opens to PostgreSQL'),
  IDEMPOTENCY_KEY_RETENTION_HOURS: z.coerce
    .number({ error: 'must be a whole number of hours, at least 1' })
    .int('must be a whole number of hours, at least 1')
    .min(1, 'must be a whole number of hours, at least 1')
    .optional()
    .describe('how long an Idempotency-Key answers its first answer (24 hours when not set)'),
  KAFKA_BROKERS: brokerList.describe('the Kafka brokers, comma-separated, e.g. 127.0.0.1:9092'),
  // Read by createKafka (@taizhang/messaging), which refuses a mechanism without its credentials.
  KAFKA_SASL_MECHANISM: z
    .enum(['plain', 'scram-sha-256', 'scram-sha-512'], {
      error: 'must be plain, scram-sha-256 or scram-sha-512',
    })
    .optional()
    .describe('how the service signs in to Kafka (SASL), e.g. scram-sha-512; unset: no SASL'),
  KAFKA_SASL_USERNAME: z.string().optional().describe('the service’s Kafka principal (SASL)'),
  KAFKA_SASL_PASSWORD: z.string().optional().describe('the password of that principal'),
  KAFKA_SSL: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .optional()
    .describe('true to speak TLS to the brokers'),
  KAFKA_TOPIC_SUFFIX: z
    .string()
    .regex(/^[a-z0-9.-]*$/, 'may hold only lower-case letters, digits, dots and hyphens')
    .default('')
    .describe('appended to every topic name, so that tests and benchmarks use topics of their own'),
  CHECKPOINT_INTERVAL_SECONDS: z.coerce
    .number({ error: 'must be a whole number of seconds' })
    .int('must be a whole number of seconds')
    .min(1, 'must be at least 1')
    .default(300)
    .describe("how often a service with an event store takes a signed checkpoint of its streams' heads"),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'must be a Redis URL starting with redis://')
    .optional()
    .describe('the Redis URL, e.g. redis://127.0.0.1:6379 (optional)'),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })
    .default('info'),
  NODE_ENV: z
    .enum(NODE_ENVS, { error: `must be one of ${NODE_ENVS.join(', ')}` })
    .default('development'),
});

/** The validated base environment. */
export type BaseEnv = z.output<typeof baseEnvSchema>;

import { z } from 'zod';

import { baseEnvSchema } from '@taizhang/bootstrap';

const seconds = (min: number, max: number, fallback: number, what: string) =>
  z.coerce
    .number({ error: `must be a whole number of seconds from ${min} to ${max}` })
    .int(`must be a whole number of seconds from ${min} to ${max}`)
    .min(min, `must be a whole number of seconds from ${min} to ${max}`)
    .max(max, `must be a whole number of seconds from ${min} to ${max}`)
    .default(fallback)
    .describe(what);

const count = (min: number, max: number, fallback: number, what: string) =>
  z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be a whole number from ${min} to ${max}`)
    .max(max, `must be a whole number from ${min} to ${max}`)
    .default(fallback)
    .describe(what);

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

/**
 * The gateway's environment: the base one, Redis required, and its own variables, among them the
 * URL of each service it forwards to (`serviceRoutes`).
 */
export const gatewayEnvSchema = baseEnvSchema.extend({
  PORT: baseEnvSchema.shape.PORT.default(8080),
  // Sessions, lockouts and rate limits live in Redis: the gateway cannot work without it.
  REDIS_URL: baseEnvSchema.shape.REDIS_URL.unwrap().describe(
    'the Redis URL that holds sessions, lockouts and rate limits, e.g. redis://127.0.0.1:6379',
  ),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,100}$/, 'may hold only letters, digits and : . _ -')
    .default('taizhang:gateway:'),
  TAIZHANG_ADMIN_PASSWORD: z
    .string()
    .min(12, 'must be at least 12 characters long')
    .max(200, 'must be at most 200 characters long')
    .optional(),
  TAIZHANG_DATA_DIR: z.string().optional(),
  AUTH_PRIVATE_KEY: z.string().optional(),
  AUTH_PRIVATE_KEY_FILE: z.string().optional(),
  ACCESS_TOKEN_TTL_SECONDS: seconds(30, 3600, 900, 'how long an access token is valid'),
  SESSION_TTL_SECONDS: seconds(300, 30 * 86_400, 8 * 3600, 'how long a sign-in lasts'),
  LOGIN_MAX_FAILURES: count(1, 100, 5, 'failed sign-ins from one address before a lock there'),
  LOGIN_LOCK_SECONDS: seconds(1, 86_400, 900, 'the failures window and the lock'),
  LOGIN_FAILURE_DELAY_MS: count(0, 10_000, 500, 'the delay after the first failed sign-in'),
  RATE_LIMIT_WINDOW_SECONDS: seconds(1, 3600, 60, 'the window of the rate limits'),
  RATE_LIMIT_PER_ADDRESS: count(1, 1_000_000, 1200, 'requests per window from one address'),
  RATE_LIMIT_PER_USER: count(1, 1_000_000, 600, 'requests per window by one user'),
  LOGIN_RATE_LIMIT_PER_ADDRESS: count(
    1,
    100_000,
    30,
    'sign-in attempts per window from one address',
  ),
  PROXY_TIMEOUT_MS: count(100, 600_000, 30_000, 'how long to wait for a service'),
  DASHBOARD_DIR: z
    .string()
    .optional()
    .describe('the built dashboard served at / (default: dist/services/dashboard)'),
  // Where each of FORWARDED_SERVICES answers; one not given has no route (404), so no caller
  // waits on a port where nothing listens.
  ORGANISATION_URL: httpUrl.optional(),
  RIGHTS_URL: httpUrl.optional(),
  HARDSHIP_AID_URL: httpUrl.optional(),
  ACTIVITIES_URL: httpUrl.optional(),
  REPORTING_URL: httpUrl.optional(),
});

export type GatewayEnv = z.output<typeof gatewayEnvSchema>;

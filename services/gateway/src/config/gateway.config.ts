import { defaultKeysDir } from '@taizhang/auth';
import { PlatformConfig } from '@taizhang/bootstrap';

import type { GatewayEnv } from './gateway-env.schema';
import { serviceRoutes } from './service-routes';

/** A window and how many requests it allows. */
export interface RateLimit {
  readonly limit: number;
  readonly windowSeconds: number;
}

/** The gateway's configuration: the platform's, plus keys, sessions, limits and routes. */
export class GatewayConfig extends PlatformConfig {
  readonly redisUrl: string;
  readonly redisKeyPrefix: string;
  readonly firstAdminPassword: string | undefined;
  readonly keys: {
    readonly privateKeyPem: string | undefined;
    readonly privateKeyFile: string | undefined;
    /** Where a generated key pair is kept. */
    readonly dir: string;
  };
  readonly tokens: { readonly accessTtlSeconds: number; readonly sessionTtlSeconds: number };
  readonly login: {
    readonly maxFailures: number;
    readonly lockSeconds: number;
    readonly failureDelayMs: number;
  };
  readonly rateLimits: {
    readonly perAddress: RateLimit;
    readonly perUser: RateLimit;
    readonly loginPerAddress: RateLimit;
  };
  readonly proxy: { readonly timeoutMs: number };
  /** Where `/api/<service>/…` goes, by service name: one per `<SERVICE>_URL` given. */
  readonly routes: Readonly<Record<string, string>>;
  /** The built dashboard's folder, if given (else the gateway looks beside its own build). */
  readonly dashboardDir: string | undefined;

  constructor(env: GatewayEnv) {
    super(env);
    this.redisUrl = env.REDIS_URL;
    this.redisKeyPrefix = env.REDIS_KEY_PREFIX;
    this.firstAdminPassword = env.TAIZHANG_ADMIN_PASSWORD;
    this.keys = {
      privateKeyPem: env.AUTH_PRIVATE_KEY,
      privateKeyFile: env.AUTH_PRIVATE_KEY_FILE,
      dir: defaultKeysDir({ TAIZHANG_DATA_DIR: env.TAIZHANG_DATA_DIR }),
    };
    this.tokens = {
      accessTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      sessionTtlSeconds: env.SESSION_TTL_SECONDS,
    };
    this.login = {
      maxFailures: env.LOGIN_MAX_FAILURES,
      lockSeconds: env.LOGIN_LOCK_SECONDS,
      failureDelayMs: env.LOGIN_FAILURE_DELAY_MS,
    };
    const windowSeconds = env.RATE_LIMIT_WINDOW_SECONDS;
    this.rateLimits = {
      perAddress: { limit: env.RATE_LIMIT_PER_ADDRESS, windowSeconds },
      perUser: { limit: env.RATE_LIMIT_PER_USER, windowSeconds },
      loginPerAddress: { limit: env.LOGIN_RATE_LIMIT_PER_ADDRESS, windowSeconds },
    };
    this.proxy = { timeoutMs: env.PROXY_TIMEOUT_MS };
    this.routes = serviceRoutes(env);
    this.dashboardDir = env.DASHBOARD_DIR;
  }
}

import type { BaseEnv, LogLevel, NodeEnv } from './base-env.schema';

/**
 * The validated environment as a typed, nested object, provided through Nest DI: inject it (or
 * a service's subclass that adds its own sections) instead of reading variables by name.
 */
export class PlatformConfig {
  readonly serviceName: string;
  readonly nodeEnv: NodeEnv;
  /**
   * `host` is the address listened on: 127.0.0.1 unless HOST says otherwise. `trustProxy` is
   * Express's `trust proxy` (TRUST_PROXY): whose X-Forwarded-For gives the client's address.
   */
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly trustProxy: number | readonly string[] | false;
  };
  readonly database: {
    readonly url: string;
    readonly poolSize: number;
    /** How long an Idempotency-Key is kept; undefined: the event store's default (24 h). */
    readonly idempotencyKeyRetentionHours: number | undefined;
  };
  readonly kafka: {
    readonly brokers: readonly string[];
    readonly clientId: string;
    /** The name this deployment uses for a topic of `@taizhang/contracts`. */
    topic(name: string): string;
  };
  /** `url` is undefined where the service runs without Redis. */
  readonly redis: { readonly url: string | undefined };
  readonly log: { readonly level: LogLevel };
  /** How often a service with an event store takes a signed checkpoint of it (ADR 0007). */
  readonly checkpoints: { readonly intervalMs: number };

  constructor(env: BaseEnv) {
    this.serviceName = env.SERVICE_NAME;
    this.nodeEnv = env.NODE_ENV;
    this.http = { host: env.HOST, port: env.PORT, trustProxy: env.TRUST_PROXY ?? false };
    this.database = {
      url: env.DATABASE_URL,
      poolSize: env.DATABASE_POOL_SIZE,
      idempotencyKeyRetentionHours: env.IDEMPOTENCY_KEY_RETENTION_HOURS,
    };
    this.kafka = {
      brokers: env.KAFKA_BROKERS,
      clientId: env.SERVICE_NAME,
      topic: (name) => `${name}${env.KAFKA_TOPIC_SUFFIX}`,
    };
    this.redis = { url: env.REDIS_URL };
    this.log = { level: env.LOG_LEVEL };
    this.checkpoints = { intervalMs: env.CHECKPOINT_INTERVAL_SECONDS * 1000 };
  }
}

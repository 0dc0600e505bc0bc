/**
 * Where the tests find their infrastructure: environment variables if set (the global setup sets
 * them for testcontainers where a Docker engine exists), otherwise the local PostgreSQL and Redis
 * and the project's own Kafka broker.
 */
export interface TestInfrastructure {
  /** A connection to the server's maintenance database, used to create and drop test databases. */
  postgresAdminUrl: string;
  kafkaBrokers: string[];
  redisUrl: string;
}

export const testInfrastructure = (): TestInfrastructure => ({
  postgresAdminUrl:
    process.env['TEST_POSTGRES_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  kafkaBrokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',').map((b) => b.trim()),
  redisUrl: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
});

/** A short random suffix that keeps parallel suites apart. */
export const uniqueSuffix = (): string =>
  `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

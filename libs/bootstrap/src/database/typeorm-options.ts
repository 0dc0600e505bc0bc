import type { TypeOrmModuleOptions } from '@nestjs/typeorm';

import type { MigrationInterface } from 'typeorm';

import type { PlatformConfig } from '../config/platform-config';
import { TypeOrmLogger } from '../logging/typeorm-logger';

/** A TypeORM migration class, as a service lists them. */
export type MigrationClass = new () => MigrationInterface;

/**
 * The service's DataSource: its own database, entities from `TypeOrmModule.forFeature`, schema
 * only from migrations (never `synchronize`).
 */
export const typeOrmOptions = (
  config: PlatformConfig,
  migrations: readonly MigrationClass[],
): TypeOrmModuleOptions => ({
  type: 'postgres',
  url: config.database.url,
  applicationName: config.serviceName,
  // Commands hold a connection for their transaction; the default of 10 queues them early.
  extra: { max: config.database.poolSize },
  autoLoadEntities: true,
  synchronize: false,
  migrations: [...migrations],
  // Run by createMigratedDataSource under a lock instead, so that instances can start together.
  migrationsRun: false,
  migrationsTransactionMode: 'each',
  logger: new TypeOrmLogger(),
  maxQueryExecutionTime: 1000,
  retryAttempts: 3,
  retryDelay: 1000,
});

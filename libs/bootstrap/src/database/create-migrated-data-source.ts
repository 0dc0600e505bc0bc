import type { DataSourceOptions } from 'typeorm';
import { DataSource } from 'typeorm';

import { poolOf } from '@taizhang/event-store';

import { handleLostConnections } from './lost-connections';

// Advisory locks are per database, and each service has its own: one constant key suffices.
const MIGRATION_LOCK_KEY = 7_410_352_901;

const runMigrationsLocked = async (dataSource: DataSource): Promise<void> => {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    // A second instance starting at the same time waits here, then finds nothing pending.
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
};

/**
 * Opens the DataSource (its pool survives lost sessions) and runs its pending migrations at boot,
 * one instance at a time.
 */
export const createMigratedDataSource = async (
  options?: DataSourceOptions,
): Promise<DataSource> => {
  if (options === undefined) throw new Error('TypeORM options are missing');
  const dataSource = await new DataSource(options).initialize();
  handleLostConnections(poolOf(dataSource));
  try {
    await runMigrationsLocked(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }

  return dataSource;
};

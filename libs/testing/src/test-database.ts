import type { Pool } from 'pg';
import { Client } from 'pg';
import type { MigrationInterface } from 'typeorm';
import { DataSource } from 'typeorm';

import { poolOf } from '@taizhang/event-store';

import { testInfrastructure, uniqueSuffix } from './test-infrastructure';

type MigrationClass = new () => MigrationInterface;

export interface TestDatabase {
  name: string;
  url: string;
  dataSource: DataSource;
  /** The pg pool behind the data source, for code that speaks SQL directly. */
  pool: Pool;
  /** Closes every connection and drops the database. */
  drop(): Promise<void>;
}

const withAdmin = async <T>(adminUrl: string, fn: (client: Client) => Promise<T>): Promise<T> => {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

/** Creates a fresh database for one suite and runs the given migrations in it. */
export const createTestDatabase = async (
  migrations: readonly MigrationClass[],
  options: { poolSize?: number; adminUrl?: string } = {},
): Promise<TestDatabase> => {
  const adminUrl = options.adminUrl ?? testInfrastructure().postgresAdminUrl;
  const name = `taizhang_test_${uniqueSuffix()}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataSource = new DataSource({
    type: 'postgres',
    url: url.toString(),
    migrations: [...migrations],
    migrationsRun: false,
    synchronize: false,
    extra: { max: options.poolSize ?? 20 },
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const pool = poolOf(dataSource);

  return {
    name,
    url: url.toString(),
    dataSource,
    pool,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await withAdmin(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
    },
  };
};

import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The `pg` pool behind a TypeORM data source: the store, the consumers and the read queries
 * speak SQL to PostgreSQL directly and share the service's one pool (TypeORM's driver keeps it as
 * `master`, which its public types do not show).
 */
export const poolOf = (dataSource: DataSource): Pool =>
  (dataSource.driver as unknown as { master: Pool }).master;

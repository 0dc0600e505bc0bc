import { Logger } from '@nestjs/common';

import type { Pool, PoolClient } from 'pg';

const handled = new WeakSet<Pool | PoolClient>();

/**
 * A pg client whose session ends (PostgreSQL restarted or failed over, its backend terminated)
 * emits 'error', and an 'error' nobody listens to ends the process. pg-pool listens to idle
 * clients only: this listens to every client of the pool for its whole life. The query in
 * flight still fails (pg rejects it), the dead client leaves the pool when released, and the
 * next checkout opens a new session.
 */
export const handleLostConnections = (pool: Pool, logger = new Logger('PostgreSQL')): Pool => {
  if (handled.has(pool)) return pool;
  handled.add(pool);
  const lost = (error: Error) =>
    logger.warn(
      { err: error.message },
      'A PostgreSQL session was lost; the next query opens a new one',
    );
  pool.on('error', lost);
  // On checkout, because clients opened before this call (TypeORM's first one) exist already.
  pool.on('acquire', (client) => {
    if (handled.has(client)) return;
    handled.add(client);
    client.on('error', lost);
  });

  return pool;
};

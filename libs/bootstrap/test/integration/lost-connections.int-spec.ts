import { Pool } from 'pg';

import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase } from '@taizhang/testing';

import { handleLostConnections } from '../../src';

describe('handleLostConnections', () => {
  let db: TestDatabase;
  let pool: Pool;
  const silent = { warn: () => undefined } as never;

  beforeAll(async () => {
    db = await createTestDatabase([]);
    pool = handleLostConnections(new Pool({ connectionString: db.url, max: 2 }), silent);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('fails the query of a checked-out client whose session ends, and the pool opens a new one', async () => {
    const client = await pool.connect();
    const { pid } = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))
      .rows[0]!;
    const ended = new Promise((resolve) => client.once('end', resolve));
    await db.pool.query('SELECT pg_terminate_backend($1)', [pid]);
    // The client has seen its session end; an 'error' nobody heard would have ended the process.
    await ended;

    await expect(client.query('SELECT 1')).rejects.toThrow('not queryable');
    client.release();
    const again = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    expect(again.rows[0]!.pid).not.toBe(pid);
  });
});

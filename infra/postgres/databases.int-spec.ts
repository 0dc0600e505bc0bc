import { Client } from 'pg';

import { ensureDatabases, InfrastructureError } from './databases';

const adminUrl =
  process.env['TEST_POSTGRES_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const withDatabase = (url: string, name: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;

  return parsed.toString();
};

describe('ensureDatabases', () => {
  const name = `taizhang_test_ensure_${Date.now().toString(36)}`;
  const env = {
    POSTGRES_ADMIN_URL: adminUrl,
    ORGANISATION_DATABASE_URL: withDatabase(adminUrl, name),
  };

  afterAll(async () => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  });

  it('creates a missing database once and leaves it afterwards', async () => {
    expect(await ensureDatabases(env)).toContain(name);
    expect(await ensureDatabases(env)).not.toContain(name);
  });

  it('says plainly when PostgreSQL does not answer', async () => {
    const unreachable = { POSTGRES_ADMIN_URL: 'postgres://postgres@127.0.0.1:1/postgres' };

    await expect(ensureDatabases(unreachable)).rejects.toThrow(InfrastructureError);
    await expect(ensureDatabases(unreachable)).rejects.toThrow(
      /^PostgreSQL is not reachable at 127\.0\.0\.1:1 .*install and start PostgreSQL 15/,
    );
  });
});

import { postgresAdminUrl, serviceDatabases } from './databases';

// organisation exists from the first slice on, so its database is always listed.
const organisation = (env: NodeJS.ProcessEnv) =>
  serviceDatabases(env).find((database) => database.service === 'organisation');

describe('service databases', () => {
  it('are local taizhang_<service> databases by default', () => {
    expect(organisation({})).toEqual({
      service: 'organisation',
      name: 'taizhang_organisation',
      url: 'postgres://postgres@127.0.0.1:5432/taizhang_organisation',
    });
    expect(postgresAdminUrl({})).toBe('postgres://postgres@127.0.0.1:5432/postgres');
  });

  it('take their server from DATABASE_URL', () => {
    const env = { DATABASE_URL: 'postgres://app:secret@db.example:6432/anything' };

    expect(organisation(env)?.url).toBe(
      'postgres://app:secret@db.example:6432/taizhang_organisation',
    );
    expect(postgresAdminUrl(env)).toBe('postgres://app:secret@db.example:6432/postgres');
  });

  it('take the whole URL from <SERVICE>_DATABASE_URL', () => {
    const env = { ORGANISATION_DATABASE_URL: 'postgres://org@10.0.0.5/org_db' };

    expect(organisation(env)).toEqual({
      service: 'organisation',
      name: 'org_db',
      url: 'postgres://org@10.0.0.5/org_db',
    });
  });

  it('use POSTGRES_ADMIN_URL to create databases when given', () => {
    expect(postgresAdminUrl({ POSTGRES_ADMIN_URL: 'postgres://root@h/template1' })).toBe(
      'postgres://root@h/template1',
    );
  });
});

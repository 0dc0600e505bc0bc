import { Client } from 'pg';

import { services } from '../services';

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DUPLICATE_DATABASE = '42P04';

export interface ServiceDatabase {
  service: string;
  name: string;
  /** Where the service connects: `<NAME>_DATABASE_URL`, else `DATABASE_URL`'s server, else local. */
  url: string;
}

const withDatabase = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;

  return parsed.toString();
};

const envName = (service: string): string =>
  `${service.toUpperCase().replaceAll('-', '_')}_DATABASE_URL`;

/** The server's maintenance database, used to create the service databases. */
export const postgresAdminUrl = (env: NodeJS.ProcessEnv = process.env): string =>
  env['POSTGRES_ADMIN_URL'] ??
  (env['DATABASE_URL'] ? withDatabase(env['DATABASE_URL'], 'postgres') : DEFAULT_ADMIN_URL);

/** The default database name of a service: `taizhang_<name>`, with `_` for `-`. */
export const databaseName = (service: string): string => `taizhang_${service.replaceAll('-', '_')}`;

/** One database per service that owns one (DESIGN §3). */
export const serviceDatabases = (env: NodeJS.ProcessEnv = process.env): ServiceDatabase[] =>
  services()
    .filter((service) => service.database)
    .map((service) => {
      const given = env[envName(service.name)];
      const name = given
        ? decodeURIComponent(new URL(given).pathname.slice(1))
        : databaseName(service.name);
      const url = given ?? withDatabase(env['DATABASE_URL'] ?? DEFAULT_ADMIN_URL, name);

      return { service: service.name, name, url };
    });

const describeServer = (url: string): string => {
  const { hostname, port } = new URL(url);

  return `${hostname}:${port || 5432}`;
};

/** Thrown with a sentence that tells the user what to do. */
export class InfrastructureError extends Error {}

const connect = async (adminUrl: string): Promise<Client> => {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new InfrastructureError(
      `PostgreSQL is not reachable at ${describeServer(adminUrl)} (${(error as Error).message}); install and start PostgreSQL 15 (apt-get install postgresql), or set POSTGRES_ADMIN_URL or DATABASE_URL, or run docker compose up`,
    );
  }

  return client;
};

const createIfMissing = async (client: Client, name: string): Promise<boolean> => {
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount !== 0) return false;
  try {
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);

    return true;
  } catch (error) {
    // A parallel setup created it first: that is fine.
    if ((error as { code?: string }).code === DUPLICATE_DATABASE) return false;
    throw error;
  }
};

/**
 * Checks that PostgreSQL answers and creates each service database that is missing; existing
 * ones are left as they are. Returns the names created.
 */
export const ensureDatabases = async (env: NodeJS.ProcessEnv = process.env): Promise<string[]> => {
  // A database given by its own URL may live on another server; create it there.
  const byServer = new Map<string, string[]>([[postgresAdminUrl(env), []]]);
  for (const database of serviceDatabases(env)) {
    const adminUrl = env[envName(database.service)]
      ? withDatabase(database.url, 'postgres')
      : postgresAdminUrl(env);
    byServer.set(adminUrl, [...(byServer.get(adminUrl) ?? []), database.name]);
  }
  const created: string[] = [];
  for (const [adminUrl, names] of byServer) {
    const client = await connect(adminUrl);
    try {
      for (const name of names) if (await createIfMissing(client, name)) created.push(name);
    } finally {
      await client.end();
    }
  }

  return created;
};

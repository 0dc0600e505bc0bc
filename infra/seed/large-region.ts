import { spawn } from 'node:child_process';
import path from 'node:path';

import { Client } from 'pg';

import { testInfrastructure } from '@taizhang/testing';

const REPO_ROOT = path.resolve(__dirname, '../..');

/** What reporting's seed answers: the region's ids and sizes, and how long it took. */
export interface SeededRegion {
  municipalId: string;
  aUnionId: string;
  unions: number;
  members: number;
  movedOn: string;
  seconds: number;
}

/**
 * Builds the large region (10,000 unions, 1,000,000 members, DESIGN §10) in reporting's read
 * model in the database at `databaseUrl`: reporting's own seed
 * (`services/reporting/src/large-region/`) runs as its own process, so the region goes through
 * reporting's projection code without infra importing a service.
 */
export const seedLargeRegion = (
  databaseUrl: string,
  shape?: {
    districts: number;
    streetsPerDistrict: number;
    unionsPerStreet: number;
    membersPerUnion: number;
  },
): Promise<SeededRegion> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(REPO_ROOT, 'scripts/run-ts.mjs'),
        'services/reporting/src/large-region/seed-large-region.main.ts',
      ],
      {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          ...(shape ? { REGION_SHAPE: JSON.stringify(shape) } : {}),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code === 0) resolve(JSON.parse(last) as SeededRegion);
      else reject(new Error(`the large-region seed exited with ${code}`));
    });
  });

// `node scripts/run-ts.mjs infra/seed/large-region.ts [database]`: drops and creates the database
// (default taizhang_large_region) and builds the region in it.
if (require.main === module) {
  const name = process.argv[2] ?? 'taizhang_large_region';
  const admin = testInfrastructure().postgresAdminUrl;
  const run = async () => {
    const client = new Client({ connectionString: admin });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    console.log(await seedLargeRegion(url.toString()));
  };
  run().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

import { DataSource } from 'typeorm';

import { poolOf } from '@taizhang/event-store';

import { reportingMigrations } from '../reporting.migrations';
import type { RegionShape } from './large-region.seed';
import { LARGE_REGION, seedLargeRegion } from './large-region.seed';

// Run by infra/seed/large-region.ts on an empty database (DATABASE_URL): migrations, then the
// region; prints the seeded region as one JSON line at the end.
const main = async () => {
  const dataSource = new DataSource({
    type: 'postgres',
    url: process.env['DATABASE_URL'],
    migrations: [...reportingMigrations],
    extra: { max: 4 },
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const pool = poolOf(dataSource);
  const shape: RegionShape = process.env['REGION_SHAPE']
    ? (JSON.parse(process.env['REGION_SHAPE']) as RegionShape)
    : LARGE_REGION;
  const started = Date.now();
  const region = await seedLargeRegion(pool, shape, (line) => console.error(line));
  console.log(JSON.stringify({ ...region, seconds: (Date.now() - started) / 1000 }));
  await dataSource.destroy();
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

import type { EventEnvelope } from '@taizhang/contracts';
import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase, startedForSuite } from '@taizhang/testing';

import { reportingMigrations } from '../src/reporting.migrations';
import { projectAll } from './organisation-envelope';

/**
 * A migrated reporting database for the suite, with `events` (organisation's) projected before
 * its tests and dropped after them: `const db = reportingDatabaseForSuite(() => [unit('m', …)])`.
 */
export const reportingDatabaseForSuite = (
  events: () => readonly EventEnvelope[] = () => [],
): TestDatabase =>
  startedForSuite(async () => {
    const db = await createTestDatabase(reportingMigrations);
    await projectAll(db.pool, events());

    return { ...db, close: () => db.drop() };
  });

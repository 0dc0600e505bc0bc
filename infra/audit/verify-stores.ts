import { Pool } from 'pg';

import type { IntegrityReport } from '@taizhang/event-store';
import { verifyIntegrity } from '@taizhang/event-store';

import type { ServiceDatabase } from '../postgres/databases';

export type StoreVerification =
  | { service: string; outcome: 'verified'; report: IntegrityReport }
  | { service: string; outcome: 'skipped'; why: string };

const HAS_EVENT_STORE = `SELECT to_regclass('public.events') IS NOT NULL AS present`;
const MISSING_DATABASE = '3D000';

/** Verifies the hash chain of one service's store; a service without a store is skipped. */
export const verifyStore = async (database: ServiceDatabase): Promise<StoreVerification> => {
  const pool = new Pool({ connectionString: database.url, max: 2 });
  try {
    const { rows } = await pool.query<{ present: boolean }>(HAS_EVENT_STORE);
    if (!rows[0]?.present)
      return { service: database.service, outcome: 'skipped', why: 'it keeps no event store' };

    return { service: database.service, outcome: 'verified', report: await verifyIntegrity(pool) };
  } catch (error) {
    if ((error as { code?: string }).code === MISSING_DATABASE)
      return {
        service: database.service,
        outcome: 'skipped',
        why: `its database ${database.name} does not exist yet (run npm start first)`,
      };
    throw error;
  } finally {
    await pool.end();
  }
};

/** One line per service, in plain words. */
export const describeVerification = (result: StoreVerification): string => {
  if (result.outcome === 'skipped') return `${result.service}: skipped, ${result.why}`;
  const { report } = result;
  if (report.intact)
    return `${result.service}: intact — ${report.eventsChecked} events in ${report.streamsChecked} streams verified`;
  const first = report.firstBreak!;

  return [
    `${result.service}: BROKEN — first broken position ${first.position} (stream ${first.streamId}): ${first.reason}`,
    ...report.breaks
      .slice(1, 10)
      .map((b) => `    also at position ${b.position} (stream ${b.streamId}): ${b.reason}`),
  ].join('\n');
};

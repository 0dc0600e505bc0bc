import type { PoolClient } from 'pg';

import type { EventEnvelope, WorkersHomeRated } from '@taizhang/contracts';

// The decider refuses a title twice for one year: a second row would be a redelivery.
const INSERT_RATING = `
  INSERT INTO workers_home_ratings
    (union_id, year, title, branch_id, awarded_on, awarded_by, recorded_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7)
  ON CONFLICT DO NOTHING`;

/**
 * Keeps each Workers' Home rating (`WorkersHomeRated`) in `workers_home_ratings`, inside the
 * consumer's transaction. A 职工小家 counts under its union, whether or not reporting knows the
 * branch.
 */
export const projectWorkersHomeRatings = async (
  event: EventEnvelope,
  tx: PoolClient,
): Promise<void> => {
  if (event.type !== 'WorkersHomeRated') return;
  const data = event.data as WorkersHomeRated['data'];
  await tx.query(INSERT_RATING, [
    data.unionId,
    data.year,
    data.title,
    data.branchId ?? '',
    data.awardedOn,
    data.awardedByOrgUnitId,
    event.recordedAt,
  ]);
};

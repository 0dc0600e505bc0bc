import type { PoolClient } from 'pg';

import type { EventEnvelope } from '@taizhang/contracts';

import { applyUnitDeltas, LATENESS, LOCK_TREE_SHARED, preparedStatement } from '../as-of';
import { lateRecordOf } from './lateness-figures';

// $1 the unit (or null: the employer's street), $2 the employer, $3 the month, $4 the bucket. The
// record counts in its month: +1 from the month's first day, −1 from the next month's.
const ADD_RECORD = preparedStatement(
  applyUnitDeltas(
    `place AS (
    SELECT coalesce($1::text, (SELECT street_id FROM employer_facts WHERE employer_id = $2::text))
      AS unit_id
  ),
  deltas AS (
    SELECT place.unit_id, x.day, $4::int AS lag_days, x.records
    FROM place, (VALUES ($3::date, 1), (($3::date + interval '1 month')::date, -1)) AS x(day, records)
    WHERE place.unit_id IS NOT NULL)`,
    '',
    LATENESS,
  ),
);

/** Counts the record an event is, by the month it was entered and how late (no other event). */
export const projectLateness = async (event: EventEnvelope, tx: PoolClient): Promise<void> => {
  const record = lateRecordOf(event);
  if (!record) return;
  await tx.query(LOCK_TREE_SHARED);
  await tx.query(
    ADD_RECORD([
      'unitId' in record.place ? record.place.unitId : null,
      'employerId' in record.place ? record.place.employerId : null,
      record.month,
      record.lagDays,
    ]),
  );
};

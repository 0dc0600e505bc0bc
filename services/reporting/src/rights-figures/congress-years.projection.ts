import type { PoolClient } from 'pg';

import { sqlMigration } from '@taizhang/bootstrap';
import type { CongressHeld, EventEnvelope } from '@taizhang/contracts';

import type { FigureDelta } from '../as-of';
import { addFigureDeltas } from '../as-of';
import type { RightsFigure } from './rights-figures';
import { nextNewYear, RIGHTS_FIGURES } from './rights-figures';

/** The day of each union's first congress session of a year: what "this year" counts. */
export const CreateRightsCongressYears1767700000002 = sqlMigration(
  'CreateRightsCongressYears1767700000002',
  {
    up: [
      `CREATE TABLE rights_congress_years (
        union_id text NOT NULL,
        year integer NOT NULL,
        first_day date NOT NULL,
        PRIMARY KEY (union_id, year)
      )`,
    ],
    down: ['DROP TABLE rights_congress_years'],
  },
);

// The earlier of the day kept and this one; answers the day kept before (null: none).
const KEEP_FIRST_DAY = `
  WITH before AS (SELECT first_day FROM rights_congress_years WHERE union_id = $1 AND year = $2)
  INSERT INTO rights_congress_years AS y (union_id, year, first_day) VALUES ($1, $2, $3::date)
  ON CONFLICT (union_id, year) DO UPDATE SET first_day = least(y.first_day, EXCLUDED.first_day)
  RETURNING (SELECT to_char(first_day, 'YYYY-MM-DD') FROM before) AS previous`;

/**
 * 职代会 at least once a year (企业民主管理规定): a union counts in `unions_with_congress` from its
 * first session of a year until that year ends (+1 on the day, −1 on the next 1 January), so a
 * figure as of a date counts the unions with a session in that date's year by then. A session
 * entered late, before the first one known, moves the day.
 */
export const projectCongressYears = async (event: EventEnvelope, tx: PoolClient): Promise<void> => {
  if (event.type !== 'CongressHeld') return;
  const { unionId, heldOn } = event.data as CongressHeld['data'];
  const year = Number(heldOn.slice(0, 4));
  const { rows } = await tx.query<{ previous: string | null }>(KEEP_FIRST_DAY, [
    unionId,
    year,
    heldOn,
  ]);
  const previous = rows[0]?.previous ?? null;
  const at = (day: string, n: number): FigureDelta<RightsFigure> => ({
    unitId: event.orgUnitId,
    day,
    figures: { unions_with_congress: n },
  });
  if (previous === null)
    await addFigureDeltas(tx, RIGHTS_FIGURES, [at(heldOn, 1), at(nextNewYear(heldOn), -1)]);
  else if (heldOn < previous)
    await addFigureDeltas(tx, RIGHTS_FIGURES, [at(previous, -1), at(heldOn, 1)]);
};

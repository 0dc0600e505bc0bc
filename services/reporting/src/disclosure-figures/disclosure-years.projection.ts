import type { PoolClient } from 'pg';

import { sqlMigration } from '@taizhang/bootstrap';
import type { DisclosureRecorded, DisclosureWithdrawn, EventEnvelope } from '@taizhang/contracts';

import type { FigureDelta } from '../as-of';
import { addFigureDeltas } from '../as-of';
import type { DisclosureFigure } from './disclosure-figures';
import { DISCLOSURE_FIGURES } from './disclosure-figures';

/** Each disclosure a union recorded, withdrawn or not: what "a disclosure this year" counts. */
export const CreateRightsDisclosures1768200000002 = sqlMigration(
  'CreateRightsDisclosures1768200000002',
  {
    up: [
      `CREATE TABLE rights_disclosures (
        disclosure_id text PRIMARY KEY,
        union_id text NOT NULL,
        year integer NOT NULL,
        disclosed_on date NOT NULL,
        withdrawn boolean NOT NULL DEFAULT false
      )`,
      `CREATE INDEX rights_disclosures_union_year ON rights_disclosures (union_id, year)
       WHERE NOT withdrawn`,
    ],
    down: ['DROP TABLE rights_disclosures'],
  },
);

// The union's first day of the year among the disclosures not withdrawn (null: none).
const FIRST_DAY = `
  SELECT to_char(min(disclosed_on), 'YYYY-MM-DD') AS first_day FROM rights_disclosures
  WHERE union_id = $1 AND year = $2 AND NOT withdrawn`;
const RECORD = `
  INSERT INTO rights_disclosures (disclosure_id, union_id, year, disclosed_on)
  VALUES ($1, $2, $3, $4::date) ON CONFLICT (disclosure_id) DO NOTHING`;
const WITHDRAW = `
  UPDATE rights_disclosures SET withdrawn = true WHERE disclosure_id = $1 AND NOT withdrawn`;

/** The first day of the year after `day`'s. */
const nextNewYear = (day: string): string => `${Number(day.slice(0, 4)) + 1}-01-01`;

/**
 * 厂务公开 in the year: a union counts in `unions_with_disclosure` from its first disclosure of a
 * year until that year ends (+1 on the day, −1 on the next 1 January). A disclosure entered late,
 * before the first one known, moves the day; one withdrawn (recorded in error) no longer counts,
 * and the union's next disclosure of the year, if any, takes its place. A redelivered event finds
 * its row already written or withdrawn and changes nothing.
 */
export const projectDisclosureYears = async (
  event: EventEnvelope,
  tx: PoolClient,
): Promise<void> => {
  if (event.type !== 'DisclosureRecorded' && event.type !== 'DisclosureWithdrawn') return;
  const { disclosureId, unionId, disclosedOn } = event.data as
    DisclosureRecorded['data'] | DisclosureWithdrawn['data'];
  const year = Number(disclosedOn.slice(0, 4));
  const firstDay = async () =>
    (await tx.query<{ first_day: string | null }>(FIRST_DAY, [unionId, year])).rows[0]?.first_day ??
    null;
  const before = await firstDay();
  const { rowCount } =
    event.type === 'DisclosureRecorded'
      ? await tx.query(RECORD, [disclosureId, unionId, year, disclosedOn])
      : await tx.query(WITHDRAW, [disclosureId]);
  if (rowCount === 0) return;
  const after = await firstDay();
  if (before === after) return;
  const at = (day: string, n: number): FigureDelta<DisclosureFigure> => ({
    unitId: event.orgUnitId,
    day,
    figures: { unions_with_disclosure: n },
  });
  // Off from the day counted before, on from the day counted now, within the same year.
  const deltas: FigureDelta<DisclosureFigure>[] = [];
  if (before !== null) deltas.push(at(before, -1));
  if (after !== null) deltas.push(at(after, 1));
  if (before === null) deltas.push(at(nextNewYear(after!), -1));
  if (after === null) deltas.push(at(nextNewYear(before!), 1));
  await addFigureDeltas(tx, DISCLOSURE_FIGURES, deltas);
};

import type { PoolClient } from 'pg';

import { LOCK_ORG_TREE_SHARED } from '@taizhang/directory';

import { preparedStatement } from './prepared-statement';

/** The employer registry's figures (单位台账): open employers, their workforce, coverage. */
export const EMPLOYER_FIGURES = [
  'employers',
  'workforce',
  'female_workforce',
  'migrant_workforce',
  'new_form_workforce',
  'covered_employers',
  'unionised_workforce',
] as const;

/** What each day adds to or takes from a unit's figures, as-of figures are the sum up to a date. */
export const FIGURES = [
  'members',
  'female_members',
  'migrant_members',
  'new_form_members',
  'retained_memberships',
  'unions',
  'terms_expired',
  ...EMPLOYER_FIGURES,
] as const;

export type Figure = (typeof FIGURES)[number];

const LIST = FIGURES.join(', ');
const ADD = (table: string) =>
  FIGURES.map((f) => `${f} = ${table}.${f} + EXCLUDED.${f}`).join(', ');

// Member figures read the tree's paths while a move rewrites them: the tree takes its lock alone,
// figures share it, so a delta is never attributed by half an old and half a new tree.
export const LOCK_TREE_SHARED = LOCK_ORG_TREE_SHARED;

/**
 * The subtree deltas of the unit deltas in `relation` (unit_id, day, figures…), times `sign`:
 * for every interval of the unit's path that ends after the day, every unit on that path (the
 * unit itself included) gains the delta from the later of the day and the interval's start, and
 * loses it again when the interval ends. So a unit moved on a date carries its figures from its
 * old ancestors to its new ones on that date, and a date before the move stays with the old.
 */
export const subtreeDeltasOf = (relation: string, sign: string) => `
  SELECT a.ancestor_id, x.day, ${FIGURES.map((f) => `sum(x.sign * ${sign} * d.${f})::int AS ${f}`).join(', ')}
  ${ALONG_PATHS(relation)}
  GROUP BY a.ancestor_id, x.day
  ORDER BY a.ancestor_id, x.day`;

const ALONG_PATHS = (relation: string) => `
  FROM ${relation} d
  JOIN org_paths p ON p.unit_id = d.unit_id AND d.day < p.valid_to
  CROSS JOIN LATERAL unnest(string_to_array(p.org_path, '/')) AS a(ancestor_id)
  CROSS JOIN LATERAL (VALUES (greatest(d.day, p.valid_from), 1), (p.valid_to, -1)) AS x(day, sign)
  WHERE x.day <> 'infinity'`;

/** Adds rows (ancestor_id, day, figures…) to subtree_deltas; rows in key order, so no deadlock. */
export const ADD_TO_SUBTREES = (select: string) => `
  INSERT INTO subtree_deltas (ancestor_id, day, ${LIST})
  ${select}
  ON CONFLICT (ancestor_id, day) DO UPDATE SET ${ADD('subtree_deltas')}`;

/**
 * The same along the paths for the headcount dates of counted employers (unit_id, day, as_of,
 * employers): how many employers of a subtree count with headcounts of which date, so the
 * registry's oldest and newest headcount dates of a subtree are one range query too.
 */
export const subtreeHeadcountDatesOf = (relation: string, sign: string) => `
  SELECT a.ancestor_id, x.day, d.as_of, sum(x.sign * ${sign} * d.employers)::int AS employers
  ${ALONG_PATHS(relation)}
  GROUP BY a.ancestor_id, x.day, d.as_of
  ORDER BY a.ancestor_id, x.day, d.as_of`;

export const ADD_TO_SUBTREE_HEADCOUNT_DATES = (select: string) => `
  INSERT INTO subtree_headcount_dates (ancestor_id, day, as_of, employers)
  ${select}
  ON CONFLICT (ancestor_id, day, as_of) DO UPDATE
  SET employers = subtree_headcount_dates.employers + EXCLUDED.employers`;

/**
 * The statement that adds the unit deltas computed by `deltasCte` (one row per unit and day) to
 * `unit_deltas` and, along each unit's paths, to `subtree_deltas`.
 */
export const applyUnitDeltas = (ctes: string, moreWrites = '') => `
  WITH ${ctes},
  unit_up AS (
    INSERT INTO unit_deltas (unit_id, day, ${LIST})
    SELECT unit_id, day, ${LIST} FROM deltas ORDER BY unit_id, day
    ON CONFLICT (unit_id, day) DO UPDATE SET ${ADD('unit_deltas')}
  )${moreWrites}
  ${ADD_TO_SUBTREES(subtreeDeltasOf('deltas', '1'))}`;

const ADD_UNIT_DELTA = preparedStatement(
  applyUnitDeltas(`deltas AS (
    SELECT $1::text AS unit_id, $2::date AS day, ${FIGURES.map((f, i) => `$${i + 3}::int AS ${f}`).join(', ')})`),
);

/** One change of one unit's figures on one day (a union founded, a term expired …). */
export const addUnitDelta = async (
  tx: PoolClient,
  unitId: string,
  day: string,
  figures: Partial<Record<Figure, number>>,
): Promise<void> => {
  await tx.query(LOCK_TREE_SHARED);
  await tx.query(ADD_UNIT_DELTA([unitId, day, ...FIGURES.map((f) => figures[f] ?? 0)]));
};

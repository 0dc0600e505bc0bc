import type { PoolClient } from 'pg';

import {
  ADD_TO_SUBTREE_HEADCOUNT_DATES,
  ADD_TO_SUBTREES,
  LOCK_TREE,
  subtreeDeltasOf,
  subtreeHeadcountDatesOf,
} from './deltas.sql';
import { preparedStatement } from './prepared-statement';

/** A unit's parent from a date ('-infinity' for where it was placed when created). */
export interface Placement {
  unitId: string;
  validFrom: string;
  parentId: string | null;
  kind: string;
}

const PLACE = `
  INSERT INTO org_placements (unit_id, valid_from, parent_id, kind) VALUES ($1, $2, $3, $4)
  ON CONFLICT (unit_id, valid_from) DO NOTHING`;

const CHILDREN = `SELECT DISTINCT unit_id FROM org_placements WHERE parent_id = ANY($1::text[])`;

// Each placement holds until the next; within it, the path is the parent's path over the part
// of the placement each of the parent's own paths covers. A unit whose parent is not known yet
// has no path until the parent arrives (then the parent's recomputation reaches it).
const REMOVE_PATHS = 'DELETE FROM org_paths WHERE unit_id = $1';
const RECOMPUTE_PATHS = preparedStatement(`
  INSERT INTO org_paths (unit_id, valid_from, valid_to, org_path)
  SELECT pl.unit_id,
         greatest(pl.valid_from, coalesce(pp.valid_from, '-infinity')),
         least(pl.valid_to, coalesce(pp.valid_to, 'infinity')),
         coalesce(pp.org_path || '/', '') || pl.unit_id
  FROM (
    SELECT unit_id, valid_from, parent_id,
           coalesce(lead(valid_from) OVER (ORDER BY valid_from), 'infinity') AS valid_to
    FROM org_placements WHERE unit_id = $1
  ) AS pl
  LEFT JOIN org_paths pp
    ON pp.unit_id = pl.parent_id AND pp.valid_to > pl.valid_from AND pp.valid_from < pl.valid_to
  WHERE pl.parent_id IS NULL OR pp.unit_id IS NOT NULL`);

const HAS_DELTAS = 'SELECT 1 FROM unit_deltas WHERE unit_id = ANY($1::text[]) LIMIT 1';

const UNIT_DELTAS_OF = (units: string) =>
  `(SELECT * FROM unit_deltas WHERE unit_id = ANY(${units}))`;
const UNIT_HEADCOUNT_DATES_OF = (units: string) =>
  `(SELECT * FROM unit_headcount_dates WHERE unit_id = ANY(${units}))`;
const attributions = (sign: '-1' | '1') => [
  preparedStatement(ADD_TO_SUBTREES(subtreeDeltasOf(UNIT_DELTAS_OF('$1::text[]'), sign))),
  preparedStatement(
    ADD_TO_SUBTREE_HEADCOUNT_DATES(
      subtreeHeadcountDatesOf(UNIT_HEADCOUNT_DATES_OF('$1::text[]'), sign),
    ),
  ),
];
const ATTRIBUTE = { '-1': attributions('-1'), '1': attributions('1') };

/** Takes the subtree's figures off its current paths (-1) or puts them back along them (1). */
const attribute = async (tx: PoolClient, subtree: string[], sign: '-1' | '1') => {
  for (const statement of ATTRIBUTE[sign]) await tx.query(statement([subtree]));
};

/**
 * Records where a unit sits from a date and, when that is news, recomputes the paths of the unit
 * and of everything under it, moving their figures from the ancestors of the old paths to those
 * of the new ones (take them off along the old paths, put them back along the new). Holds the
 * tree lock alone meanwhile, so no figure is attributed along a half-recomputed tree.
 */
export const placeUnit = async (placement: Placement, tx: PoolClient): Promise<void> => {
  await tx.query(LOCK_TREE);
  const placed = await tx.query(PLACE, [
    placement.unitId,
    placement.validFrom,
    placement.parentId,
    placement.kind,
  ]);
  if (placed.rowCount === 0) return;
  const levels: string[][] = [[placement.unitId]];
  for (;;) {
    const { rows } = await tx.query<{ unit_id: string }>(CHILDREN, [levels[levels.length - 1]]);
    if (rows.length === 0) break;
    levels.push(rows.map((row) => row.unit_id));
  }
  const subtree = levels.flat();
  // A unit new to the tree usually has no figures yet: nothing to carry from old paths to new.
  const carried = (await tx.query(HAS_DELTAS, [subtree])).rowCount !== 0;
  if (carried) await attribute(tx, subtree, '-1');
  for (const unitId of subtree) {
    await tx.query(REMOVE_PATHS, [unitId]);
    await tx.query(RECOMPUTE_PATHS([unitId]));
  }
  if (carried) await attribute(tx, subtree, '1');
};

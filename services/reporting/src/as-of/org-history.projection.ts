import type { PoolClient } from 'pg';

import type { SubtreeMoveHooks } from '@taizhang/directory';

import {
  ADD_TO_SUBTREE_HEADCOUNT_DATES,
  ADD_TO_SUBTREES,
  subtreeDeltasOf,
  subtreeHeadcountDatesOf,
} from './deltas.sql';
import { preparedStatement } from './prepared-statement';

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

/**
 * Takes the subtree's figures off its current paths (-1) or puts them back along them (1). A unit
 * new to the tree usually has no figures yet: then there is nothing to carry.
 */
const attribute = async (tx: PoolClient, subtree: string[], sign: '-1' | '1') => {
  if ((await tx.query(HAS_DELTAS, [subtree])).rowCount === 0) return;
  for (const statement of ATTRIBUTE[sign]) await tx.query(statement([subtree]));
};

/**
 * Figures follow the org tree in time (`@taizhang/directory`): when a placement changes the paths
 * of a subtree, its figures leave the ancestors of the old paths and reach those of the new ones
 * (taken off along the old paths, put back along the new), inside the placement's transaction
 * and under the tree's lock, so no figure is attributed along a half-recomputed tree.
 */
export const FIGURES_FOLLOW_THE_TREE: SubtreeMoveHooks = {
  beforePathsChange: (tx, subtree) => attribute(tx, subtree, '-1'),
  afterPathsChange: (tx, subtree) => attribute(tx, subtree, '1'),
};

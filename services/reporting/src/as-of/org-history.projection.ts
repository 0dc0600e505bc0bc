import type { PoolClient } from 'pg';

import type { SubtreeMoveHooks } from '@taizhang/directory';

import { CONTRACT_FIGURES } from '../contract-figures';
import { DISCLOSURE_FIGURES } from '../disclosure-figures';
import { HOTLINE_FIGURES } from '../hotline-figures';
import { PROTECTION_FIGURES } from '../protection-figures';
import { RIGHTS_FIGURES } from '../rights-figures';
import { ANSWER_FIGURES } from './answer-figures';
import { BRANCH_FIGURES } from './branch-figures';
import { figuresMoveWithSubtree } from './deltas.sql';
import { HEADCOUNT_DATES, LATENESS, ORGANISATION_FIGURES } from './organisation-figures';
import { UNION_TYPE_FIGURES } from './union-type-figures';

// Every figure set kept along the tree: organisation's, and each service's (维权).
const SETS = [
  ORGANISATION_FIGURES,
  HEADCOUNT_DATES,
  UNION_TYPE_FIGURES,
  ANSWER_FIGURES,
  BRANCH_FIGURES,
  RIGHTS_FIGURES,
  CONTRACT_FIGURES,
  PROTECTION_FIGURES,
  HOTLINE_FIGURES,
  DISCLOSURE_FIGURES,
  LATENESS,
];
const carry = figuresMoveWithSubtree(SETS);

// Each table by its primary key (unit_id first): the first unit with figures in any set answers.
const HAS_DELTAS = `${SETS.map(
  (set) => `(SELECT 1 FROM ${set.unitTable} WHERE unit_id = ANY($1::text[]) LIMIT 1)`,
).join(' UNION ALL ')} LIMIT 1`;

// A unit new to the tree usually has no figures yet: then there is nothing to carry.
const hasFigures = async (tx: PoolClient, subtree: string[]) =>
  (await tx.query(HAS_DELTAS, [subtree])).rowCount !== 0;

/**
 * Organisation's figures follow the org tree in time (`@taizhang/directory`): when a placement
 * changes the paths of a subtree, its figures leave the ancestors of the old paths (before) and
 * reach those of the new ones (after), inside the placement's transaction and under the tree's
 * lock, so no figure is attributed along a half-recomputed tree.
 */
export const FIGURES_FOLLOW_THE_TREE: SubtreeMoveHooks = {
  beforePathsChange: async (tx, subtree) => {
    if (await hasFigures(tx, subtree)) await carry.beforePathsChange(tx, subtree);
  },
  afterPathsChange: async (tx, subtree) => {
    if (await hasFigures(tx, subtree)) await carry.afterPathsChange(tx, subtree);
  },
};

import type { PoolClient } from 'pg';

import type { FigureDelta, FigureSet } from './figure-set';
import type { OrganisationFigure } from './organisation-figures';
import { HEADCOUNT_DATES, ORGANISATION_FIGURES } from './organisation-figures';
import { preparedStatement } from './prepared-statement';

const keysOf = (set: FigureSet) => set.keys.map((k) => k.column);
const COLUMNS = (set: FigureSet) => [...keysOf(set), ...set.figures].join(', ');
const ADD = (set: FigureSet, table: string) =>
  set.figures.map((f) => `${f} = ${table}.${f} + EXCLUDED.${f}`).join(', ');

// Member figures read the tree's paths while a move rewrites them: the tree takes this key alone,
// figures share it, so a delta is never attributed by half an old and half a new tree.
export const TREE_LOCK = 7_321_001;
export const LOCK_TREE_SHARED = `SELECT pg_advisory_xact_lock_shared(${TREE_LOCK})`;
export const LOCK_TREE = `SELECT pg_advisory_xact_lock(${TREE_LOCK})`;

/**
 * The subtree deltas of the unit deltas in `relation` (unit_id, day, keys…, figures… of `set`),
 * times `sign`: for every interval of the unit's path that ends after the day, every unit on that
 * path (the unit itself included) gains the delta from the later of the day and the interval's
 * start, and loses it again when the interval ends. So a unit moved on a date carries its figures
 * from its old ancestors to its new ones on that date, and a date before the move stays with the
 * old.
 */
export const subtreeDeltasOf = (
  relation: string,
  sign: string,
  set: FigureSet = ORGANISATION_FIGURES,
) => {
  const by = ['a.ancestor_id', 'x.day', ...keysOf(set).map((k) => `d.${k}`)].join(', ');

  return `
  SELECT ${by}, ${set.figures.map((f) => `sum(x.sign * ${sign} * d.${f})::int AS ${f}`).join(', ')}
  ${ALONG_PATHS(relation)}
  GROUP BY ${by}
  ORDER BY ${by}`;
};

const ALONG_PATHS = (relation: string) => `
  FROM ${relation} d
  JOIN org_paths p ON p.unit_id = d.unit_id AND d.day < p.valid_to
  CROSS JOIN LATERAL unnest(string_to_array(p.org_path, '/')) AS a(ancestor_id)
  CROSS JOIN LATERAL (VALUES (greatest(d.day, p.valid_from), 1), (p.valid_to, -1)) AS x(day, sign)
  WHERE x.day <> 'infinity'`;

/** Adds rows (ancestor_id, day, keys…, figures…) to the set's subtree table; in key order, so no deadlock. */
export const ADD_TO_SUBTREES = (select: string, set: FigureSet = ORGANISATION_FIGURES) => `
  INSERT INTO ${set.subtreeTable} (ancestor_id, day, ${COLUMNS(set)})
  ${select}
  ON CONFLICT (${['ancestor_id', 'day', ...keysOf(set)].join(', ')}) DO UPDATE
  SET ${ADD(set, set.subtreeTable)}`;

/** Adds rows (unit_id, day, keys…, figures…) to the set's unit table. */
export const ADD_TO_UNITS = (select: string, set: FigureSet = ORGANISATION_FIGURES) => `
  INSERT INTO ${set.unitTable} (unit_id, day, ${COLUMNS(set)})
  ${select}
  ON CONFLICT (${['unit_id', 'day', ...keysOf(set)].join(', ')}) DO UPDATE
  SET ${ADD(set, set.unitTable)}`;

/** The same along the paths for the headcount dates of counted employers (`HEADCOUNT_DATES`). */
export const subtreeHeadcountDatesOf = (relation: string, sign: string) =>
  subtreeDeltasOf(relation, sign, HEADCOUNT_DATES);

export const ADD_TO_SUBTREE_HEADCOUNT_DATES = (select: string) =>
  ADD_TO_SUBTREES(select, HEADCOUNT_DATES);

/**
 * The statement that adds the unit deltas computed by the CTE `deltas` (one row per unit, day and
 * keys, with the set's figures) to the set's unit table and, along each unit's paths, to its
 * subtree table.
 */
export const applyUnitDeltas = (
  ctes: string,
  moreWrites = '',
  set: FigureSet = ORGANISATION_FIGURES,
) => `
  WITH ${ctes},
  unit_up AS (
    ${ADD_TO_UNITS(
      `SELECT unit_id, day, ${COLUMNS(set)} FROM deltas
       ORDER BY ${['unit_id', 'day', ...keysOf(set)].join(', ')}`,
      set,
    )}
  )${moreWrites}
  ${ADD_TO_SUBTREES(subtreeDeltasOf('deltas', '1', set), set)}`;

// One statement text per set (and sign): planned once per connection.
const statements = new Map<string, ReturnType<typeof preparedStatement>>();
const prepared = (text: string) => {
  let statement = statements.get(text);
  if (!statement) statements.set(text, (statement = preparedStatement(text)));

  return statement;
};

const ADD_DELTAS = (set: FigureSet) =>
  applyUnitDeltas(
    `deltas AS (
    SELECT unit_id, day, ${set.figures.map((f) => `sum(${f})::int AS ${f}`).join(', ')}
    FROM unnest($1::text[], $2::date[], ${set.figures.map((_, i) => `$${i + 3}::int[]`).join(', ')})
      AS x(unit_id, day, ${set.figures.join(', ')})
    GROUP BY unit_id, day)`,
    '',
    set,
  );

/**
 * Adds figure deltas (any units, any days) to a set without further keys, in the caller's
 * transaction: the whole write of a figure set whose events say directly what changes where.
 */
export const addFigureDeltas = async <F extends string>(
  tx: PoolClient,
  set: FigureSet<F>,
  deltas: readonly FigureDelta<F>[],
): Promise<void> => {
  if (deltas.length === 0) return;
  if (set.keys.length > 0)
    throw new Error(`Figure set ${set.name} has keys: write its rows itself`);
  await tx.query(LOCK_TREE_SHARED);
  await tx.query(
    prepared(ADD_DELTAS(set))([
      deltas.map((d) => d.unitId),
      deltas.map((d) => d.day),
      ...set.figures.map((f) => deltas.map((d) => d.figures[f] ?? 0)),
    ]),
  );
};

/** One change of one unit's organisation figures on one day (a union founded, a term expired …). */
export const addUnitDelta = (
  tx: PoolClient,
  unitId: string,
  day: string,
  figures: Partial<Record<OrganisationFigure, number>>,
): Promise<void> => addFigureDeltas(tx, ORGANISATION_FIGURES, [{ unitId, day, figures }]);

const ATTRIBUTE = (set: FigureSet, sign: '-1' | '1') =>
  ADD_TO_SUBTREES(
    subtreeDeltasOf(`(SELECT * FROM ${set.unitTable} WHERE unit_id = ANY($1::text[]))`, sign, set),
    set,
  );

/**
 * Takes the figures of the units of a subtree off their current paths (-1) or puts them back
 * along them (1), for each set: a move of the subtree does the first before its paths change and
 * the second after, under the tree lock.
 */
export const attributeFigureSets = async (
  tx: PoolClient,
  subtree: readonly string[],
  sign: '-1' | '1',
  sets: readonly FigureSet[],
): Promise<void> => {
  for (const set of sets) await tx.query(prepared(ATTRIBUTE(set, sign))([subtree]));
};

/** The hooks of a subtree move that carry the figures of `sets` from the old paths to the new. */
export const figuresMoveWithSubtree = (sets: readonly FigureSet[]) => ({
  beforePathsChange: (tx: PoolClient, subtree: readonly string[]) =>
    attributeFigureSets(tx, subtree, '-1', sets),
  afterPathsChange: (tx: PoolClient, subtree: readonly string[]) =>
    attributeFigureSets(tx, subtree, '1', sets),
});

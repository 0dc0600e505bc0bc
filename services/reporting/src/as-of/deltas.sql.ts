import type { PoolClient } from 'pg';

import { LOCK_ORG_TREE_SHARED } from '@taizhang/directory';

import type { FigureDelta, FigureSet } from './figure-set';
import { knownTable } from './figure-set';
import type { OrganisationFigure } from './organisation-figures';
import { HEADCOUNT_DATES, ORGANISATION_FIGURES } from './organisation-figures';
import { preparedStatement } from './prepared-statement';

const keysOf = (set: FigureSet) => set.keys.map((k) => k.column);
const COLUMNS = (set: FigureSet) => [...keysOf(set), ...set.figures].join(', ');
const ADD = (set: FigureSet, table: string) =>
  set.figures.map((f) => `${f} = ${table}.${f} + EXCLUDED.${f}`).join(', ');

// Member figures read the tree's paths while a move rewrites them: the tree takes its lock alone,
// figures share it, so a delta is never attributed by half an old and half a new tree.
export const LOCK_TREE_SHARED = LOCK_ORG_TREE_SHARED;

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

/**
 * The instant the event being applied was recorded (`stampRecordedAt`, from its envelope's
 * `recordedAt`: not when reporting received it), or "known since always" outside a consumer.
 */
export const RECORDED_AT = `coalesce(nullif(current_setting('reporting.recorded_at', true), '')::timestamptz, '-infinity'::timestamptz)`;

const STAMP = preparedStatement(`SELECT set_config('reporting.recorded_at', $1, true)`);

/**
 * Every delta written in the rest of the transaction (until stamped again) is recorded at this
 * instant (`recordedAt` of the event applied): the topic's consumer stamps each event before its
 * projections, so a figure set written with `addFigureDeltas`/`applyUnitDeltas` is logged by
 * recording time without doing anything.
 */
export const stampRecordedAt = async (tx: PoolClient, recordedAt: string): Promise<void> => {
  await tx.query(STAMP([recordedAt]));
};

const NONZERO = (set: FigureSet, sum: (f: string) => string) =>
  set.figures.map((f) => `${sum(f)} <> 0`).join(' OR ');

/**
 * The writes (CTEs, each led by a comma) that log the unit deltas in `relation` (alias d: unit_id,
 * day, keys…, figures…) by recording time: to the set's unit log, and along the unit's paths to
 * its subtree log (as `subtreeDeltasOf` does for the plain tables). `recorded` is the SQL of the
 * instant (a column of d, or `RECORDED_AT`). Rows that sum to nothing are not written.
 */
export const knownWrites = (
  relation: string,
  set: FigureSet,
  recorded: string,
  name: string,
): string => {
  const keys = keysOf(set).map((k) => `d.${k}`);
  // The expression, not its name: a name in GROUP BY is the input's column first.
  const unitBy = ['d.unit_id', recorded, 'd.day', ...keys].join(', ');
  const unitSum = (f: string) => `sum(d.${f})`;

  return `,
  ${name}_unit_known AS (
    INSERT INTO ${knownTable(set.unitTable)} (unit_id, recorded_at, day, ${COLUMNS(set)})
    SELECT d.unit_id, ${recorded} AS recorded_at, d.day, ${[...keys, ...set.figures.map((f) => `${unitSum(f)}::int`)].join(', ')}
    FROM ${relation} d
    GROUP BY ${unitBy} HAVING ${NONZERO(set, unitSum)}
    ORDER BY ${unitBy}
    ON CONFLICT (${['unit_id', 'recorded_at', 'day', ...keysOf(set)].join(', ')}) DO UPDATE
    SET ${ADD(set, knownTable(set.unitTable))}
  ),
  ${name}_subtree_known AS (
    ${ADD_TO_SUBTREES_KNOWN(subtreeKnownDeltasOf(relation, '1', set, recorded), set)}
  )`;
};

/** As `subtreeDeltasOf`, by recording time: (ancestor_id, recorded_at, day, keys…, figures…). */
export const subtreeKnownDeltasOf = (
  relation: string,
  sign: string,
  set: FigureSet,
  recorded: string,
) => {
  const by = ['a.ancestor_id', recorded, 'x.day', ...keysOf(set).map((k) => `d.${k}`)].join(', ');
  const sum = (f: string) => `sum(x.sign * ${sign} * d.${f})`;

  return `
  SELECT a.ancestor_id, ${recorded} AS recorded_at, x.day, ${[...keysOf(set).map((k) => `d.${k}`), ...set.figures.map((f) => `${sum(f)}::int AS ${f}`)].join(', ')}
  ${ALONG_PATHS(relation)}
  GROUP BY ${by} HAVING ${NONZERO(set, sum)}
  ORDER BY ${by}`;
};

const ADD_TO_SUBTREES_KNOWN = (select: string, set: FigureSet) => `
  INSERT INTO ${knownTable(set.subtreeTable)} (ancestor_id, recorded_at, day, ${COLUMNS(set)})
  ${select}
  ON CONFLICT (${['ancestor_id', 'recorded_at', 'day', ...keysOf(set)].join(', ')}) DO UPDATE
  SET ${ADD(set, knownTable(set.subtreeTable))}`;

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
 * The statement that adds the unit deltas computed by the CTE `deltas` (unit_id, day, keys…, the
 * set's figures; several rows of one unit and day are summed) to the set's unit table and, along
 * each unit's paths, to its subtree table, and logs them by recording time: `recorded` is the SQL
 * of the instant (default: the event's, `RECORDED_AT`; a column `d.recorded_at` of `deltas` when
 * one statement writes the steps of several events).
 */
export const applyUnitDeltas = (
  ctes: string,
  moreWrites = '',
  set: FigureSet = ORGANISATION_FIGURES,
  recorded: string = RECORDED_AT,
  logged = true,
) => `
  WITH ${ctes},
  unit_up AS (
    ${ADD_TO_UNITS(
      `SELECT ${['unit_id', 'day', ...keysOf(set)].join(', ')}, ${set.figures.map((f) => `sum(${f})::int AS ${f}`).join(', ')}
       FROM deltas GROUP BY ${['unit_id', 'day', ...keysOf(set)].join(', ')}
       ORDER BY ${['unit_id', 'day', ...keysOf(set)].join(', ')}`,
      set,
    )}
  )${logged ? knownWrites('deltas', set, recorded, 'deltas') : ''}${moreWrites}
  ${ADD_TO_SUBTREES(subtreeDeltasOf('deltas', '1', set), set)}`;

// One statement text per set (and sign): planned once per connection.
const statements = new Map<string, ReturnType<typeof preparedStatement>>();
const prepared = (text: string) => {
  let statement = statements.get(text);
  if (!statement) statements.set(text, (statement = preparedStatement(text)));

  return statement;
};

// $1 units, $2 days, $3 the recording instant (null: the event's), then one array per figure.
const ADD_DELTAS = (set: FigureSet) =>
  applyUnitDeltas(
    `deltas AS (
    SELECT unit_id, day, ${set.figures.map((f) => `sum(${f})::int AS ${f}`).join(', ')}
    FROM unnest($1::text[], $2::date[], ${set.figures.map((_, i) => `$${i + 4}::int[]`).join(', ')})
      AS x(unit_id, day, ${set.figures.join(', ')})
    GROUP BY unit_id, day)`,
    '',
    set,
    `coalesce($3::timestamptz, ${RECORDED_AT})`,
  );

/**
 * Adds figure deltas (any units, any days) to a set without further keys, in the caller's
 * transaction: the whole write of a figure set whose events say directly what changes where.
 * They are logged as recorded at `recordedAt` (the event's), else at the instant the consumer
 * stamped for the event it applies (`stampRecordedAt`).
 */
export const addFigureDeltas = async <F extends string>(
  tx: PoolClient,
  set: FigureSet<F>,
  deltas: readonly FigureDelta<F>[],
  recordedAt: string | null = null,
): Promise<void> => {
  if (deltas.length === 0) return;
  if (set.keys.length > 0)
    throw new Error(`Figure set ${set.name} has keys: write its rows itself`);
  await tx.query(LOCK_TREE_SHARED);
  await tx.query(
    prepared(ADD_DELTAS(set))([
      deltas.map((d) => d.unitId),
      deltas.map((d) => d.day),
      recordedAt,
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

// The log moves too: what was attributed along the old paths is taken off, and added along the
// new, as recorded at the later of its own instant and the move's, so that figures known before
// the move was recorded keep the old attribution.
const ATTRIBUTE = (set: FigureSet, sign: '-1' | '1') => `
  WITH known_moved AS (
    ${ADD_TO_SUBTREES_KNOWN(
      subtreeKnownDeltasOf(
        `(SELECT * FROM ${knownTable(set.unitTable)} WHERE unit_id = ANY($1::text[]))`,
        sign,
        set,
        `greatest(d.recorded_at, ${RECORDED_AT})`,
      ),
      set,
    )}
  )
  ${ADD_TO_SUBTREES(
    subtreeDeltasOf(`(SELECT * FROM ${set.unitTable} WHERE unit_id = ANY($1::text[]))`, sign, set),
    set,
  )}`;

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

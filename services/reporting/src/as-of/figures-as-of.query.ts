import type { Pool } from 'pg';

import type { FigureSet } from './figure-set';
import { knownTable } from './figure-set';
import { HEADCOUNT_DATES, MEMBER_FIGURES, ORGANISATION_FIGURES } from './organisation-figures';

/** What a federation officer reads for a unit: its whole subtree summed (DESIGN §6). */
export interface OrgUnitSummary {
  orgUnitId: string;
  unions: number;
  members: number;
  femaleMembers: number;
  migrantMembers: number;
  newFormMembers: number;
  retainedMemberships: number;
  /** Unions whose committee term ran out without re-election (换届预警). */
  termsExpired: number;
}

/** The employer registry's figures of a subtree, with where they come from (DESIGN §6). */
export interface EmployerFigures {
  /** Open employers in the registry (单位数): the denominator of 建会率. */
  employers: number;
  /** Workers of the open employers (职工数): the denominator of 入会率 over all workforce. */
  workforce: number;
  /** Of them women (女职工数): the denominator of 女职工入会率. */
  femaleWorkforce: number;
  /** Of them migrant workers (农民工数): the denominator of 农民工入会率. */
  migrantWorkforce: number;
  /** Of them in new forms of employment (新就业形态劳动者数): the denominator of its 入会率. */
  newFormWorkforce: number;
  /** Open employers covered by an established union (已建会单位数): the numerator of 建会率. */
  coveredEmployers: number;
  /** Workers of the covered employers: the denominator of 入会率 over unionised employers. */
  workforceOfUnionisedEmployers: number;
  /** Source and dates of these figures: the registry, and the range of its headcount dates. */
  employerRegistry: {
    source: 'employer-registry';
    oldestHeadcountsAsOf: string | null;
    newestHeadcountsAsOf: string | null;
  };
}

// $2 is the asked date, or null for now (everything recorded; dates are never in the future).
const AT = (alias: string) =>
  `(($2::date IS NULL AND ${alias}.valid_to = 'infinity') OR (${alias}.valid_from <= $2::date AND $2::date < ${alias}.valid_to))`;

/** The unit's path on the date (or now), or null when it had none then. */
const PATH_AT = `SELECT org_path FROM org_paths p WHERE p.unit_id = $1 AND ${AT('p')}`;

/**
 * One range sum over what the unit's subtree gained and lost day by day, for these figures of the
 * set, and `more` columns; $1 the unit, $2 the date or null.
 */
const SUM_FIGURES = (set: FigureSet, figures: readonly string[], more = '') => `
  SELECT ${figures.map((f) => `coalesce(sum(${f}), 0)::bigint::text AS ${f}`).join(', ')}${more}
  FROM ${set.subtreeTable} WHERE ancestor_id = $1 AND ($2::date IS NULL OR day <= $2::date)`;

/** The same sum over what the unit itself gained and lost (not its subtree): $1 the unit. */
const SUM_OWN_FIGURES = (set: FigureSet, figures: readonly string[]) => `
  SELECT ${figures.map((f) => `coalesce(sum(${f}), 0)::bigint::text AS ${f}`).join(', ')}
  FROM ${set.unitTable} WHERE unit_id = $1 AND ($2::date IS NULL OR day <= $2::date)`;

/**
 * The rows of a set's table for the unit ($1) up to the date ($2), less those recorded after the
 * instant $3 (from the table's log: "now minus what came later", so the cost grows with what was
 * recorded since $3, not with history). `first` is the table's first key column.
 */
const ROWS_KNOWN = (
  table: string,
  first: 'ancestor_id' | 'unit_id',
  columns: readonly string[],
  figures: readonly string[],
) => `(
  SELECT ${[...columns, ...figures].join(', ')}
  FROM ${table} WHERE ${first} = $1 AND ($2::date IS NULL OR day <= $2::date)
  UNION ALL
  SELECT ${[...columns, ...figures.map((f) => `-${f}`)].join(', ')}
  FROM ${knownTable(table)}
  WHERE ${first} = $1 AND recorded_at > $3::timestamptz AND ($2::date IS NULL OR day <= $2::date)
) AS known_rows`;

/** As `SUM_FIGURES` (or `SUM_OWN_FIGURES`), as known at the instant $3 (DESIGN §7). */
const SUM_FIGURES_KNOWN = (
  set: FigureSet,
  figures: readonly string[],
  more = '',
  of: 'subtree' | 'unit' = 'subtree',
) => `
  SELECT ${figures.map((f) => `coalesce(sum(${f}), 0)::bigint::text AS ${f}`).join(', ')}${more}
  FROM ${
    of === 'unit'
      ? ROWS_KNOWN(set.unitTable, 'unit_id', [], figures)
      : ROWS_KNOWN(set.subtreeTable, 'ancestor_id', [], figures)
  }`;

const numbers = <F extends string>(figures: readonly F[], row: Record<F, string>) =>
  Object.fromEntries(figures.map((f) => [f, Number(row[f])])) as Record<F, number>;

/**
 * A figure set's figures (or some of them) of a unit's subtree on a date (null: now), or of the
 * unit alone (`of: 'unit'`, what it holds itself), as known at an instant (`knownAt`, null: now):
 * what was recorded after it is left out. Every set has this: its log by recording time is
 * written with its tables.
 */
export const figuresAsOf = async <F extends string>(
  pool: Pool,
  set: FigureSet<F>,
  orgUnitId: string,
  asOf: string | null,
  figures: readonly F[] = set.figures,
  of: 'subtree' | 'unit' = 'subtree',
  knownAt: string | null = null,
): Promise<Record<F, number>> => {
  const sum =
    knownAt !== null
      ? SUM_FIGURES_KNOWN(set, figures, '', of)
      : of === 'unit'
        ? SUM_OWN_FIGURES(set, figures)
        : SUM_FIGURES(set, figures);
  const { rows } = await pool.query<Record<F, string>>(
    sum,
    knownAt === null ? [orgUnitId, asOf] : [orgUnitId, asOf, knownAt],
  );

  return numbers(figures, rows[0]!);
};

/**
 * What a unit holds itself on a date (null: now), outside every child: the memberships a
 * federation holds (保留会籍, a dissolved union's members among them) and a street's employers.
 * With it the children of a unit add up to the unit, on any date.
 */
export const ownFiguresAsOf = (
  pool: Pool,
  orgUnitId: string,
  asOf: string | null,
  knownAt: string | null = null,
): Promise<Record<(typeof OWN_FIGURES)[number], number>> =>
  figuresAsOf(pool, ORGANISATION_FIGURES, orgUnitId, asOf, OWN_FIGURES, 'unit', knownAt);

const SUMMARY_FIGURES = [...MEMBER_FIGURES, 'unions', 'terms_expired'] as const;
const REGISTRY_FIGURES = [
  'employers',
  'workforce',
  'female_workforce',
  'migrant_workforce',
  'new_form_workforce',
  'covered_employers',
  'unionised_workforce',
] as const;

const OWN_FIGURES = [...SUMMARY_FIGURES, ...REGISTRY_FIGURES] as const;

// The employers of the streets in the subtree on that date, pre-summed like the members: open
// ones with the headcounts recorded last on or before it, covered by a union that existed then;
// and the dates of the headcounts counted.
const DATES = (rows: string) => `
  WITH dates AS (
    SELECT as_of FROM ${rows}
    GROUP BY as_of HAVING sum(employers) > 0
  )`;
const DATE_RANGE = `,
         (SELECT to_char(min(as_of), 'YYYY-MM-DD') FROM dates) AS oldest,
         (SELECT to_char(max(as_of), 'YYYY-MM-DD') FROM dates) AS newest`;
const SUM_EMPLOYERS = `${DATES(
  `${HEADCOUNT_DATES.subtreeTable}
    WHERE ancestor_id = $1 AND ($2::date IS NULL OR day <= $2::date)`,
)}
  ${SUM_FIGURES(ORGANISATION_FIGURES, REGISTRY_FIGURES, DATE_RANGE)}`;
const SUM_EMPLOYERS_KNOWN = `${DATES(ROWS_KNOWN(HEADCOUNT_DATES.subtreeTable, 'ancestor_id', ['as_of'], ['employers']))}
  ${SUM_FIGURES_KNOWN(ORGANISATION_FIGURES, REGISTRY_FIGURES, DATE_RANGE)}`;

// Direct children on that date: a union only while it existed (founded, not yet ended). As known
// at an instant, every union below is listed: the caller keeps those whose figures as known then
// count them (a union whose founding or end was recorded later is not yet or still there).
const CHILDREN_BELOW = `
  WITH unit AS (${PATH_AT})
  SELECT p.unit_id FROM unit, org_paths p
  LEFT JOIN union_life l ON l.union_id = p.unit_id
  WHERE ${AT('p')}
    AND starts_with(p.org_path, unit.org_path || '/')
    AND strpos(substr(p.org_path, length(unit.org_path) + 2), '/') = 0`;
const CHILDREN = `${CHILDREN_BELOW}
    AND (l.union_id IS NULL
      OR ($2::date IS NULL AND l.ended_on IS NULL)
      OR (l.established_on <= $2::date AND (l.ended_on IS NULL OR l.ended_on > $2::date)))`;

/** The member and union figures of a unit's subtree on a date (null: now). */
export const subtreeFiguresAsOf = async (
  pool: Pool,
  orgUnitId: string,
  asOf: string | null,
  knownAt: string | null = null,
): Promise<OrgUnitSummary> => {
  const sums = await figuresAsOf(
    pool,
    ORGANISATION_FIGURES,
    orgUnitId,
    asOf,
    SUMMARY_FIGURES,
    'subtree',
    knownAt,
  );

  return {
    orgUnitId,
    unions: sums.unions,
    members: sums.members,
    femaleMembers: sums.female_members,
    migrantMembers: sums.migrant_members,
    newFormMembers: sums.new_form_members,
    retainedMemberships: sums.retained_memberships,
    termsExpired: sums.terms_expired,
  };
};

/** Employers and workforce of the open employers of a unit's subtree on a date (null: now). */
export const employerFiguresAsOf = async (
  pool: Pool,
  orgUnitId: string,
  asOf: string | null,
  knownAt: string | null = null,
): Promise<EmployerFigures> => {
  const { rows } = await pool.query<
    Record<(typeof REGISTRY_FIGURES)[number], string> & {
      oldest: string | null;
      newest: string | null;
    }
  >(
    knownAt === null ? SUM_EMPLOYERS : SUM_EMPLOYERS_KNOWN,
    knownAt === null ? [orgUnitId, asOf] : [orgUnitId, asOf, knownAt],
  );
  const row = rows[0]!;
  const sums = numbers(REGISTRY_FIGURES, row);

  return {
    employers: sums.employers,
    workforce: sums.workforce,
    femaleWorkforce: sums.female_workforce,
    migrantWorkforce: sums.migrant_workforce,
    newFormWorkforce: sums.new_form_workforce,
    coveredEmployers: sums.covered_employers,
    workforceOfUnionisedEmployers: sums.unionised_workforce,
    employerRegistry: {
      source: 'employer-registry',
      oldestHeadcountsAsOf: row.oldest,
      newestHeadcountsAsOf: row.newest,
    },
  };
};

/**
 * The direct children a unit had on a date (null: now); with `everyUnion`, unions that had ended
 * by then or were not yet founded too (figures as known at an instant sort them out).
 */
export const childrenAsOf = async (
  pool: Pool,
  orgUnitId: string,
  asOf: string | null,
  { everyUnion = false } = {},
): Promise<string[]> =>
  (
    await pool.query<{ unit_id: string }>(everyUnion ? CHILDREN_BELOW : CHILDREN, [orgUnitId, asOf])
  ).rows.map((row) => row.unit_id);

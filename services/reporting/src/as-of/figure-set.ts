/**
 * A figure set 指标集: named figures (columns) that a source's events change per org unit and
 * business date, kept in the set's own pair of tables — what each unit gains or loses on a day
 * (`unitTable`: unit_id, day, keys…, figures…) and the same along every ancestor the unit had on
 * that day (`subtreeTable`: ancestor_id, day, keys…, figures…) — so that a unit's figures as of a
 * date are one range sum, and a new set never alters another set's tables.
 */
export interface FigureSet<F extends string = string> {
  name: string;
  figures: readonly F[];
  unitTable: string;
  subtreeTable: string;
  /** Further key columns of both tables (text, date …), for figures broken down by them. */
  keys: readonly { column: string; type: string }[];
}

/**
 * The log of a set's table by recording time (DESIGN §7 "as known at"): the same rows with the
 * instant each was recorded (`recorded_at`, the event's `recordedAt`), so that figures as known at
 * T leave out what was recorded after T. Named after the table, so every set has one.
 */
export const knownTable = (table: string): string => `${table}_known`;

/** One change of figures: what a unit gains (+) or loses (−) from a business date on. */
export interface FigureDelta<F extends string = string> {
  unitId: string;
  day: string;
  figures: Partial<Record<F, number>>;
}

// Names go into SQL text: only plain lower-case identifiers.
const IDENTIFIER = /^[a-z][a-z0-9_]*$/;

/** Declares a figure set; its tables are `<name>_unit_deltas` and `<name>_subtree_deltas`. */
export const figureSet = <F extends string>(
  name: string,
  figures: readonly F[],
  tables: Partial<Pick<FigureSet, 'unitTable' | 'subtreeTable' | 'keys'>> = {},
): FigureSet<F> => {
  const set: FigureSet<F> = {
    name,
    figures,
    unitTable: tables.unitTable ?? `${name}_unit_deltas`,
    subtreeTable: tables.subtreeTable ?? `${name}_subtree_deltas`,
    keys: tables.keys ?? [],
  };
  const names = [
    knownTable(set.unitTable),
    knownTable(set.subtreeTable),
    ...figures,
    ...set.keys.map((k) => k.column),
  ];
  const bad = names.filter((n) => !IDENTIFIER.test(n));
  if (bad.length > 0 || figures.length === 0)
    throw new Error(`Figure set ${name}: figures and tables need plain names (${bad.join(', ')})`);

  return set;
};

import { figureSet } from './figure-set';

/** What a member adds where they count: active membership and its parts, or a retained one. */
export const MEMBER_FIGURES = [
  'members',
  'female_members',
  'migrant_members',
  'new_form_members',
  'retained_memberships',
] as const;

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

/**
 * The figures of organisation's topic (members, unions, 换届预警, the employer registry), in
 * the first tables reporting had: `unit_deltas` and `subtree_deltas`.
 */
export const ORGANISATION_FIGURES = figureSet(
  'organisation',
  [...MEMBER_FIGURES, 'unions', 'terms_expired', ...EMPLOYER_FIGURES],
  { unitTable: 'unit_deltas', subtreeTable: 'subtree_deltas' },
);

export type OrganisationFigure = (typeof ORGANISATION_FIGURES.figures)[number];

/**
 * How many counted employers of a unit have headcounts of which date (`as_of`): the registry's
 * oldest and newest headcount dates of a subtree are one range query too.
 */
export const HEADCOUNT_DATES = figureSet('headcount_dates', ['employers'], {
  unitTable: 'unit_headcount_dates',
  subtreeTable: 'subtree_headcount_dates',
  keys: [{ column: 'as_of', type: 'date' }],
});

/**
 * How late records are entered (DESIGN §6 data quality) 录入及时性: records by recording month and
 * lag bucket, per unit and summed along its ancestors like every figure set. A record counts in
 * the month it was entered: +1 on the month's first day and −1 on the next month's, so a month's
 * records under a unit are the range sum up to its first day, rolled up under the parents units
 * had on that day.
 */
export const LATENESS = figureSet('lateness', ['records'], {
  keys: [{ column: 'lag_days', type: 'integer' }],
});

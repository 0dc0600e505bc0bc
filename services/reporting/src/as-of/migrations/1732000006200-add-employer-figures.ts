import { sqlMigration } from '@taizhang/bootstrap';

import { recomputeAllEmployers } from '../employer-timeline.projection';
import { EMPLOYER_FIGURES } from '../organisation-figures';

const COLUMNS = (type: string) => EMPLOYER_FIGURES.map((f) => `${f} ${type} NOT NULL DEFAULT 0`);
const DELTA_TABLES = ['unit_deltas', 'subtree_deltas'];

/**
 * Employer figures pre-summed like the member figures (DESIGN §10): each employer's contribution
 * as a step function (`employer_steps`), its differences added to the unit and subtree day
 * deltas, and the dates of the headcounts counted (`…_headcount_dates`) for the registry's date
 * range; mergers (`union_merges`) hand a union's coverage to the receiving union. A covering index
 * makes a unit's range sum an index-only scan.
 */
export const AddEmployerFigures1732000006200 = sqlMigration('AddEmployerFigures1732000006200', {
  up: [
    ...DELTA_TABLES.map(
      (table) =>
        `ALTER TABLE ${table} ${COLUMNS('integer')
          .map((column) => `ADD COLUMN ${column}`)
          .join(', ')}`,
    ),
    `
      CREATE TABLE employer_steps (
        employer_id      text NOT NULL,
        day              date NOT NULL,
        unit_id          text NOT NULL,
        headcounts_as_of date,
        ${COLUMNS('integer').join(',\n        ')},
        PRIMARY KEY (employer_id, day)
      )`,
    `
      CREATE TABLE unit_headcount_dates (
        unit_id   text    NOT NULL,
        day       date    NOT NULL,
        as_of     date    NOT NULL,
        employers integer NOT NULL,
        PRIMARY KEY (unit_id, day, as_of)
      )`,
    `
      CREATE TABLE subtree_headcount_dates (
        ancestor_id text    NOT NULL,
        day         date    NOT NULL,
        as_of       date    NOT NULL,
        employers   integer NOT NULL,
        PRIMARY KEY (ancestor_id, day, as_of)
      )`,
    `
      CREATE TABLE union_merges (
        union_id      text PRIMARY KEY,
        into_union_id text NOT NULL,
        merged_on     date NOT NULL
      )`,
    'CREATE INDEX union_merges_into ON union_merges (into_union_id)',
    'CREATE INDEX union_coverage_employer ON union_coverage (employer_id) INCLUDE (union_id)',
    // Index-only range sums: every figure in the index (the heap is never read once vacuumed).
    `
      CREATE INDEX subtree_deltas_covering ON subtree_deltas (ancestor_id, day)
      INCLUDE (${[
        'members',
        'female_members',
        'migrant_members',
        'new_form_members',
        'retained_memberships',
        'unions',
        'terms_expired',
        ...EMPLOYER_FIGURES,
      ].join(', ')})`,
    // Employers already known; the tree, unions and mergers come from the replay (README).
    ...recomputeAllEmployers(false),
  ],
  down: [
    'DROP INDEX subtree_deltas_covering, union_coverage_employer',
    'DROP TABLE union_merges, subtree_headcount_dates, unit_headcount_dates, employer_steps',
    ...DELTA_TABLES.map(
      (table) =>
        `ALTER TABLE ${table} ${EMPLOYER_FIGURES.map((f) => `DROP COLUMN ${f}`).join(', ')}`,
    ),
  ],
});

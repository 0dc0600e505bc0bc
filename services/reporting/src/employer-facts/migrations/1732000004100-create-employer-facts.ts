import { sqlMigration } from '@taizhang/bootstrap';

/**
 * One row per employer of the registry (单位台账) with its latest figures; a unit's employers and
 * workforce are summed over its subtree by path prefix, like org_unit_facts.
 */
export const CreateEmployerFacts1732000004100 = sqlMigration('CreateEmployerFacts1732000004100', {
  up: [
    `
      CREATE TABLE employer_facts (
        employer_id        text    PRIMARY KEY,
        street_id          text    NOT NULL,
        org_path           text    NOT NULL,
        kind               text    NOT NULL,
        registered_on      date    NOT NULL,
        headcount          integer NOT NULL,
        female_headcount   integer NOT NULL,
        migrant_headcount  integer NOT NULL,
        new_form_headcount integer NOT NULL,
        headcounts_as_of   date    NOT NULL,
        closed_on          date
      )`,
    'CREATE INDEX employer_facts_subtree ON employer_facts (org_path text_pattern_ops)',
  ],
  down: ['DROP TABLE employer_facts'],
});

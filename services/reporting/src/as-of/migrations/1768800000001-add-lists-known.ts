import { sqlMigration } from '@taizhang/bootstrap';

import { EMPLOYER_FIGURES } from '../organisation-figures';

const COLUMNS = EMPLOYER_FIGURES.map((f) => `${f} integer NOT NULL`).join(',\n        ');
const LIST = EMPLOYER_FIGURES.join(', ');

/**
 * The lists as known at an instant (DESIGN §7): each version of a union's life (founded, ended)
 * and of an employer's steps, at the instant of the event that made it. What is there already is
 * known since always, as `AddKnownAt1767600000001` did for the figures.
 */
export const AddListsKnown1768800000001 = sqlMigration('AddListsKnown1768800000001', {
  up: [
    `CREATE TABLE union_life_known (
        union_id       text        NOT NULL,
        recorded_at    timestamptz NOT NULL,
        established_on date        NOT NULL,
        ended_on       date,
        PRIMARY KEY (union_id, recorded_at)
      )`,
    `INSERT INTO union_life_known (union_id, recorded_at, established_on, ended_on)
     SELECT union_id, '-infinity', established_on, ended_on FROM union_life`,
    `CREATE TABLE employer_steps_known (
        employer_id      text        NOT NULL,
        recorded_at      timestamptz NOT NULL,
        day              date        NOT NULL,
        unit_id          text        NOT NULL,
        headcounts_as_of date,
        ${COLUMNS},
        PRIMARY KEY (employer_id, recorded_at, day)
      )`,
    `INSERT INTO employer_steps_known (employer_id, recorded_at, day, unit_id, headcounts_as_of, ${LIST})
     SELECT employer_id, '-infinity', day, unit_id, headcounts_as_of, ${LIST} FROM employer_steps`,
  ],
  down: ['DROP TABLE employer_steps_known', 'DROP TABLE union_life_known'],
});

import { sqlMigration } from '@taizhang/bootstrap';

const FIGURES = `
        members              integer NOT NULL DEFAULT 0,
        female_members       integer NOT NULL DEFAULT 0,
        migrant_members      integer NOT NULL DEFAULT 0,
        new_form_members     integer NOT NULL DEFAULT 0,
        retained_memberships integer NOT NULL DEFAULT 0,
        unions               integer NOT NULL DEFAULT 0,
        terms_expired        integer NOT NULL DEFAULT 0`;

/**
 * Figures as of any date (DESIGN §6, §7, §10): the org tree in time (`org_placements`: a unit's
 * parent from a date; `org_paths`: its path over each interval), each member's timeline, what
 * each unit gains or loses on each day (`unit_deltas`) and the same summed for every ancestor the
 * unit had on that day (`subtree_deltas`), so a unit's figures as of a date are one range sum.
 * Employers keep their headcounts by date; a union's life (founded, ended, term expired) its dates.
 */
export const CreateAsOfFigures1732000006100 = sqlMigration('CreateAsOfFigures1732000006100', {
  up: [
    `
      CREATE TABLE org_placements (
        unit_id    text NOT NULL,
        valid_from date NOT NULL,
        parent_id  text,
        kind       text NOT NULL,
        PRIMARY KEY (unit_id, valid_from)
      )`,
    'CREATE INDEX org_placements_parent ON org_placements (parent_id)',
    `
      CREATE TABLE org_paths (
        unit_id    text NOT NULL,
        valid_from date NOT NULL,
        valid_to   date NOT NULL,
        org_path   text NOT NULL,
        PRIMARY KEY (unit_id, valid_from)
      )`,
    'CREATE INDEX org_paths_subtree ON org_paths (org_path text_pattern_ops)',
    `
      CREATE TABLE member_timeline (
        member_id            text     NOT NULL,
        version              integer  NOT NULL,
        day                  date     NOT NULL,
        unit_id              text,
        members              smallint NOT NULL,
        female_members       smallint NOT NULL,
        migrant_members      smallint NOT NULL,
        new_form_members     smallint NOT NULL,
        retained_memberships smallint NOT NULL,
        PRIMARY KEY (member_id, version)
      )`,
    `
      CREATE TABLE unit_deltas (
        unit_id text NOT NULL,
        day     date NOT NULL,${FIGURES},
        PRIMARY KEY (unit_id, day)
      )`,
    `
      CREATE TABLE subtree_deltas (
        ancestor_id text NOT NULL,
        day         date NOT NULL,${FIGURES},
        PRIMARY KEY (ancestor_id, day)
      )`,
    `
      CREATE TABLE union_life (
        union_id             text PRIMARY KEY,
        established_on       date NOT NULL,
        ended_on             date,
        term_expired_since   date
      )`,
    `
      CREATE TABLE employer_headcounts (
        employer_id        text    NOT NULL,
        as_of              date    NOT NULL,
        headcount          integer NOT NULL,
        female_headcount   integer NOT NULL,
        migrant_headcount  integer NOT NULL,
        new_form_headcount integer NOT NULL,
        PRIMARY KEY (employer_id, as_of)
      )`,
    // Figures moved to the day deltas: what remains of org_unit_facts is the directory of units.
    'DROP TABLE member_facts',
    `
      ALTER TABLE org_unit_facts
        DROP COLUMN unions, DROP COLUMN members, DROP COLUMN female_members,
        DROP COLUMN migrant_members, DROP COLUMN new_form_members,
        DROP COLUMN retained_memberships, DROP COLUMN term_expired`,
    // The latest headcounts already known; the tree, members and unions need a replay of the
    // topic (README), as each earlier read model did.
    `
      INSERT INTO employer_headcounts
      SELECT employer_id, headcounts_as_of, headcount, female_headcount, migrant_headcount,
             new_form_headcount
      FROM employer_facts`,
  ],
  down: [
    `
      ALTER TABLE org_unit_facts
        ADD COLUMN unions integer NOT NULL DEFAULT 0, ADD COLUMN members integer NOT NULL DEFAULT 0,
        ADD COLUMN female_members integer NOT NULL DEFAULT 0,
        ADD COLUMN migrant_members integer NOT NULL DEFAULT 0,
        ADD COLUMN new_form_members integer NOT NULL DEFAULT 0,
        ADD COLUMN retained_memberships integer NOT NULL DEFAULT 0,
        ADD COLUMN term_expired boolean NOT NULL DEFAULT false`,
    'CREATE TABLE member_facts (member_id text PRIMARY KEY, version integer NOT NULL DEFAULT 0, org_unit_id text)',
    'DROP TABLE employer_headcounts, union_life, subtree_deltas, unit_deltas, member_timeline, org_paths, org_placements',
  ],
});

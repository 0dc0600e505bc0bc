import { sqlMigration } from '@taizhang/bootstrap';

/**
 * Every union and founding application as its own stream says now (the projection
 * `lists/union-register`, from the first event on): what waits for the union above, and when
 * each committee's term ends. `state` is the union decider's own state; the columns beside it
 * are what lists filter on. `parent_id` stays the last known parent once a union has ended.
 */
export const CreateUnionRegister1767400000002 = sqlMigration('CreateUnionRegister1767400000002', {
  up: [
    `
    CREATE TABLE union_register (
      union_id         text  PRIMARY KEY,
      parent_id        text,
      status           text  NOT NULL,
      name             text  NOT NULL,
      submitted_on     date,
      established_on   date,
      term_ends_on     date,
      election_held_on date,
      state            jsonb NOT NULL
    )`,
    'CREATE INDEX union_register_parent ON union_register (parent_id, status)',
  ],
  down: ['DROP TABLE union_register'],
});

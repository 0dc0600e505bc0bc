import { sqlMigration } from '@taizhang/bootstrap';

/**
 * 会员花名册: one row per person who ever joined, from the member streams in commit order (the
 * projection `lists/member-roster`, which starts from the first event, so nothing is filled here).
 * `state` is the member decider's own state folded event by event: the columns beside it are what
 * lists filter and sort on. The personal data in it stays ciphertext, opened only to mask.
 */
export const CreateMemberRoster1767400000001 = sqlMigration('CreateMemberRoster1767400000001', {
  up: [
    `
    CREATE TABLE member_roster (
      member_id text  PRIMARY KEY,
      union_id  text  NOT NULL,
      holder_id text  NOT NULL,
      status    text  NOT NULL,
      name      text  NOT NULL,
      joined_on date  NOT NULL,
      since     date  NOT NULL,
      state     jsonb NOT NULL
    )`,
    'CREATE INDEX member_roster_union ON member_roster (union_id, status)',
    `CREATE INDEX member_roster_retained ON member_roster (holder_id) WHERE status = 'retained'`,
  ],
  down: ['DROP TABLE member_roster'],
});

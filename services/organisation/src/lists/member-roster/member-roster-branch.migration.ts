import { sqlMigration } from '@taizhang/bootstrap';

/**
 * 所属分会/小组: the branch unit a member is placed in, a column the roster filters on (`branch=`).
 * Existing rows are refolded rather than filled from their `state`: a row folded before the member
 * decider learned branches would not carry the placement. The table is emptied and the
 * projection's checkpoint removed, so `lists/member-roster` starts again from the store's first
 * event (at the service's start, or on the first read), each row with its branch.
 */
export const AddMemberRosterBranch1767900000001 = sqlMigration(
  'AddMemberRosterBranch1767900000001',
  {
    up: [
      'ALTER TABLE member_roster ADD COLUMN branch_id text',
      'DELETE FROM member_roster',
      `DELETE FROM projection_checkpoints WHERE name = 'lists/member-roster'`,
    ],
    // The rows stay right without the column: nothing needs refolding on the way down.
    down: ['ALTER TABLE member_roster DROP COLUMN branch_id'],
  },
);

import { BRANCH_FIGURES } from '../branch-figures';
import { addKnownAtMigration } from '../figure-set.migration';

/**
 * Members per branch unit as known at an instant: the set's logs by recording time, and each
 * placement step its event's recording instant (as `member_timeline`'s, known since always for
 * the steps already there).
 */
export const AddBranchesKnown1767800000004 = addKnownAtMigration(
  'AddBranchesKnown1767800000004',
  BRANCH_FIGURES,
  {
    up: [
      `ALTER TABLE member_branch_timeline ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT '-infinity'`,
    ],
    down: ['ALTER TABLE member_branch_timeline DROP COLUMN recorded_at'],
  },
);

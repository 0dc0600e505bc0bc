import { sqlMigration } from '@taizhang/bootstrap';

import { BRANCH_FIGURES } from '../branch-figures';
import { createDeltaTables } from '../figure-set.migration';

/**
 * Members per branch union or union group (分工会/工会小组): each member's placement as a step
 * function (`member_branch_timeline`, like `member_timeline`), the branch units' names
 * (`branch_facts`), and the figure set keyed by branch.
 */
export const CreateBranchFigures1767200000200 = sqlMigration('CreateBranchFigures1767200000200', {
  up: [
    `CREATE TABLE member_branch_timeline (
      member_id text NOT NULL,
      version   integer NOT NULL,
      day       date NOT NULL,
      unit_id   text,
      branch_id text,
      PRIMARY KEY (member_id, version)
    )`,
    `CREATE TABLE branch_facts (
      branch_id      text PRIMARY KEY,
      union_id       text NOT NULL,
      kind           text NOT NULL,
      name           text NOT NULL,
      established_on date NOT NULL
    )`,
    'CREATE INDEX branch_facts_union ON branch_facts (union_id)',
    ...createDeltaTables(BRANCH_FIGURES),
  ],
  down: [
    `DROP TABLE ${BRANCH_FIGURES.subtreeTable}, ${BRANCH_FIGURES.unitTable}, branch_facts, member_branch_timeline`,
  ],
});

import { sqlMigration } from '@taizhang/bootstrap';

import { ANSWER_FIGURES } from '../answer-figures';
import { createDeltaTables } from '../figure-set.migration';

/** The answers figure set, and each overdue answer with who owes it, until answered. */
export const CreateAnswersOverdue1767100000000 = sqlMigration('CreateAnswersOverdue1767100000000', {
  up: [
    ...createDeltaTables(ANSWER_FIGURES),
    `CREATE TABLE overdue_answers (
        union_id      text NOT NULL,
        subject       text NOT NULL,
        waiting_since date NOT NULL,
        owed_by       text NOT NULL,
        due_on        date NOT NULL,
        answered_on   date,
        PRIMARY KEY (union_id, subject, waiting_since)
      )`,
  ],
  down: [`DROP TABLE overdue_answers, ${ANSWER_FIGURES.subtreeTable}, ${ANSWER_FIGURES.unitTable}`],
});

import { ANSWER_FIGURES } from '../answer-figures';
import { addKnownAtMigration } from '../figure-set.migration';

/** Answers overdue (逾期未批复) as known at an instant: the set's logs by recording time. */
export const AddAnswersKnown1767800000002 = addKnownAtMigration(
  'AddAnswersKnown1767800000002',
  ANSWER_FIGURES,
);

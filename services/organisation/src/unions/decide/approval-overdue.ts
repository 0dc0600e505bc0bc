import type { ApprovalOverdue } from '@taizhang/contracts';
import { addDays } from '@taizhang/deadlines';
import { businessDate } from '@taizhang/domain';
import { IllegalStateError } from '@taizhang/event-store';
import type { RulesInForce } from '@taizhang/rules';

import type { RecordApprovalOverdue } from '../union.commands';
import type { Union } from '../union.state';

/** The last day for the higher union's answer to what waits since `since`, by the rules then. */
export const answerDueOn = (rules: RulesInForce, since: string): string =>
  addDays(since, rules.values.committee.congressReplyDays);

const notWaiting = (subject: string) =>
  new IllegalStateError(
    `The ${subject} no longer waits for the higher union's answer. / 该事项已不在待审批状态。`,
    'NOT_WAITING_FOR_ANSWER',
  );

/** Whether what the clock names still waits, and was not yet reported overdue. */
const stillWaiting = (command: RecordApprovalOverdue, state: Union): boolean => {
  const { subject, waitingSince } = command.data;
  if (subject === 'application')
    return state.status === 'Applied' && state.submittedOn === waitingSince && !state.answerOverdue;

  return (
    state.status === 'Registered' &&
    state.pendingElection?.heldOn === waitingSince &&
    !state.pendingElection.answerOverdue
  );
};

/**
 * 逾期未批复: the answer clock's event, once for an application or an election that still waits on
 * the day its limit ran out (DESIGN §9); refused for one answered, withdrawn or already reported.
 */
export const recordApprovalOverdue = (
  command: RecordApprovalOverdue,
  state: Union,
): ApprovalOverdue => {
  const { subject, waitingSince, dueOn, replyDays, ruleSet } = command.data;
  if (!stillWaiting(command, state) || !('id' in state)) throw notWaiting(subject);
  if (dueOn > businessDate(command.metadata.now))
    throw new IllegalStateError(
      `The time to answer runs until ${dueOn}. / 批复期限未到。`,
      'ANSWER_NOT_YET_DUE',
    );

  return {
    type: 'ApprovalOverdue',
    data: { unionId: state.id, subject, waitingSince, dueOn, replyDays, ruleSet },
  };
};

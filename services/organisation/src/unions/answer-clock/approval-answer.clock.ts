import type { AppliedRuleSet, OrganisationEvent } from '@taizhang/contracts';
import { addDays, deadlineClock } from '@taizhang/deadlines';
import { NATIONAL_RULES } from '@taizhang/rules';

import { runUnionCommand } from '../union-streams';

type Subject = 'application' | 'election';

/** What the clock keeps with a deadline: what waits, since when, under which limit. */
interface Waiting {
  subject: Subject;
  waitingSince: string;
  replyDays: number;
  ruleSet: AppliedRuleSet;
}

const keyOf = (subject: Subject, unionId: string): string => `${subject}:${unionId}`;

// Events recorded before the limit was: national rules, version 1 (15 days).
const NATIONAL_V1: AppliedRuleSet = { region: 'national', version: 1 };

const waiting = (
  subject: Subject,
  unionId: string,
  waitingSince: string,
  recorded: { answerDueOn?: string; ruleSet?: AppliedRuleSet },
) => {
  const replyDays = recorded.answerDueOn
    ? Math.round((Date.parse(recorded.answerDueOn) - Date.parse(waitingSince)) / 86_400_000)
    : NATIONAL_RULES.committee.congressReplyDays;

  return {
    key: keyOf(subject, unionId),
    dueOn: recorded.answerDueOn ?? addDays(waitingSince, replyDays),
    data: { subject, waitingSince, replyDays, ruleSet: recorded.ruleSet ?? NATIONAL_V1 },
  };
};

/**
 * The answer clock (批复时限, DESIGN §9): a founding application or a re-election waits for the
 * union one level up, which answers within the regional limit (`committee.congressReplyDays`,
 * 15 days by default; the last day recorded in the event that started the wait, with its rule
 * set). On the day the limit runs out and nothing was answered, it records `ApprovalOverdue`
 * once. An approval or a rejection settles it; a new election after a rejection starts it again.
 */
export const approvalAnswerClock = deadlineClock<OrganisationEvent, Waiting>({
  name: 'approval-answer',
  actorId: 'answer-clock',
  starts: {
    UnionApplicationSubmitted: ({ data }) =>
      waiting('application', data.unionId, data.submittedOn, data),
    CommitteeElected: ({ data }) => waiting('election', data.unionId, data.heldOn, data),
  },
  settles: {
    UnionApplicationApproved: ({ data }) => keyOf('application', data.unionId),
    UnionApplicationRejected: ({ data }) => keyOf('application', data.unionId),
    CommitteeElectionApproved: ({ data }) => keyOf('election', data.unionId),
    ElectionRejected: ({ data }) => keyOf('election', data.unionId),
    ApprovalOverdue: ({ data }) => keyOf(data.subject, data.unionId),
  },
  onDue: ({ key, dueOn, data }, { store, metadata }) => {
    const unionId = key.slice(key.indexOf(':') + 1);

    return runUnionCommand(store, unionId, {
      type: 'RecordApprovalOverdue',
      data: { ...data!, dueOn },
      metadata,
    });
  },
});

import type {
  CommitteeElected,
  CommitteeElectionApproved,
  ElectionRejected,
  UnionTermExpired,
} from '@taizhang/contracts';
import { businessDate } from '@taizhang/domain';
import { notInFuture } from '@taizhang/domain';
import { IllegalStateError } from '@taizhang/event-store';
import type { UnderRules } from '@taizhang/rules';
import { appliedRuleSet } from '@taizhang/rules';

import { checkElection, checkOffices, termEndsOn } from '../committee-rules';
import type {
  ApproveElection,
  HoldElection,
  RecordTermExpiry,
  RejectElection,
} from '../union.commands';
import type { ActiveUnion, Union } from '../union.state';
import { answerDueOn } from './approval-overdue';
import { requireActive } from './union-dates';

/**
 * 换届选举: the same rules as at founding, those in force on the day it was held; the result
 * waits for the higher union's approval.
 */
export const holdElection = (command: UnderRules<HoldElection>, state: Union): CommitteeElected => {
  const union = requireActive(state);
  const { heldOn, entitledVoters, present, committee, offices, termYears } = command.data;
  if (union.pendingElection)
    throw new IllegalStateError(
      `The election of ${union.pendingElection.heldOn} still waits for approval. / 上次换届选举结果尚待审批。`,
      'ELECTION_PENDING',
    );
  notInFuture(heldOn, command.metadata.now, 'election date', '选举日期');
  if (heldOn < union.establishedOn)
    throw new IllegalStateError(
      `The election (${heldOn}) cannot precede the founding (${union.establishedOn}). / 选举日期早于工会成立日期。`,
      'ELECTION_BEFORE_FOUNDING',
    );
  checkElection(command.rules, { entitledVoters, present, termYears }, committee);
  checkOffices(offices);

  return {
    type: 'CommitteeElected',
    data: {
      unionId: union.id,
      heldOn,
      congress: { entitledVoters, present },
      committee,
      ...(offices?.length ? { offices } : {}),
      termYears,
      ruleSet: appliedRuleSet(command.rules),
      answerDueOn: answerDueOn(command.rules, heldOn),
    },
  };
};

const requirePendingElection = (
  state: Union,
): { union: ActiveUnion; heldOn: string; termYears: 3 | 5 } => {
  const union = requireActive(state);
  if (!union.pendingElection)
    throw new IllegalStateError(
      'No election waits for approval. / 没有待审批的换届选举。',
      'NO_ELECTION_PENDING',
    );

  return { union, ...union.pendingElection };
};

/** The higher union's answer is dated on its own day: never ahead of today or of the congress. */
const answeredOn = (
  on: string,
  heldOn: string,
  now: Date,
  what: { en: string; zh: string },
): string => {
  notInFuture(on, now, `${what.en} date`, `${what.zh}日期`);
  if (on < heldOn)
    throw new IllegalStateError(
      `The ${what.en} (${on}) cannot precede the election (${heldOn}). / ${what.zh}日期早于选举日期。`,
      'ANSWER_BEFORE_ELECTION',
    );

  return on;
};

/** The new term runs from the congress, whenever the approval came (or was entered). */
export const approveElection = (
  command: ApproveElection,
  state: Union,
): CommitteeElectionApproved => {
  const { union, heldOn, termYears } = requirePendingElection(state);
  const { now } = command.metadata;
  const approvedOn = answeredOn(command.data.approvedOn ?? businessDate(now), heldOn, now, {
    en: 'approval',
    zh: '批准',
  });

  return {
    type: 'CommitteeElectionApproved',
    data: { unionId: union.id, approvedOn, termEndsOn: termEndsOn(heldOn, termYears) },
  };
};

/** 不予批准: the old committee's term (and its deadline) runs on; a new election may follow. */
export const rejectElection = (command: RejectElection, state: Union): ElectionRejected => {
  const { union, heldOn } = requirePendingElection(state);
  const { rejectedOn, reason } = command.data;
  answeredOn(rejectedOn, heldOn, command.metadata.now, { en: 'rejection', zh: '不予批准' });

  return { type: 'ElectionRejected', data: { unionId: union.id, heldOn, rejectedOn, reason } };
};

/** The term clock's warning: only once, and only for a term that really ran out. */
export const recordTermExpiry = (command: RecordTermExpiry, state: Union): UnionTermExpired => {
  const union = requireActive(state);
  if (!union.termEndsOn || union.termEndsOn >= businessDate(command.metadata.now))
    throw new IllegalStateError(
      'The committee’s term has not run out. / 委员会任期未满。',
      'TERM_NOT_ENDED',
    );
  if (union.termExpired)
    throw new IllegalStateError(
      'The expiry is already recorded. / 已记录任期届满。',
      'TERM_EXPIRY_RECORDED',
    );

  return { type: 'UnionTermExpired', data: { unionId: union.id, termEndedOn: union.termEndsOn } };
};

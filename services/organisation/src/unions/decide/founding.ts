import type {
  UnionApplicationApproved,
  UnionApplicationRejected,
  UnionApplicationSubmitted,
  UnionEstablished,
} from '@taizhang/contracts';
import { businessDate } from '@taizhang/domain';
import { notInFuture } from '@taizhang/domain';
import { IllegalStateError } from '@taizhang/event-store';
import type { UnderRules } from '@taizhang/rules';
import { appliedRuleSet } from '@taizhang/rules';

import { checkElection, checkOffices, termEndsOn } from '../committee-rules';
import type {
  ApproveUnionApplication,
  HoldFoundingCongress,
  RejectUnionApplication,
  SubmitUnionApplication,
} from '../union.commands';
import type { Union } from '../union.state';
import { answerDueOn } from './approval-overdue';
import { checkCoveredEmployers } from './covered-employers';
import { checkParent } from './registration';

export const submitApplication = (
  command: UnderRules<SubmitUnionApplication>,
  state: Union,
): UnionApplicationSubmitted => {
  const { unionId, proposedName, employerIds, preparatoryGroup } = command.data;
  if (state.status !== 'None')
    throw new IllegalStateError(`Union ${unionId} already exists.`, 'UNION_EXISTS');
  const parent = checkParent(command.data.parent);
  checkCoveredEmployers(employerIds, command.data.employers, parent);
  const submittedOn = command.data.submittedOn ?? businessDate(command.metadata.now);
  notInFuture(submittedOn, command.metadata.now, 'application date', '申请日期');

  return {
    type: 'UnionApplicationSubmitted',
    data: {
      unionId,
      proposedName,
      parentId: parent.id,
      orgPath: `${parent.orgPath}/${unionId}`,
      employerIds,
      preparatoryGroup,
      submittedOn,
      ...(command.data.unionType ? { unionType: command.data.unionType } : {}),
      answerDueOn: answerDueOn(command.rules, submittedOn),
      ruleSet: appliedRuleSet(command.rules),
    },
  };
};

const requireApplied = (state: Union, unionId: string): Extract<Union, { status: 'Applied' }> => {
  if (state.status !== 'Applied')
    throw new IllegalStateError(
      `The application ${unionId} is not waiting for a decision (it is ${state.status}). / 该组建申请不在待审批状态。`,
      'APPLICATION_NOT_PENDING',
      { status: state.status },
    );

  return state;
};

export const approveApplication = (
  command: ApproveUnionApplication,
  state: Union,
): UnionApplicationApproved => {
  const applied = requireApplied(state, 'application');
  const approvedOn = command.data.approvedOn ?? businessDate(command.metadata.now);
  notInFuture(approvedOn, command.metadata.now, 'approval date', '批准日期');
  if (approvedOn < applied.submittedOn)
    throw new IllegalStateError(
      `The approval (${approvedOn}) cannot precede the application (${applied.submittedOn}). / 批准日期早于申请日期。`,
      'APPROVED_BEFORE_APPLICATION',
    );

  return { type: 'UnionApplicationApproved', data: { unionId: applied.id, approvedOn } };
};

export const rejectApplication = (
  command: RejectUnionApplication,
  state: Union,
): UnionApplicationRejected => {
  const applied = requireApplied(state, 'application');

  return {
    type: 'UnionApplicationRejected',
    data: {
      unionId: applied.id,
      rejectedOn: businessDate(command.metadata.now),
      reason: command.data.reason,
    },
  };
};

/** 会员大会: the election is judged by the rules in force on the day the congress was held. */
export const holdFoundingCongress = (
  command: UnderRules<HoldFoundingCongress>,
  state: Union,
): UnionEstablished => {
  const { heldOn, entitledVoters, present, committee, offices, termYears } = command.data;
  if (state.status !== 'Approved')
    throw new IllegalStateError(
      state.status === 'Applied'
        ? 'The founding congress can only be held after the higher union approved the application. / 组建申请批准前不能召开会员大会。'
        : `No approved application to found this union (it is ${state.status}). / 没有已批准的组建申请。`,
      'APPLICATION_NOT_APPROVED',
      { status: state.status },
    );
  notInFuture(heldOn, command.metadata.now, 'congress date', '会议日期');
  if (heldOn < state.approvedOn)
    throw new IllegalStateError(
      `The congress (${heldOn}) cannot be held before the approval (${state.approvedOn}). / 会员大会日期早于批准日期。`,
      'CONGRESS_BEFORE_APPROVAL',
    );
  checkElection(command.rules, { entitledVoters, present, termYears }, committee);
  checkOffices(offices);

  return {
    type: 'UnionEstablished',
    data: {
      unionId: state.id,
      name: state.name,
      parentId: state.parentId,
      orgPath: state.orgPath,
      establishedOn: heldOn,
      employerIds: state.employerIds,
      congress: { entitledVoters, present },
      committee,
      ...(offices?.length ? { offices } : {}),
      termYears,
      termEndsOn: termEndsOn(heldOn, termYears),
      ruleSet: appliedRuleSet(command.rules),
      ...(state.unionType ? { unionType: state.unionType } : {}),
    },
  };
};

import type { ContractEvent } from '@taizhang/contracts';
import { addDays } from '@taizhang/deadlines';
import { businessDate, notInFuture } from '@taizhang/domain';
import type { Decider } from '@taizhang/event-store';
import { IllegalStateError, NotFoundError, unknownCommand } from '@taizhang/event-store';
import type { UnderRules } from '@taizhang/rules';
import { appliedRuleSet } from '@taizhang/rules';

import type { ActOnUnionEnd } from '../shared/union-end.commands';
import type {
  ContractCommand,
  MarkRequestOverdue,
  RecordAnswer,
  RequestNegotiation,
} from './contract.commands';
import type { CollectiveContract } from './contract.state';
import { initialState } from './contract.state';

export { initialState };
export type { CollectiveContract };

export const evolve = (state: CollectiveContract, event: ContractEvent): CollectiveContract => {
  switch (event.type) {
    case 'ContractNegotiationRequested': {
      const { ruleSet: _ruleSet, ...data } = event.data;

      return { status: 'Requested', ...data, answeredOn: null };
    }
    case 'ContractRequestAnswered':
      return state.status === 'None'
        ? state
        : { ...state, status: 'Answered', answeredOn: event.data.answeredOn };
    case 'ContractRequestOverdue':
      return state.status === 'None' ? state : { ...state, status: 'Overdue' };
    case 'ContractRequestHandedOver':
      return state.status === 'None' ? state : { ...state, unionId: event.data.toUnionId };
    case 'ContractRequestLapsed':
      return state.status === 'None' ? state : { ...state, status: 'Lapsed' };
    default:
      return state;
  }
};

const notFound = () =>
  new NotFoundError('The collective contract does not exist. / 该集体合同不存在。');

const requestNegotiation = (
  command: UnderRules<RequestNegotiation>,
  state: CollectiveContract,
): ContractEvent => {
  const { contractId, union, kind, employerIds, requestedOn } = command.data;
  if (state.status !== 'None')
    throw new IllegalStateError(
      'The request is already recorded. / 该要约已登记。',
      'CONTRACT_EXISTS',
    );
  notInFuture(requestedOn, command.metadata.now, 'request date', '要约日期');
  if (union.ended)
    throw new IllegalStateError(
      'The union has been dissolved or merged and records nothing more. / 该工会已撤销或合并，不再登记新的事项。',
      'UNION_ENDED',
    );
  if (new Set(employerIds).size !== employerIds.length)
    throw new IllegalStateError(
      'An employer is named twice. / 同一用人单位重复出现。',
      'DUPLICATE_EMPLOYER',
    );
  const { rules } = command;

  return {
    type: 'ContractNegotiationRequested',
    data: {
      contractId,
      unionId: union.id,
      kind,
      employerIds,
      requestedOn,
      // 集体合同规定 §32: answered in writing within the rule's days of the request.
      answerDueOn: addDays(requestedOn, rules.values.collectiveContract.requestAnswerDays),
      ruleSet: appliedRuleSet(rules),
    },
  };
};

const recordAnswer = (command: RecordAnswer, state: CollectiveContract): ContractEvent => {
  if (state.status === 'None') throw notFound();
  const { answeredOn } = command.data;
  if (state.status === 'Answered')
    throw new IllegalStateError(
      'The request is already answered. / 该要约已回应。',
      'ALREADY_ANSWERED',
    );
  if (state.status === 'Lapsed')
    throw new IllegalStateError(
      'The request lapsed when the union was dissolved. / 工会撤销，该要约已失效。',
      'REQUEST_LAPSED',
    );
  notInFuture(answeredOn, command.metadata.now, 'answer date', '回应日期');
  if (answeredOn < state.requestedOn)
    throw new IllegalStateError(
      'An answer cannot come before the request. / 回应日期不能早于要约日期。',
      'BEFORE_REQUEST',
    );

  // A late answer is still recorded: the request stays counted as overdue.
  return {
    type: 'ContractRequestAnswered',
    data: { contractId: state.contractId, unionId: state.unionId, answeredOn },
  };
};

const markRequestOverdue = (
  command: MarkRequestOverdue,
  state: CollectiveContract,
): ContractEvent => {
  if (state.status === 'None') throw notFound();
  if (state.status !== 'Requested')
    throw new IllegalStateError('The request was answered in time. / 已按时回应。', 'NOT_OVERDUE');
  if (businessDate(command.metadata.now) < command.data.dueOn)
    throw new IllegalStateError('The answer is not due yet. / 回应期限尚未届满。', 'NOT_DUE_YET');

  return {
    type: 'ContractRequestOverdue',
    data: { contractId: state.contractId, unionId: state.unionId, answerDueOn: state.answerDueOn },
  };
};

/** Not answered yet (on time or overdue), of the union: what the union's end acts on. */
export const isPendingRequestOf = (state: CollectiveContract, unionId: string): boolean =>
  (state.status === 'Requested' || state.status === 'Overdue') && state.unionId === unionId;

/**
 * The union's end (README, "A union dissolved or merged"): a request not answered yet passes to
 * the union it merged into, or lapses with the dissolved union (no one is left to negotiate).
 */
const actOnUnionEnd = (command: ActOnUnionEnd, state: CollectiveContract): ContractEvent => {
  if (state.status === 'None') throw notFound();
  const { end } = command.data;
  if (!isPendingRequestOf(state, end.unionId))
    throw new IllegalStateError(
      'The request is no longer pending for that union. / 该要约已不在该工会待回应。',
      'NOT_PENDING',
      { status: state.status },
    );
  if (end.kind === 'merged')
    return {
      type: 'ContractRequestHandedOver',
      data: {
        contractId: state.contractId,
        fromUnionId: state.unionId,
        toUnionId: end.into.id,
        on: end.on,
      },
    };

  return {
    type: 'ContractRequestLapsed',
    data: {
      contractId: state.contractId,
      unionId: state.unionId,
      lapsedOn: end.on,
      reason: 'dissolved',
    },
  };
};

export const decide = (
  command: UnderRules<ContractCommand>,
  state: CollectiveContract,
): ContractEvent => {
  switch (command.type) {
    case 'RequestNegotiation':
      return requestNegotiation(command, state);
    case 'RecordAnswer':
      return recordAnswer(command, state);
    case 'MarkRequestOverdue':
      return markRequestOverdue(command, state);
    case 'ActOnUnionEnd':
      return actOnUnionEnd(command, state);
    default:
      return unknownCommand(command);
  }
};

export const contractDecider: Decider<
  CollectiveContract,
  UnderRules<ContractCommand>,
  ContractEvent
> = { decide, evolve, initialState };

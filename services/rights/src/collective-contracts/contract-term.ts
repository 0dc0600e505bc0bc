import type { ContractEvent } from '@taizhang/contracts';
import { businessDate, notInFuture } from '@taizhang/domain';
import { IllegalStateError } from '@taizhang/event-store';

import type { CheckFulfilment, MarkRenewalDue, RequestRenewal } from './contract.commands';
import type { CollectiveContract } from './contract.state';
import { atStage, existing } from './contract-steps';

/** The renewal clock: the renewal window of a contract in force opened. */
export const markRenewalDue = (
  command: MarkRenewalDue,
  current: CollectiveContract,
): ContractEvent => {
  const state = existing(current);
  if (state.status !== 'InForce' || state.renewalDue || state.renewalContractId !== null)
    throw new IllegalStateError('No renewal to call for. / 无需提示续订。', 'NOT_RENEWABLE');
  if (businessDate(command.metadata.now) < state.renewalWindowOpensOn!)
    throw new IllegalStateError(
      'The renewal window is not open yet. / 续订期尚未开始。',
      'NOT_DUE_YET',
    );

  return {
    type: 'ContractRenewalDue',
    data: {
      contractId: state.contractId,
      unionId: state.unionId,
      renewalWindowOpensOn: state.renewalWindowOpensOn!,
      expiresOn: state.expiresOn!,
    },
  };
};

/** 续订: in the last months of the term, once; the new request is a contract of its own. */
export const requestRenewal = (
  command: RequestRenewal,
  current: CollectiveContract,
): ContractEvent => {
  const state = existing(current);
  const { union, renewalContractId, requestedOn } = command.data;
  atStage(state, ['InForce'], 'NOT_IN_FORCE', { en: 'Renewal', zh: '申请续订' });
  if (union.ended)
    throw new IllegalStateError(
      'The union has been dissolved or merged and records nothing more. / 该工会已撤销或合并，不再登记新的事项。',
      'UNION_ENDED',
    );
  if (state.renewalContractId !== null)
    throw new IllegalStateError(
      'Renewal is already requested. / 已申请续订。',
      'RENEWAL_ALREADY_REQUESTED',
    );
  notInFuture(requestedOn, command.metadata.now, 'renewal request date', '续订要约日期');
  if (requestedOn < state.renewalWindowOpensOn! || requestedOn >= state.expiresOn!)
    throw new IllegalStateError(
      {
        en: `Renewal may be requested from ${state.renewalWindowOpensOn} until the contract expires on ${state.expiresOn}.`,
        zh: `续订应在${state.renewalWindowOpensOn}至合同期满（${state.expiresOn}）前提出。`,
      },
      'OUTSIDE_RENEWAL_WINDOW',
    );

  return {
    type: 'ContractRenewalRequested',
    data: { contractId: state.contractId, unionId: state.unionId, renewalContractId, requestedOn },
  };
};

/** 履约检查: once a year of the term, while in force; rates are shares 0..1. */
export const checkFulfilment = (
  command: CheckFulfilment,
  current: CollectiveContract,
): ContractEvent => {
  const state = existing(current);
  const { checkedOn, year } = command.data;
  atStage(state, ['InForce'], 'NOT_IN_FORCE', { en: 'A fulfilment check', zh: '履约检查' });
  notInFuture(checkedOn, command.metadata.now, 'check date', '检查日期');
  if (checkedOn < state.effectiveOn! || checkedOn >= state.expiresOn!)
    throw new IllegalStateError(
      {
        en: `A check on ${checkedOn} falls outside the term (${state.effectiveOn} to ${state.expiresOn}).`,
        zh: `检查日期不在合同期限内（${state.effectiveOn}至${state.expiresOn}）。`,
      },
      'OUTSIDE_TERM',
    );
  if (year !== Number(checkedOn.slice(0, 4)))
    throw new IllegalStateError(
      'The year checked is the year of the check. / 检查年度应与检查日期所在年度一致。',
      'YEAR_MISMATCH',
    );
  if (state.fulfilmentChecks.some((check) => check.year === year))
    throw new IllegalStateError(
      `The year ${year} is already checked. / ${year}年度已进行履约检查。`,
      'ALREADY_CHECKED',
    );

  return {
    type: 'ContractFulfilmentChecked',
    data: { contractId: state.contractId, unionId: state.unionId, ...command.data },
  };
};

import { IllegalStateError, NotFoundError } from '@taizhang/event-store';

import type { CollectiveContract, ContractStatus, RequestedContract } from './contract.state';

// What every step of a contract checks: that it exists, stands at a stage the step follows, and
// is dated no earlier than the step before.

export const contractNotFound = () =>
  new NotFoundError('The collective contract does not exist. / 该集体合同不存在。');

export const existing = (state: CollectiveContract): RequestedContract => {
  if (state.status === 'None') throw contractNotFound();

  return state;
};

const stageNames: Record<ContractStatus, string> = {
  Requested: '已要约',
  Answered: '已回应',
  Overdue: '逾期未回应',
  Negotiating: '协商中',
  Approved: '职代会已通过',
  Signed: '已签订',
  Filed: '已报送备案',
  Objected: '审查有异议',
  InForce: '已生效',
  Lapsed: '已失效',
};

/** The step follows one of `stages`: else 422 `code`, naming where the contract stands. */
export const atStage = (
  state: RequestedContract,
  stages: readonly ContractStatus[],
  code: string,
  step: { en: string; zh: string },
): void => {
  if (!stages.includes(state.status))
    throw new IllegalStateError(
      {
        en: `${step.en} is not possible while the contract is ${state.status}.`,
        zh: `集体合同当前状态为“${stageNames[state.status]}”，不能${step.zh}。`,
      },
      code,
      { status: state.status },
    );
};

/** `date` is on or after `previous` (the step before): else 422 `BEFORE_PREVIOUS_STEP`. */
export const notBefore = (date: string, previous: string | null, what: string, zh: string) => {
  if (previous !== null && date < previous)
    throw new IllegalStateError(
      {
        en: `The ${what} ${date} comes before the previous step (${previous}).`,
        zh: `${zh}不能早于上一环节日期（${previous}）。`,
      },
      'BEFORE_PREVIOUS_STEP',
    );
};

type Share = { numerator: number; denominator: number };
/** `count` reaches `share` of `whole` (≥ 2/3 present), in whole numbers. */
export const atLeast = (count: number, share: Share, whole: number): boolean =>
  count * share.denominator >= share.numerator * whole;
/** `count` is more than `share` of `whole` (> 1/2 of all delegates for). */
export const moreThan = (count: number, share: Share, whole: number): boolean =>
  count * share.denominator > share.numerator * whole;

import type { ContractEvent } from '@taizhang/contracts';
import { addDays, addMonths, addYears } from '@taizhang/deadlines';
import { businessDate, notInFuture } from '@taizhang/domain';
import { IllegalStateError } from '@taizhang/event-store';
import type { UnderRules } from '@taizhang/rules';
import { appliedRuleSet } from '@taizhang/rules';

import type {
  FileContract,
  MarkDeemedEffective,
  MarkFilingOverdue,
  RecordObjection,
  SignContract,
} from './contract.commands';
import type { CollectiveContract } from './contract.state';
import { atStage, existing, notBefore } from './contract-steps';

const notDueYet = (now: Date, dueOn: string, en: string, zh: string) => {
  if (businessDate(now) < dueOn) throw new IllegalStateError(`${en} / ${zh}`, 'NOT_DUE_YET');
};

/** 签订: the approved draft, signed; filed within the rule's days (§42). */
export const signContract = (
  command: UnderRules<SignContract>,
  current: CollectiveContract,
): ContractEvent => {
  const state = existing(current);
  const { signedOn } = command.data;
  atStage(state, ['Approved'], 'NOT_APPROVED', { en: 'Signing', zh: '签订' });
  notInFuture(signedOn, command.metadata.now, 'signing date', '签订日期');
  notBefore(signedOn, state.draft?.votedOn ?? null, 'signing date', '签订日期');

  return {
    type: 'ContractSigned',
    data: {
      contractId: state.contractId,
      unionId: state.unionId,
      signedOn,
      filingDueOn: addDays(signedOn, command.rules.values.collectiveContract.filingDays),
      ruleSet: appliedRuleSet(command.rules),
    },
  };
};

/** The filing clock: signed and not filed once the last day is over (a late filing still counts). */
export const markFilingOverdue = (
  command: MarkFilingOverdue,
  current: CollectiveContract,
): ContractEvent => {
  const state = existing(current);
  if (state.status !== 'Signed' || state.filingOverdue)
    throw new IllegalStateError('Filed in time. / 已按时报送备案。', 'NOT_OVERDUE');
  notDueYet(command.metadata.now, command.data.dueOn, 'Filing is not due yet.', '报送期限尚未届满。');

  return {
    type: 'ContractFilingOverdue',
    data: { contractId: state.contractId, unionId: state.unionId, filingDueOn: state.filingDueOn! },
  };
};

/** 报送备案: in force by itself once the objection days pass without one (§47). */
export const fileContract = (
  command: UnderRules<FileContract>,
  current: CollectiveContract,
): ContractEvent => {
  const state = existing(current);
  const { filedOn } = command.data;
  atStage(state, ['Signed'], 'NOT_SIGNED', { en: 'Filing', zh: '报送备案' });
  notInFuture(filedOn, command.metadata.now, 'filing date', '报送日期');
  notBefore(filedOn, state.signedOn, 'filing date', '报送日期');

  return {
    type: 'ContractFiled',
    data: {
      contractId: state.contractId,
      unionId: state.unionId,
      filedOn,
      deemedEffectiveOn: addDays(filedOn, command.rules.values.collectiveContract.objectionDays),
      ruleSet: appliedRuleSet(command.rules),
    },
  };
};

/** 审查意见: an objection before the contract is deemed effective sends it back to a vote. */
export const recordObjection = (
  command: RecordObjection,
  current: CollectiveContract,
): ContractEvent => {
  const state = existing(current);
  const { receivedOn, reason } = command.data;
  atStage(state, ['Filed'], 'NOT_FILED', { en: 'An objection', zh: '登记审查意见' });
  notInFuture(receivedOn, command.metadata.now, 'objection date', '审查意见日期');
  notBefore(receivedOn, state.filedOn, 'objection date', '审查意见日期');
  if (receivedOn >= state.deemedEffectiveOn!)
    throw new IllegalStateError(
      {
        en: `An objection received on ${receivedOn} comes after the contract was deemed effective (${state.deemedEffectiveOn}).`,
        zh: `审查意见晚于视为生效日期（${state.deemedEffectiveOn}），集体合同已生效。`,
      },
      'OBJECTION_TOO_LATE',
    );

  return {
    type: 'ContractObjected',
    data: { contractId: state.contractId, unionId: state.unionId, receivedOn, reason },
  };
};

/**
 * The objection clock (§47): filed and no objection on the due day → in force from that day for
 * the approved term; the renewal window opens the rule's months before it expires.
 */
export const markDeemedEffective = (
  command: UnderRules<MarkDeemedEffective>,
  current: CollectiveContract,
): ContractEvent => {
  const state = existing(current);
  if (state.status !== 'Filed')
    throw new IllegalStateError(
      'Not filed and awaiting objections. / 该集体合同不在审查期内。',
      'NOT_FILED',
    );
  notDueYet(
    command.metadata.now,
    state.deemedEffectiveOn!,
    'The objection period is still running.',
    '审查期限尚未届满。',
  );
  const draft = state.draft!;
  const effectiveOn = state.deemedEffectiveOn!;
  const expiresOn = addYears(effectiveOn, draft.termYears);

  return {
    type: 'ContractDeemedEffective',
    data: {
      contractId: state.contractId,
      unionId: state.unionId,
      kind: state.kind,
      effectiveOn,
      expiresOn,
      renewalWindowOpensOn: addMonths(
        expiresOn,
        -command.rules.values.collectiveContract.renewalWindowMonths,
      ),
      workforceCovered: draft.workforceCovered,
      wageIncreasePercent: draft.wageIncreasePercent,
      ruleSet: appliedRuleSet(command.rules),
    },
  };
};

import type { DisclosureEvent } from '@taizhang/contracts';
import { notInFuture } from '@taizhang/domain';
import type { Decider } from '@taizhang/event-store';
import { IllegalStateError, NotFoundError, unknownCommand } from '@taizhang/event-store';
import type { UnderRules } from '@taizhang/rules';

import type {
  DisclosureCommand,
  RecordDisclosure,
  WithdrawDisclosure,
} from './disclosure.commands';
import type { Disclosure } from './disclosure.state';
import { initialState } from './disclosure.state';

export { initialState };
export type { Disclosure };

export const evolve = (state: Disclosure, event: DisclosureEvent): Disclosure => {
  switch (event.type) {
    case 'DisclosureRecorded':
      return { status: 'Recorded', ...event.data, withdrawnOn: null, withdrawalReason: null };
    case 'DisclosureWithdrawn':
      return state.status === 'None'
        ? state
        : {
            ...state,
            status: 'Withdrawn',
            withdrawnOn: event.data.withdrawnOn,
            withdrawalReason: event.data.reason,
          };
    default:
      return state;
  }
};

const recordDisclosure = (command: RecordDisclosure, state: Disclosure): DisclosureEvent => {
  const { union, ...data } = command.data;
  if (state.status !== 'None')
    throw new IllegalStateError(
      'The disclosure is already recorded. / 该次公开已登记。',
      'DISCLOSURE_EXISTS',
    );
  notInFuture(data.disclosedOn, command.metadata.now, 'disclosure date', '公开日期');
  if (union.ended)
    throw new IllegalStateError(
      'The union has been dissolved or merged and records nothing more. / 该工会已撤销或合并，不再登记新的事项。',
      'UNION_ENDED',
    );
  if (new Set(data.items).size !== data.items.length)
    throw new IllegalStateError(
      'An item of the disclosure is named twice. / 公开事项重复出现。',
      'DUPLICATE_ITEM',
    );

  return { type: 'DisclosureRecorded', data: { ...data, unionId: union.id } };
};

const withdrawDisclosure = (command: WithdrawDisclosure, state: Disclosure): DisclosureEvent => {
  if (state.status === 'None')
    throw new NotFoundError('The disclosure does not exist. / 该次公开不存在。');
  if (state.status === 'Withdrawn')
    throw new IllegalStateError(
      'The disclosure is already withdrawn. / 该次公开登记已撤销。',
      'DISCLOSURE_WITHDRAWN',
    );
  const { withdrawnOn, reason } = command.data;
  notInFuture(withdrawnOn, command.metadata.now, 'withdrawal date', '撤销日期');
  if (withdrawnOn < state.disclosedOn)
    throw new IllegalStateError(
      'A withdrawal cannot come before the disclosure. / 撤销日期不能早于公开日期。',
      'BEFORE_DISCLOSURE',
    );

  return {
    type: 'DisclosureWithdrawn',
    data: {
      disclosureId: state.disclosureId,
      unionId: state.unionId,
      disclosedOn: state.disclosedOn,
      withdrawnOn,
      reason,
    },
  };
};

// No number of the rules applies to a disclosure; it runs under them like every rights command.
export const decide = (
  command: UnderRules<DisclosureCommand>,
  state: Disclosure,
): DisclosureEvent => {
  switch (command.type) {
    case 'RecordDisclosure':
      return recordDisclosure(command, state);
    case 'WithdrawDisclosure':
      return withdrawDisclosure(command, state);
    default:
      return unknownCommand(command);
  }
};

export const disclosureDecider: Decider<
  Disclosure,
  UnderRules<DisclosureCommand>,
  DisclosureEvent
> = { decide, evolve, initialState };

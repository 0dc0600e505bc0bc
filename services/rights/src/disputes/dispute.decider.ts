import type { DisputeEvent } from '@taizhang/contracts';
import { addDays } from '@taizhang/deadlines';
import { businessDate, notInFuture } from '@taizhang/domain';
import type { Decider } from '@taizhang/event-store';
import { IllegalStateError, NotFoundError, unknownCommand } from '@taizhang/event-store';
import type { UnderRules } from '@taizhang/rules';
import { appliedRuleSet } from '@taizhang/rules';

import type { ActOnUnionEnd } from '../shared/union-end.commands';
import type {
  DisputeCommand,
  MarkArbitrationEligible,
  RecordAgreement,
  RecordFailure,
  RegisterDispute,
  WithdrawDispute,
} from './dispute.commands';
import type { Dispute, RecordedDispute } from './dispute.state';
import { initialState } from './dispute.state';

export { initialState };
export type { Dispute };

/** Categories whose workers hardship aid screens (意外致困): a work injury, wages not paid. */
const HARDSHIP_CATEGORIES = ['work_injury', 'unpaid_wages'] as const;
type HardshipCategory = (typeof HARDSHIP_CATEGORIES)[number];
const needsScreening = (category: string): category is HardshipCategory =>
  (HARDSHIP_CATEGORIES as readonly string[]).includes(category);

export const evolve = (state: Dispute, event: DisputeEvent): Dispute => {
  if (event.type === 'DisputeRegistered') {
    const { ruleSet: _ruleSet, ...data } = event.data;

    return {
      status: 'Open',
      ...data,
      eligibleForArbitration: false,
      amountRecoveredFen: null,
      closedOn: null,
      reason: null,
      keeperId: null,
    };
  }
  if (state.status === 'None') return state;
  switch (event.type) {
    case 'DisputeAgreed':
      return {
        ...state,
        status: 'Agreed',
        amountRecoveredFen: event.data.amountRecoveredFen,
        closedOn: event.data.agreedOn,
      };
    case 'DisputeFailed':
      return {
        ...state,
        status: 'Failed',
        closedOn: event.data.failedOn,
        reason: event.data.reason,
      };
    case 'DisputeWithdrawn':
      return {
        ...state,
        status: 'Withdrawn',
        closedOn: event.data.withdrawnOn,
        reason: event.data.reason,
      };
    case 'DisputeArbitrationEligible':
      return { ...state, eligibleForArbitration: true };
    // A merger: the surviving union keeps it from now on (scope, figures).
    case 'DisputeHandedOver':
      return { ...state, unionId: event.data.toUnionId };
    case 'DisputeKeptByFederation':
      return { ...state, keeperId: event.data.keeperId };
    default:
      return state;
  }
};

const disputeNotFound = () => new NotFoundError('The dispute does not exist. / 该劳动争议不存在。');

const registerDispute = (command: UnderRules<RegisterDispute>, state: Dispute): DisputeEvent[] => {
  const { disputeId, union, category, claimants, amountClaimedFen, acceptedOn } = command.data;
  if (state.status !== 'None')
    throw new IllegalStateError(
      'The dispute is already registered. / 该劳动争议已受理。',
      'DISPUTE_EXISTS',
    );
  notInFuture(acceptedOn, command.metadata.now, 'acceptance date', '受理日期');
  if (union.ended)
    throw new IllegalStateError(
      'The union has been dissolved or merged and records nothing more. / 该工会已撤销或合并，不再登记新的事项。',
      'UNION_ENDED',
    );
  const memberIds = claimants.flatMap((c) => (c.memberId === null ? [] : [c.memberId]));
  if (new Set(memberIds).size !== memberIds.length)
    throw new IllegalStateError(
      'A member is named twice among the claimants. / 同一会员在申请人中重复出现。',
      'DUPLICATE_CLAIMANT',
    );
  const stranger = claimants.find((c) => c.memberId !== null && !c.activeMember);
  if (stranger)
    throw new IllegalStateError(
      {
        en: `Claimant ${stranger.name} is not a member of the union on ${acceptedOn}.`,
        zh: `申请人${stranger.name}在受理之日不是本工会会员。`,
      },
      'CLAIMANT_NOT_MEMBER',
      { memberId: stranger.memberId },
    );
  const { rules } = command;
  const registered: DisputeEvent = {
    type: 'DisputeRegistered',
    data: {
      disputeId,
      unionId: union.id,
      category,
      claimants: claimants.map(({ memberId, name }) => ({ memberId, name })),
      amountClaimedFen,
      acceptedOn,
      arbitrationEligibleOn: addDays(acceptedOn, rules.values.disputes.mediationDays),
      ruleSet: appliedRuleSet(rules),
    },
  };
  if (!needsScreening(category)) return [registered];

  return [
    registered,
    {
      type: 'HardshipScreeningRequested',
      data: {
        disputeId,
        unionId: union.id,
        memberIds,
        category,
        amountClaimedFen,
        requestedOn: acceptedOn,
      },
    },
  ];
};

/** A conclusion (agreement, failure, withdrawal) of an open dispute, dated from its acceptance on. */
const open = (state: Dispute, date: string, now: Date, what: string, whatZh: string) => {
  if (state.status === 'None') throw disputeNotFound();
  if (state.status !== 'Open')
    throw new IllegalStateError(
      { en: `The dispute is already closed (${state.status}).`, zh: '该劳动争议已结案。' },
      'DISPUTE_CLOSED',
      { status: state.status },
    );
  notInFuture(date, now, what, whatZh);
  if (date < state.acceptedOn)
    throw new IllegalStateError(
      {
        en: `The ${what} ${date} is before the dispute was accepted (${state.acceptedOn}).`,
        zh: `${whatZh}不能早于受理日期。`,
      },
      'BEFORE_ACCEPTANCE',
    );

  return state;
};

const recordAgreement = (command: RecordAgreement, state: Dispute): DisputeEvent => {
  const { agreedOn, amountRecoveredFen } = command.data;
  const dispute = open(state, agreedOn, command.metadata.now, 'agreement date', '调解协议日期');

  return {
    type: 'DisputeAgreed',
    data: { disputeId: dispute.disputeId, unionId: dispute.unionId, agreedOn, amountRecoveredFen },
  };
};

const recordFailure = (command: RecordFailure, state: Dispute): DisputeEvent => {
  const { failedOn, reason } = command.data;
  const dispute = open(state, failedOn, command.metadata.now, 'failure date', '调解终止日期');

  return {
    type: 'DisputeFailed',
    data: {
      disputeId: dispute.disputeId,
      unionId: dispute.unionId,
      failedOn,
      reason,
      referredToArbitration: true,
    },
  };
};

const withdrawDispute = (command: WithdrawDispute, state: Dispute): DisputeEvent => {
  const { withdrawnOn, reason } = command.data;
  const dispute = open(state, withdrawnOn, command.metadata.now, 'withdrawal date', '撤回日期');

  return {
    type: 'DisputeWithdrawn',
    data: { disputeId: dispute.disputeId, unionId: dispute.unionId, withdrawnOn, reason },
  };
};

const markArbitrationEligible = (
  command: MarkArbitrationEligible,
  state: Dispute,
): DisputeEvent => {
  if (state.status === 'None') throw disputeNotFound();
  const dispute: RecordedDispute = state;
  if (dispute.status !== 'Open' || dispute.eligibleForArbitration)
    throw new IllegalStateError(
      'The dispute was concluded before the mediation days ran out. / 调解期限届满前已结案。',
      'DISPUTE_CLOSED',
    );
  if (businessDate(command.metadata.now) < command.data.dueOn)
    throw new IllegalStateError(
      'The mediation days have not run out yet. / 调解期限尚未届满。',
      'NOT_DUE_YET',
    );

  return {
    type: 'DisputeArbitrationEligible',
    data: {
      disputeId: dispute.disputeId,
      unionId: dispute.unionId,
      acceptedOn: dispute.acceptedOn,
      eligibleOn: dispute.arbitrationEligibleOn,
    },
  };
};

/**
 * The union's end (README, "A union dissolved or merged"): an open dispute passes to the union
 * it merged into, or, the union dissolved, stays open for the federation above to conclude.
 */
const actOnUnionEnd = (command: ActOnUnionEnd, state: Dispute): DisputeEvent[] => {
  const { end } = command.data;
  if (state.status === 'None') throw disputeNotFound();
  const dispute: RecordedDispute = state;
  if (dispute.status !== 'Open')
    throw new IllegalStateError(
      'The dispute is already closed. / 该劳动争议已结案。',
      'DISPUTE_CLOSED',
    );
  if (dispute.unionId !== end.unionId)
    throw new IllegalStateError(
      'The dispute is not of the union that ended. / 该劳动争议不属于该工会。',
      'NOT_OF_UNION',
    );
  if (end.kind === 'merged')
    return [
      {
        type: 'DisputeHandedOver',
        data: {
          disputeId: dispute.disputeId,
          fromUnionId: dispute.unionId,
          toUnionId: end.into.id,
          on: end.on,
          eligibleForArbitration: dispute.eligibleForArbitration,
        },
      },
    ];
  // Kept already (the same end told twice): nothing more to record.
  if (dispute.keeperId !== null) return [];

  return [
    {
      type: 'DisputeKeptByFederation',
      data: {
        disputeId: dispute.disputeId,
        unionId: dispute.unionId,
        keeperId: end.federationId,
        on: end.on,
      },
    },
  ];
};

/** Open, of the union, and not yet kept by a federation: what the union's end acts on. */
export const isOpenDisputeOf = (state: Dispute, unionId: string): boolean =>
  state.status === 'Open' && state.unionId === unionId && state.keeperId === null;

export const decide = (
  command: UnderRules<DisputeCommand>,
  state: Dispute,
): DisputeEvent | DisputeEvent[] => {
  switch (command.type) {
    case 'RegisterDispute':
      return registerDispute(command, state);
    case 'RecordAgreement':
      return recordAgreement(command, state);
    case 'RecordFailure':
      return recordFailure(command, state);
    case 'WithdrawDispute':
      return withdrawDispute(command, state);
    case 'MarkArbitrationEligible':
      return markArbitrationEligible(command, state);
    case 'ActOnUnionEnd':
      return actOnUnionEnd(command, state);
    default:
      return unknownCommand(command);
  }
};

export const disputeDecider: Decider<Dispute, UnderRules<DisputeCommand>, DisputeEvent> = {
  decide,
  evolve,
  initialState,
};

import type { ProposalEvent } from '@taizhang/contracts';
import { notInFuture } from '@taizhang/domain';
import type { Decider } from '@taizhang/event-store';
import { IllegalStateError, NotFoundError, unknownCommand } from '@taizhang/event-store';

import type { ActOnUnionEnd } from '../shared/union-end.commands';
import type {
  AnswerProposal,
  DecideProposal,
  ProposalCommand,
  RecordImplementation,
  SubmitProposal,
} from './proposal.commands';
import type { Proposal, SubmittedProposal } from './proposal.state';
import { initialState } from './proposal.state';

export { initialState };
export type { Proposal };

const OUTCOME_STATUS = {
  accepted: 'Accepted',
  merged: 'Merged',
  not_accepted: 'NotAccepted',
} as const;

export const evolve = (state: Proposal, event: ProposalEvent): Proposal => {
  if (event.type === 'ProposalSubmitted')
    return {
      status: 'Submitted',
      ...event.data,
      decidedOn: null,
      reason: null,
      mergedIntoProposalId: null,
      answeredOn: null,
      answer: null,
      implementedOn: null,
      closedOn: null,
    };
  if (state.status === 'None') return state;
  switch (event.type) {
    case 'ProposalDecided': {
      const { outcome, decidedOn, reason, mergedIntoProposalId } = event.data;

      return { ...state, status: OUTCOME_STATUS[outcome], decidedOn, reason, mergedIntoProposalId };
    }
    case 'ProposalAnswered':
      return { ...state, status: 'Answered', ...event.data };
    case 'ProposalImplemented':
      return { ...state, status: 'Implemented', implementedOn: event.data.implementedOn };
    case 'ProposalHandedOver':
      return { ...state, unionId: event.data.toUnionId };
    case 'ProposalClosedUnanswered':
      return { ...state, status: 'ClosedUnanswered', closedOn: event.data.closedOn };
    default:
      return state;
  }
};

const proposalNotFound = () => new NotFoundError('The proposal does not exist. / 该提案不存在。');

/** The proposal in one of `statuses`, else a 422 naming where it stands. */
const inStatus = (
  state: Proposal,
  statuses: readonly SubmittedProposal['status'][],
  code: string,
): SubmittedProposal => {
  if (state.status === 'None') throw proposalNotFound();
  if (!statuses.includes(state.status))
    throw new IllegalStateError(
      {
        en: `Not possible for a proposal that is ${state.status}.`,
        zh: '提案当前状态不允许此操作。',
      },
      code,
      { status: state.status },
    );

  return state;
};

/** A step dated on or after the step before it and not in the future. */
const datedAfter = (date: string, previous: string, now: Date, what: string, whatZh: string) => {
  notInFuture(date, now, what, whatZh);
  if (date < previous)
    throw new IllegalStateError(
      { en: `The ${what} ${date} is before ${previous}.`, zh: `${whatZh}不能早于上一步的日期。` },
      'BEFORE_PREVIOUS_STEP',
    );
};

const submitProposal = (command: SubmitProposal, state: Proposal): ProposalEvent => {
  if (state.status !== 'None')
    throw new IllegalStateError(
      'The proposal is already recorded. / 该提案已登记。',
      'PROPOSAL_EXISTS',
    );
  const { proposalId, congress, title, submittedBy, submittedOn } = command.data;
  notInFuture(submittedOn, command.metadata.now, 'submission date', '提交日期');

  return {
    type: 'ProposalSubmitted',
    data: { proposalId, ...congress, title, submittedBy, submittedOn },
  };
};

const decideProposal = (command: DecideProposal, state: Proposal): ProposalEvent => {
  const proposal = inStatus(state, ['Submitted'], 'ALREADY_DECIDED');
  const { outcome, decidedOn, reason, mergedIntoProposalId } = command.data;
  datedAfter(decidedOn, proposal.submittedOn, command.metadata.now, 'decision date', '审查日期');
  if (outcome === 'not_accepted' && !reason)
    throw new IllegalStateError(
      'A proposal not accepted needs the reason. / 不予立案须说明理由。',
      'REASON_REQUIRED',
    );
  if (
    outcome === 'merged' &&
    (!mergedIntoProposalId || mergedIntoProposalId === proposal.proposalId)
  )
    throw new IllegalStateError(
      'A merged proposal names another proposal it is merged into. / 合并的提案须注明并入的提案。',
      'MERGED_INTO_REQUIRED',
    );

  return {
    type: 'ProposalDecided',
    data: {
      proposalId: proposal.proposalId,
      unionId: proposal.unionId,
      outcome,
      decidedOn,
      reason: reason ?? null,
      mergedIntoProposalId: outcome === 'merged' ? mergedIntoProposalId! : null,
    },
  };
};

const answerProposal = (command: AnswerProposal, state: Proposal): ProposalEvent => {
  const proposal = inStatus(state, ['Accepted', 'Merged'], 'NOT_ACCEPTED_OR_ANSWERED');
  const { answeredOn, answer } = command.data;
  datedAfter(answeredOn, proposal.decidedOn!, command.metadata.now, 'answer date', '答复日期');

  return {
    type: 'ProposalAnswered',
    data: { proposalId: proposal.proposalId, unionId: proposal.unionId, answeredOn, answer },
  };
};

const recordImplementation = (command: RecordImplementation, state: Proposal): ProposalEvent => {
  const proposal = inStatus(state, ['Answered'], 'NOT_ANSWERED');
  const { implementedOn } = command.data;
  datedAfter(
    implementedOn,
    proposal.answeredOn!,
    command.metadata.now,
    'implementation date',
    '落实日期',
  );

  return {
    type: 'ProposalImplemented',
    data: { proposalId: proposal.proposalId, unionId: proposal.unionId, implementedOn },
  };
};

/** Still to be answered or carried out: the statuses a union's end acts on. */
const OPEN_STATUSES: readonly SubmittedProposal['status'][] = [
  'Submitted',
  'Accepted',
  'Merged',
  'Answered',
];

/** Not concluded yet, of the union: what the union's end acts on. */
export const isOpenProposalOf = (state: Proposal, unionId: string): boolean =>
  state.status !== 'None' && OPEN_STATUSES.includes(state.status) && state.unionId === unionId;

/**
 * The union's end (README, "A union dissolved or merged"): an open proposal passes to the union
 * it merged into; the union dissolved, one not answered yet is closed as not answered, and an
 * answered one stays as it is (the answer was given).
 */
const actOnUnionEnd = (command: ActOnUnionEnd, state: Proposal): ProposalEvent[] => {
  const proposal = inStatus(state, OPEN_STATUSES, 'PROPOSAL_CLOSED');
  const { end } = command.data;
  if (proposal.unionId !== end.unionId)
    throw new IllegalStateError(
      'The proposal is not of the union that ended. / 该提案不属于该工会。',
      'NOT_OF_UNION',
    );
  if (end.kind === 'merged')
    return [
      {
        type: 'ProposalHandedOver',
        data: {
          proposalId: proposal.proposalId,
          fromUnionId: proposal.unionId,
          toUnionId: end.into.id,
          on: end.on,
          answered: proposal.status === 'Answered',
        },
      },
    ];
  if (proposal.status === 'Answered') return [];

  return [
    {
      type: 'ProposalClosedUnanswered',
      data: {
        proposalId: proposal.proposalId,
        unionId: proposal.unionId,
        closedOn: end.on,
        reason: 'dissolved',
      },
    },
  ];
};

export const decide = (
  command: ProposalCommand,
  state: Proposal,
): ProposalEvent | ProposalEvent[] => {
  switch (command.type) {
    case 'SubmitProposal':
      return submitProposal(command, state);
    case 'DecideProposal':
      return decideProposal(command, state);
    case 'AnswerProposal':
      return answerProposal(command, state);
    case 'RecordImplementation':
      return recordImplementation(command, state);
    case 'ActOnUnionEnd':
      return actOnUnionEnd(command, state);
    default:
      return unknownCommand(command);
  }
};

export const proposalDecider: Decider<Proposal, ProposalCommand, ProposalEvent> = {
  decide,
  evolve,
  initialState,
};

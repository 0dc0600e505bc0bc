import type { Command } from '@taizhang/event-store';

import type { ActOnUnionEnd } from '../shared/union-end.commands';

/** 提案: delegates submit a proposal to a session they may reach. */
export type SubmitProposal = Command<
  'SubmitProposal',
  {
    proposalId: string;
    congress: { congressId: string; unionId: string };
    title: string;
    submittedBy: string;
    submittedOn: string;
  }
>;
/** 提案审查: accepted (立案), merged into another (合并) or not accepted (不予立案, with a reason). */
export type DecideProposal = Command<
  'DecideProposal',
  {
    outcome: 'accepted' | 'merged' | 'not_accepted';
    decidedOn: string;
    reason?: string | undefined;
    mergedIntoProposalId?: string | undefined;
  }
>;
/** 答复: the employer's answer to an accepted proposal. */
export type AnswerProposal = Command<'AnswerProposal', { answeredOn: string; answer: string }>;
/** 落实: what was answered was carried out. */
export type RecordImplementation = Command<'RecordImplementation', { implementedOn: string }>;

export type ProposalCommand =
  SubmitProposal | DecideProposal | AnswerProposal | RecordImplementation | ActOnUnionEnd;

import { z } from 'zod';

import { defineEvent } from '../event-definition';

/** 立案 accepted, 合并 merged into another, 不予立案 not accepted (with a reason). */
export const ProposalOutcomeSchema = z.enum(['accepted', 'merged', 'not_accepted']);

/** Delegates submitted a proposal 提案 to a session of the workers' congress. */
export const ProposalSubmittedV1 = defineEvent(
  'ProposalSubmitted',
  1,
  z.object({
    proposalId: z.string().min(1),
    congressId: z.string().min(1),
    unionId: z.string().min(1),
    title: z.string().min(1),
    submittedBy: z.string().min(1),
    submittedOn: z.iso.date(),
  }),
);

/** The proposals committee decided on it (提案审查): accepted, merged or not accepted. */
export const ProposalDecidedV1 = defineEvent(
  'ProposalDecided',
  1,
  z.object({
    proposalId: z.string().min(1),
    unionId: z.string().min(1),
    outcome: ProposalOutcomeSchema,
    decidedOn: z.iso.date(),
    reason: z.string().min(1).nullable(),
    mergedIntoProposalId: z.string().min(1).nullable(),
  }),
);

/** The employer answered an accepted proposal (答复). */
export const ProposalAnsweredV1 = defineEvent(
  'ProposalAnswered',
  1,
  z.object({
    proposalId: z.string().min(1),
    unionId: z.string().min(1),
    answeredOn: z.iso.date(),
    answer: z.string().min(1),
  }),
);

/** What was answered was carried out (落实), as the next session reviews it. */
export const ProposalImplementedV1 = defineEvent(
  'ProposalImplemented',
  1,
  z.object({
    proposalId: z.string().min(1),
    unionId: z.string().min(1),
    implementedOn: z.iso.date(),
  }),
);

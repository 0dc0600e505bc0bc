import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { ProposalOutcomeSchema } from '@taizhang/contracts';
import { isoDate, text } from '@taizhang/domain';

export const SubmitProposalSchema = z
  .object({
    congressId: z.uuid().describe('the congress session it is submitted to'),
    title: text(200).describe('the proposal 提案案由'),
    submittedBy: text(200).describe('the delegates who submit it 提案人'),
    submittedOn: isoDate(),
  })
  .strict();
export class SubmitProposalDto extends createZodDto(SubmitProposalSchema) {}

export const DecideProposalSchema = z
  .object({
    outcome: ProposalOutcomeSchema.describe('立案 accepted, 合并 merged, 不予立案 not_accepted'),
    decidedOn: isoDate(),
    reason: text(500).optional().describe('required when not accepted'),
    mergedIntoProposalId: z.uuid().optional().describe('required when merged'),
  })
  .strict();
export class DecideProposalDto extends createZodDto(DecideProposalSchema) {}

export const AnswerProposalSchema = z
  .object({ answeredOn: isoDate(), answer: text(2000).describe('the answer 答复意见') })
  .strict();
export class AnswerProposalDto extends createZodDto(AnswerProposalSchema) {}

export const RecordImplementationSchema = z
  .object({ implementedOn: isoDate().describe('the day it was carried out 落实') })
  .strict();
export class RecordImplementationDto extends createZodDto(RecordImplementationSchema) {}

export const ProposalViewSchema = z.object({
  proposalId: z.string(),
  congressId: z.string(),
  unionId: z.string(),
  status: z.enum([
    'Submitted',
    'Accepted',
    'Merged',
    'NotAccepted',
    'Answered',
    'Implemented',
    'ClosedUnanswered',
  ]),
  closedOn: z.string().nullable().describe('closed unanswered, its union dissolved 工会撤销未答复'),
  title: z.string(),
  submittedBy: z.string(),
  submittedOn: z.string(),
  decidedOn: z.string().nullable(),
  reason: z.string().nullable(),
  mergedIntoProposalId: z.string().nullable(),
  answeredOn: z.string().nullable(),
  answer: z.string().nullable(),
  implementedOn: z.string().nullable(),
  version: z.number().int(),
});
export class ProposalViewDto extends createZodDto(ProposalViewSchema) {}

export const CongressProposalsSchema = z.object({
  congressId: z.string(),
  unionId: z.string(),
  heldOn: z.string().describe('the day the session was held'),
  total: z.number().int(),
  counts: z
    .record(ProposalViewSchema.shape.status, z.number().int())
    .describe('how many proposals stand at each status 各状态提案数'),
  proposals: z
    .array(ProposalViewSchema.omit({ version: true }))
    .describe('in submission order, with the answer and the reason if not accepted'),
});
/** 提案落实情况: a session's proposals and where each stands, reviewed at the next session. */
export class CongressProposalsDto extends createZodDto(CongressProposalsSchema) {}

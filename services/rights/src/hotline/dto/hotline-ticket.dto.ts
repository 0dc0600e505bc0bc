import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import {
  HotlineCategorySchema,
  HotlineChannelSchema,
  HotlineOutcomeSchema,
  HotlineTierSchema,
} from '@taizhang/contracts';
import { text } from '@taizhang/domain';

// At most a billion yuan in fen: far above any claim, far below what a number holds exactly.
const fen = () => z.number().int().min(0).max(100_000_000_000);
const instant = () =>
  z.iso.datetime({
    offset: true,
    message: 'must be an instant as YYYY-MM-DDTHH:MM:SS with Z or an offset (+08:00)',
  });

export const ReceiveTicketSchema = z
  .object({
    orgUnitId: z.uuid().describe('the federation or union that received the ticket 受理单位'),
    channel: HotlineChannelSchema.describe(
      '12351 热线 phone_12351, 来访 walk_in, 网上 online, 来信 letter',
    ),
    category: HotlineCategorySchema.describe(
      '欠薪 unpaid_wages, 社保 social_insurance, 解除劳动关系 dismissal, 工伤 work_injury, 加班 overtime, 法律援助 legal_aid, 其他 other',
    ),
    receivedAt: instant().describe('when it was received 受理时间'),
    callerName: text(50).optional().describe('the caller’s name 来电人, if given'),
    callerUnionId: z.uuid().optional().describe('the caller’s union, if known'),
    summary: text(2000).describe('what the caller asks 诉求摘要'),
    legalAid: z
      .boolean()
      .optional()
      .describe('a request for legal aid 法律援助 (always so for category legal_aid)'),
  })
  .strict();
export class ReceiveTicketDto extends createZodDto(ReceiveTicketSchema) {}

export const AssignTicketSchema = z
  .object({
    toOrgUnitId: z.uuid().describe('the unit that must handle it: the holder or a unit below'),
    assignedAt: instant().describe('when it was handed on 转办时间'),
  })
  .strict();
export class AssignTicketDto extends createZodDto(AssignTicketSchema) {}

export const CallBackSchema = z
  .object({
    calledBackAt: instant().describe('when the caller was answered 回复/回访时间'),
    note: text(2000).describe('what the caller was told'),
  })
  .strict();
export class CallBackDto extends createZodDto(CallBackSchema) {}

export const CloseTicketSchema = z
  .object({
    closedAt: instant().describe('when it was closed 办结时间'),
    outcome: HotlineOutcomeSchema.describe(
      '已解决 resolved, 转交 referred, 未解决 unresolved, 撤回 withdrawn',
    ),
    satisfaction: z.number().int().min(1).max(5).optional().describe('满意度 1–5, if asked'),
    wagesRecoveredFen: fen().optional().describe('wages recovered for the caller, in fen 分'),
  })
  .strict();
export class CloseTicketDto extends createZodDto(CloseTicketSchema) {}

export const HotlineTicketViewSchema = z.object({
  ticketId: z.string(),
  status: z.enum(['Open', 'Closed']),
  receivedBy: z.string().describe('the unit that received it'),
  orgUnitId: z.string().describe('the unit that holds it now 承办单位'),
  tier: HotlineTierSchema,
  channel: HotlineChannelSchema,
  category: HotlineCategorySchema,
  receivedAt: z.string(),
  receivedOn: z.string(),
  callerName: z.string().nullable(),
  callerUnionId: z.string().nullable(),
  summary: z.string(),
  legalAid: z.boolean(),
  answerDueOn: z.string().describe('the last day to answer the caller, by the holder’s tier'),
  assignments: z.array(
    z.object({ fromOrgUnitId: z.string(), toOrgUnitId: z.string(), assignedAt: z.string() }),
  ),
  callBacks: z.array(z.object({ calledBackAt: z.string(), note: z.string() })),
  answeredOn: z.string().nullable(),
  overdue: z.boolean(),
  closedAt: z.string().nullable(),
  outcome: HotlineOutcomeSchema.nullable(),
  satisfaction: z.number().int().nullable(),
  wagesRecoveredFen: z.number().int().nullable(),
  onTime: z.boolean().nullable(),
  version: z.number().int(),
});
export class HotlineTicketViewDto extends createZodDto(HotlineTicketViewSchema) {}

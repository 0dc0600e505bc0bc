import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { DisputeCategorySchema } from '@taizhang/contracts';
import { isoDate, text } from '@taizhang/domain';

// At most a billion yuan in fen: far above any claim, far below what a number holds exactly.
const fen = () => z.number().int().min(0).max(100_000_000_000);

export const RegisterDisputeSchema = z
  .object({
    unionId: z.uuid().describe('the union whose mediation committee takes the dispute'),
    category: DisputeCategorySchema.describe(
      '欠薪 unpaid_wages, 社保 social_insurance, 解除劳动关系 dismissal, 工伤 work_injury, 加班 overtime, 其他 other',
    ),
    claimants: z
      .array(
        z
          .object({
            memberId: z.uuid().optional().describe('the member, checked against the union'),
            name: text(50).describe('the worker’s name 姓名'),
          })
          .strict(),
      )
      .min(1)
      .max(500)
      .describe('the workers who bring the dispute (one, or several for a collective dispute)'),
    amountClaimedFen: fen().describe('the amount claimed, in fen 分'),
    acceptedOn: isoDate().describe('the day the mediation committee accepted it 受理日期'),
  })
  .strict();
export class RegisterDisputeDto extends createZodDto(RegisterDisputeSchema) {}

export const RecordAgreementSchema = z
  .object({
    agreedOn: isoDate().describe('the day of the mediation agreement 调解协议'),
    amountRecoveredFen: fen().describe('what the workers recovered, in fen 分'),
  })
  .strict();
export class RecordAgreementDto extends createZodDto(RecordAgreementSchema) {}

export const RecordFailureSchema = z
  .object({
    failedOn: isoDate().describe('the day mediation ended without agreement 调解不成'),
    reason: text(500).describe('why; the workers are referred to arbitration'),
  })
  .strict();
export class RecordFailureDto extends createZodDto(RecordFailureSchema) {}

export const WithdrawDisputeSchema = z
  .object({
    withdrawnOn: isoDate().describe('the day the workers withdrew 撤回'),
    reason: text(500),
  })
  .strict();
export class WithdrawDisputeDto extends createZodDto(WithdrawDisputeSchema) {}

export const DisputeViewSchema = z.object({
  disputeId: z.string(),
  unionId: z.string(),
  status: z.enum(['Open', 'Agreed', 'Failed', 'Withdrawn']),
  category: DisputeCategorySchema,
  claimants: z.array(z.object({ memberId: z.string().nullable(), name: z.string() })),
  amountClaimedFen: z.number().int(),
  acceptedOn: z.string(),
  arbitrationEligibleOn: z.string().describe('from this day, without agreement, arbitration'),
  eligibleForArbitration: z.boolean(),
  amountRecoveredFen: z.number().int().nullable(),
  closedOn: z.string().nullable(),
  reason: z.string().nullable(),
  keeperId: z
    .string()
    .nullable()
    .describe('the federation keeping it open since its union was dissolved 撤销后由上级工会承接'),
  version: z.number().int(),
});
export class DisputeViewDto extends createZodDto(DisputeViewSchema) {}

import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { ContractKindSchema } from '@taizhang/contracts';
import { isoDate, text } from '@taizhang/domain';

export const RequestNegotiationSchema = z
  .object({
    unionId: z.uuid().describe('the union that requests negotiation'),
    kind: ContractKindSchema.describe(
      '综合 comprehensive, 工资专项 wage, 女职工权益保护专项 women, 劳动安全卫生专项 safety',
    ),
    employerIds: z
      .array(text(100))
      .min(1)
      .max(500)
      .describe(
        'the employers as the registry names them (统一社会信用代码): one, or several for a regional or industry contract (区域性、行业性)',
      ),
    requestedOn: isoDate().describe('the day of the written request 要约'),
  })
  .strict();
export class RequestNegotiationDto extends createZodDto(RequestNegotiationSchema) {}

export const RecordAnswerSchema = z
  .object({ answeredOn: isoDate().describe('the day of the written answer 书面回应') })
  .strict();
export class RecordAnswerDto extends createZodDto(RecordAnswerSchema) {}

// Hard upper bounds against absurd bodies; the rule set decides what is lawful (3–10 a side).
const negotiators = (side: string) =>
  z
    .array(
      z
        .object({
          name: text(50).describe('the representative’s name 姓名'),
          chief: z.boolean().optional().describe('the chief representative 首席代表 of the side'),
        })
        .strict(),
    )
    .min(1)
    .max(50)
    .describe(`the ${side} side's representatives 协商代表, exactly one chief`);

export const HoldRoundSchema = z
  .object({
    heldOn: isoDate().describe('the day of the round 协商日期'),
    unionRepresentatives: negotiators('union'),
    employerRepresentatives: negotiators('employer'),
    notes: text(2000).optional().describe('what was discussed 协商纪要'),
  })
  .strict();
export class HoldRoundDto extends createZodDto(HoldRoundSchema) {}

const delegates = () => z.number().int().min(1).max(100_000);
export const VoteDraftSchema = z
  .object({
    votedOn: isoDate().describe('the day the workers’ congress voted on the draft 职代会审议'),
    delegatesTotal: delegates().describe('all delegates of the congress'),
    delegatesPresent: delegates().describe('delegates present'),
    votesFor: z.number().int().min(0).max(100_000).describe('delegates voting for the draft'),
    wageIncreasePercent: z
      .number()
      .min(-100)
      .max(1000)
      .optional()
      .describe('the wage increase agreed, in percent (3.5 means 3.5 %)'),
    workforceCovered: z
      .number()
      .int()
      .min(1)
      .max(10_000_000)
      .describe('the workers the contract covers'),
    termYears: z.number().int().min(1).max(10).describe('the term in years (the rule: 1–3)'),
  })
  .strict();
export class VoteDraftDto extends createZodDto(VoteDraftSchema) {}

export const SignContractSchema = z
  .object({ signedOn: isoDate().describe('the day the parties signed 签订') })
  .strict();
export class SignContractDto extends createZodDto(SignContractSchema) {}

export const FileContractSchema = z
  .object({ filedOn: isoDate().describe('the day it was filed with the labour bureau 报送备案') })
  .strict();
export class FileContractDto extends createZodDto(FileContractSchema) {}

export const RecordObjectionSchema = z
  .object({
    receivedOn: isoDate().describe('the day the labour bureau’s objection arrived 审查意见'),
    reason: text(2000).describe('what the bureau objected to'),
  })
  .strict();
export class RecordObjectionDto extends createZodDto(RecordObjectionSchema) {}

export const RequestRenewalSchema = z
  .object({
    requestedOn: isoDate().describe('the day of the renewal request 续订要约'),
    employerIds: z
      .array(text(100))
      .min(1)
      .max(500)
      .optional()
      .describe('the employers of the new request; the old contract’s when absent'),
  })
  .strict();
export class RequestRenewalDto extends createZodDto(RequestRenewalSchema) {}

const share = () => z.number().min(0).max(1);
export const CheckFulfilmentSchema = z
  .object({
    checkedOn: isoDate().describe('the day of the check 履约检查'),
    year: z.number().int().min(2000).max(2100).describe('the year checked (the check’s own)'),
    fulfilmentRate: share().describe('履约率 as a share 0..1 (0.95 is 95 %)'),
    workerSatisfactionRate: share().describe('职工满意率 as a share 0..1'),
  })
  .strict();
export class CheckFulfilmentDto extends createZodDto(CheckFulfilmentSchema) {}

const negotiatorView = z.object({ name: z.string(), chief: z.boolean() });
export const ContractViewSchema = z.object({
  contractId: z.string(),
  unionId: z.string(),
  status: z.enum([
    'Requested',
    'Answered',
    'Overdue',
    'Negotiating',
    'Approved',
    'Signed',
    'Filed',
    'Objected',
    'InForce',
    'Lapsed',
  ]),
  kind: ContractKindSchema,
  employerIds: z.array(z.string()),
  requestedOn: z.string(),
  answerDueOn: z.string().describe('the last day of a timely written answer'),
  answeredOn: z.string().nullable(),
  renewsContractId: z.string().nullable().describe('the contract this request renews'),
  rounds: z.array(
    z.object({
      round: z.number().int(),
      heldOn: z.string(),
      unionRepresentatives: z.array(negotiatorView),
      employerRepresentatives: z.array(negotiatorView),
      notes: z.string().nullable(),
    }),
  ),
  roundsSinceVote: z.number().int(),
  votes: z.array(
    z.object({
      votedOn: z.string(),
      delegatesTotal: z.number().int(),
      delegatesPresent: z.number().int(),
      votesFor: z.number().int(),
      passed: z.boolean(),
    }),
  ),
  draft: z
    .object({
      votedOn: z.string(),
      wageIncreasePercent: z.number().nullable(),
      workforceCovered: z.number().int(),
      termYears: z.number().int(),
    })
    .nullable()
    .describe('the terms the congress approved last'),
  signedOn: z.string().nullable(),
  filingDueOn: z.string().nullable().describe('the last day of a timely filing'),
  filingOverdue: z.boolean(),
  filedOn: z.string().nullable(),
  deemedEffectiveOn: z.string().nullable().describe('in force on this day without an objection'),
  objections: z.array(z.object({ receivedOn: z.string(), reason: z.string() })),
  effectiveOn: z.string().nullable(),
  expiresOn: z.string().nullable().describe('the first day no longer in force'),
  renewalWindowOpensOn: z.string().nullable(),
  renewalDue: z.boolean(),
  renewalContractId: z.string().nullable().describe('the request that renews this contract'),
  fulfilmentChecks: z.array(
    z.object({
      checkedOn: z.string(),
      year: z.number().int(),
      fulfilmentRate: z.number(),
      workerSatisfactionRate: z.number(),
    }),
  ),
  version: z.number().int(),
});
export class ContractViewDto extends createZodDto(ContractViewSchema) {}

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

export const ContractViewSchema = z.object({
  contractId: z.string(),
  unionId: z.string(),
  status: z.enum(['Requested', 'Answered', 'Overdue', 'Lapsed']),
  kind: ContractKindSchema,
  employerIds: z.array(z.string()),
  requestedOn: z.string(),
  answerDueOn: z.string().describe('the last day of a timely written answer'),
  answeredOn: z.string().nullable(),
  version: z.number().int(),
});
export class ContractViewDto extends createZodDto(ContractViewSchema) {}

import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { pageAnswerFields, pageQueryFields } from '@taizhang/bootstrap';
import {
  DisclosureAudienceSchema,
  DisclosureChannelSchema,
  DisclosureItemSchema,
  DisclosureKindSchema,
} from '@taizhang/contracts';
import { isoDate, text } from '@taizhang/domain';

const name = () => text(50);

export const RecordDisclosureSchema = z
  .object({
    unionId: z.uuid().describe('the union that records the disclosure'),
    kind: DisclosureKindSchema.describe('厂务公开 (factory) or 校务公开 (school)'),
    disclosedOn: isoDate().describe('the day it was made public'),
    items: z
      .array(DisclosureItemSchema)
      .min(1)
      .max(8)
      .describe(
        'what was made public (at least one, each once): 工资奖金 wages_bonuses, 职务晋升 promotion, 五险一金 social_insurance, 福利 welfare, 困难补助 hardship_grants, 劳动合同 contracts, 安全生产 safety, 其他 other',
      ),
    audience: DisclosureAudienceSchema.describe(
      '全体职工 all_workers, 职工代表 delegates, 工会委员会 committee',
    ),
    channel: DisclosureChannelSchema.describe(
      '公开栏 notice_board, 职代会 congress, 内网 intranet, 会议 meeting, 其他 other',
    ),
    responsiblePersons: z
      .object({
        firstResponsible: name().describe('第一责任人 (the party secretary)'),
        firstExecutor: name().describe('第一执行人 (the administrative head)'),
        firstSupervisor: name().describe('第一监督人 (discipline or union leader)'),
        firstEvaluator: name().describe('第一评价人 (the workers, as named)'),
      })
      .strict()
      .describe('the responsibility system 厂务公开责任制'),
    notes: text(500).optional().describe('remarks 备注'),
  })
  .strict();
export class RecordDisclosureDto extends createZodDto(RecordDisclosureSchema) {}

export const WithdrawDisclosureSchema = z
  .object({
    withdrawnOn: isoDate().describe('the day the record is withdrawn'),
    reason: text(200).describe('why it was recorded in error 撤销原因'),
  })
  .strict();
export class WithdrawDisclosureDto extends createZodDto(WithdrawDisclosureSchema) {}

export const ListDisclosuresQuerySchema = z
  .object({
    unionId: z.uuid().describe('the union whose disclosures are listed'),
    year: z.coerce
      .number()
      .int()
      .min(1900)
      .max(9999)
      .optional()
      .describe('only the disclosures of this year'),
    ...pageQueryFields,
  })
  .strict();
export class ListDisclosuresQueryDto extends createZodDto(ListDisclosuresQuerySchema) {}

const DisclosureSchema = z.object({
  disclosureId: z.string(),
  unionId: z.string(),
  status: z.enum(['Recorded', 'Withdrawn']),
  kind: DisclosureKindSchema,
  disclosedOn: z.string(),
  items: z.array(DisclosureItemSchema),
  audience: DisclosureAudienceSchema,
  channel: DisclosureChannelSchema,
  responsiblePersons: z.object({
    firstResponsible: z.string(),
    firstExecutor: z.string(),
    firstSupervisor: z.string(),
    firstEvaluator: z.string(),
  }),
  notes: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
});
export const DisclosureViewSchema = DisclosureSchema.extend({ version: z.number().int() });
export class DisclosureViewDto extends createZodDto(DisclosureViewSchema) {}

export const DisclosureListSchema = z.object({
  unionId: z.string(),
  ...pageAnswerFields,
  disclosures: z
    .array(DisclosureSchema)
    .describe('the union’s disclosures, the latest first; withdrawn ones marked'),
});
export class DisclosureListDto extends createZodDto(DisclosureListSchema) {}

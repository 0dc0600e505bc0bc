import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { RetentionReasonSchema } from '@taizhang/contracts';
import { datedChange, isoDate, text } from '@taizhang/domain';

export const TransferMemberSchema = z
  .object({
    toUnionId: z.uuid().describe('the receiving union'),
    transferredOn: isoDate().describe('the date the membership moves (接转日期)'),
  })
  .strict();

export class TransferMemberDto extends createZodDto(TransferMemberSchema) {}

export const LeaveUnionSchema = datedChange('leftOn', {
  date: 'the date the membership ends',
  reason: 'why the member leaves, e.g. 本人申请退会',
  reasonMax: 200,
});

export class LeaveUnionDto extends createZodDto(LeaveUnionSchema) {}

export const RetainMembershipSchema = z
  .object({
    // union_dissolved is recorded by the dissolution itself, never asked for.
    reason: RetentionReasonSchema.exclude(['union_dissolved']).describe(
      'retired (退休), unemployed (失业), employer_closed (单位关闭)',
    ),
    heldBy: z
      .enum(['union', 'federation'])
      .describe('the union itself, or the federation one level above it'),
    since: isoDate().describe('the date the membership is retained from'),
  })
  .strict();

export class RetainMembershipDto extends createZodDto(RetainMembershipSchema) {}

export const ErasePersonalDataSchema = z
  .object({
    reason: text(200).describe('why the person’s data is erased, e.g. 本人申请删除个人信息'),
  })
  .strict();

export class ErasePersonalDataDto extends createZodDto(ErasePersonalDataSchema) {}

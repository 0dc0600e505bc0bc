import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { WarningLevelSchema, WarningRiskSchema } from '@taizhang/contracts';
import { isoDate, text } from '@taizhang/domain';

const LEVELS = '蓝 blue, 黄 yellow, 橙 orange, 红 red (gravest)';

export const RaiseWarningSchema = z
  .object({
    orgUnitId: z.uuid().describe('the union or federation that raises the warning'),
    employerId: text(100)
      .optional()
      .describe('the employer as the registry names it (统一社会信用代码), if known'),
    employerName: text(100).optional().describe('the employer’s name 用人单位名称'),
    risk: WarningRiskSchema.describe(
      '欠薪 wage_arrears, 群体性事件 mass_dispute, 停产关闭 closure, 其他 other',
    ),
    level: WarningLevelSchema.describe(`预警等级: ${LEVELS}`),
    raisedOn: isoDate().describe('the day the warning was raised'),
    description: text(1000).describe('what was observed 预警情况'),
  })
  .strict()
  .refine((body) => body.employerId !== undefined || body.employerName !== undefined, {
    message: 'name the employer: employerId or employerName',
    path: ['employerName'],
  });
export class RaiseWarningDto extends createZodDto(RaiseWarningSchema) {}

export const FollowUpWarningSchema = z
  .object({
    on: isoDate().describe('the day of the action, on or after the last step'),
    action: text(1000).describe('what was done 处置措施'),
  })
  .strict();
export class FollowUpWarningDto extends createZodDto(FollowUpWarningSchema) {}

export const ChangeWarningLevelSchema = z
  .object({
    to: WarningLevelSchema.describe(`the new level: ${LEVELS}`),
    changedOn: isoDate().describe('the day of the change, on or after the last step'),
    reason: text(500).describe('why 调整原因'),
  })
  .strict();
export class ChangeWarningLevelDto extends createZodDto(ChangeWarningLevelSchema) {}

export const ResolveWarningSchema = z
  .object({
    resolvedOn: isoDate().describe('the day it was resolved, on or after the last step'),
    outcome: text(1000).describe('how it ended 处置结果'),
  })
  .strict();
export class ResolveWarningDto extends createZodDto(ResolveWarningSchema) {}

export const WarningViewSchema = z.object({
  warningId: z.string(),
  orgUnitId: z.string(),
  status: z.enum(['Open', 'Resolved']),
  employerId: z.string().nullable(),
  employerName: z.string().nullable(),
  risk: WarningRiskSchema,
  level: WarningLevelSchema.describe('the current level'),
  raisedOn: z.string(),
  description: z.string(),
  lastStepOn: z.string(),
  followUps: z.array(z.object({ followUpId: z.string(), on: z.string(), action: z.string() })),
  levelChanges: z.array(
    z.object({
      from: WarningLevelSchema,
      to: WarningLevelSchema,
      changedOn: z.string(),
      reason: z.string(),
    }),
  ),
  resolvedOn: z.string().nullable(),
  outcome: z.string().nullable(),
  version: z.number().int(),
});
export class WarningViewDto extends createZodDto(WarningViewSchema) {}

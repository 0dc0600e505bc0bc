import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { HazardSeveritySchema, InspectionKindSchema, WomenPeriodSchema } from '@taizhang/contracts';
import { isoDate, text } from '@taizhang/domain';

export const RecordInspectionSchema = z
  .object({
    unionId: z.uuid().describe('the union whose labour-protection inspectors inspected'),
    kind: InspectionKindSchema.describe(
      'general 劳动保护监督检查, or women_special 女职工"五期"保护检查',
    ),
    periodsChecked: z
      .array(WomenPeriodSchema)
      .max(5)
      .default([])
      .describe(
        'women_special only, at least one: 经期 menstruation, 孕期 pregnancy, 产期 childbirth, 哺乳期 nursing, 更年期 menopause',
      ),
    inspectedOn: isoDate().describe('the day of the inspection 检查日期'),
    employerName: text(100).optional().describe('the employer inspected, as named 用人单位名称'),
    employerId: text(100)
      .optional()
      .describe('the employer as the registry names it (统一社会信用代码)'),
    inspectors: z.array(text(50)).min(1).max(50).describe('the inspectors’ names 检查人员'),
    findings: text(2000).optional().describe('what the inspection found 检查情况'),
  })
  .strict()
  .refine((body) => body.employerName !== undefined || body.employerId !== undefined, {
    message: 'name the employer: employerName or employerId',
    path: ['employerName'],
  });
export class RecordInspectionDto extends createZodDto(RecordInspectionSchema) {}

export const RecordHazardSchema = z
  .object({
    description: text(500).describe('the hazard 隐患'),
    severity: HazardSeveritySchema.describe('一般 minor, 较大 major, 重大 serious'),
    foundOn: isoDate().describe('the day it was found 发现日期'),
  })
  .strict();
export class RecordHazardDto extends createZodDto(RecordHazardSchema) {}

export const RequestRectificationSchema = z
  .object({
    requestedOn: isoDate().describe('the day of the rectification notice 整改通知'),
    dueOn: isoDate().describe(
      'the last day given 整改期限: at most the rule’s days for the severity (30/15/7 by default)',
    ),
  })
  .strict();
export class RequestRectificationDto extends createZodDto(RequestRectificationSchema) {}

export const RecordRectifiedSchema = z
  .object({ rectifiedOn: isoDate().describe('the day the employer rectified it 整改完成') })
  .strict();
export class RecordRectifiedDto extends createZodDto(RecordRectifiedSchema) {}

export const VerifyRectificationSchema = z
  .object({
    verifiedOn: isoDate().describe('the day of the verification 复查验收'),
    by: text(50).describe('who verified it 复查人'),
  })
  .strict();
export class VerifyRectificationDto extends createZodDto(VerifyRectificationSchema) {}

const HazardViewSchema = z.object({
  hazardId: z.string(),
  description: z.string(),
  severity: HazardSeveritySchema,
  foundOn: z.string(),
  status: z.enum(['Found', 'Requested', 'Overdue', 'Rectified', 'Verified']),
  requestedOn: z.string().nullable(),
  dueOn: z.string().nullable().describe('the last day given to rectify it'),
  overdue: z.boolean().describe('not rectified by its due date (stays true once so)'),
  rectifiedOn: z.string().nullable(),
  verifiedOn: z.string().nullable(),
  verifiedBy: z.string().nullable(),
});

export const InspectionViewSchema = z.object({
  inspectionId: z.string(),
  unionId: z.string(),
  status: z.literal('Recorded'),
  kind: InspectionKindSchema,
  periodsChecked: z.array(WomenPeriodSchema),
  inspectedOn: z.string(),
  employerName: z.string().nullable(),
  employerId: z.string().nullable(),
  inspectors: z.array(z.string()),
  findings: z.string().nullable(),
  hazards: z.array(HazardViewSchema),
  keeperId: z
    .string()
    .nullable()
    .describe('the federation that follows it up after its union was dissolved'),
  version: z.number().int(),
});
export class InspectionViewDto extends createZodDto(InspectionViewSchema) {}

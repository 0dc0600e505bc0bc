import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { RuleChangesSchema, RuleRegionSchema } from '@taizhang/contracts';

export const AmendRuleSetSchema = z
  .object({
    region: RuleRegionSchema.describe('the org path of the federation whose rules change'),
    version: z
      .number()
      .int()
      .min(2)
      .describe('the region’s next version (its current one + 1); an older one answers 409'),
    effectiveFrom: z.iso.date().describe('the first business date the new version holds'),
    changes: RuleChangesSchema.describe('the values that change, each key replaced whole'),
    reason: z
      .string()
      .max(500)
      .refine((value) => value.trim().length > 0, 'must not be blank')
      .describe('why, e.g. 省总工会2027年1号文'),
  })
  .strict();

export class AmendRuleSetDto extends createZodDto(AmendRuleSetSchema) {}

export const RulesQuerySchema = z
  .object({
    on: z.iso.date().optional().describe('the business date asked about; today by default'),
  })
  .strict();

export class RulesQueryDto extends createZodDto(RulesQuerySchema) {}

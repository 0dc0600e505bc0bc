import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { EmploymentFormSchema, GenderSchema, JoinChannelSchema } from '@taizhang/contracts';
import { isoDate, text } from '@taizhang/domain';

export const JoinUnionSchema = z
  .object({
    name: text(100).describe('the member’s name as on the ID card, e.g. 王秀英'),
    gender: GenderSchema.describe('must match the ID card number'),
    idCardNumber: z
      .string()
      .max(40)
      .describe(
        '居民身份证号码: 18 characters, checked with its check digit; stored encrypted, shown masked',
      ),
    phone: z
      .string()
      .max(32)
      .optional()
      .describe('a mainland mobile number, e.g. 13812345678; stored encrypted, shown masked'),
    birthDate: isoDate()
      .optional()
      .describe('read from the ID card number; if given, it must match it'),
    employerId: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe('the employer in the registry (单位台账), if known'),
    employmentForm: EmploymentFormSchema.describe(
      '用工形式: regular, dispatched (劳务派遣), new_form (新就业形态: couriers, riders, drivers)',
    ),
    migrantWorker: z.boolean().describe('whether the member is a migrant worker (农民工)'),
    channel: JoinChannelSchema.default('individual').describe(
      '入会方式: individual, collective (集体登记), at_source (源头入会, migrant workers only)',
    ),
    joinedOn: isoDate().describe('the date the member joined'),
    branchId: z
      .uuid()
      .optional()
      .describe(
        'the branch union 分工会 or union group 工会小组 of this union to place the member in',
      ),
  })
  .strict();

export class JoinUnionDto extends createZodDto(JoinUnionSchema) {}

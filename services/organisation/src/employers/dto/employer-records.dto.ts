import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { isoDate, text } from '@taizhang/domain';

import { EmployerDetailsSchema, HeadcountsSchema } from './register-employer.dto';

export const ChangeEmployerDetailsSchema = z
  .object({
    effectiveOn: isoDate().describe('from when the new details hold (not before the registration)'),
    ...EmployerDetailsSchema.shape,
  })
  .strict();

export class ChangeEmployerDetailsDto extends createZodDto(ChangeEmployerDetailsSchema) {}

export const CorrectHeadcountsSchema = z
  .object({
    asOf: isoDate().describe(
      'the date whose recorded figures were wrong (a date figures were recorded for)',
    ),
    ...HeadcountsSchema.shape,
    reason: text(500).describe('why, e.g. 统计口径错误, 录入错误'),
  })
  .strict();

export class CorrectHeadcountsDto extends createZodDto(CorrectHeadcountsSchema) {}

import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { isoDate } from '@taizhang/domain';

import { HeadcountsSchema } from './register-employer.dto';

export const UpdateHeadcountsSchema = z
  .object({
    asOf: isoDate().describe('the date the figures are true on (not before the recorded ones)'),
    ...HeadcountsSchema.shape,
  })
  .strict();

export class UpdateHeadcountsDto extends createZodDto(UpdateHeadcountsSchema) {}

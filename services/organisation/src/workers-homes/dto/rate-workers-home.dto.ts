import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { WorkersHomeTitleSchema } from '@taizhang/contracts';
import { isoDate } from '@taizhang/domain';

export const RateWorkersHomeSchema = z
  .object({
    year: z.number().int().min(1950).max(2200).describe('the year the title is for 年度'),
    title: WorkersHomeTitleSchema.describe(
      '职工之家 (workers_home) or 模范职工之家 (model_workers_home)',
    ),
    awardedByOrgUnitId: z.uuid().describe('the federation conferring the title, above the union'),
    awardedOn: isoDate().describe('the date of the decision'),
  })
  .strict();

export class RateWorkersHomeDto extends createZodDto(RateWorkersHomeSchema) {}

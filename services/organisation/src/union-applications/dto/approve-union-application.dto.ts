import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { isoDate } from '@taizhang/domain';

export const ApproveUnionApplicationSchema = z
  .object({
    approvedOn: isoDate()
      .optional()
      .describe(
        'the day the higher union approved, for a founding recorded after the fact (today by default)',
      ),
  })
  .strict();

export class ApproveUnionApplicationDto extends createZodDto(ApproveUnionApplicationSchema) {}

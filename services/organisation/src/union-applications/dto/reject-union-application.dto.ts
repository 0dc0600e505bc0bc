import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { text } from '@taizhang/domain';

export const RejectUnionApplicationSchema = z
  .object({
    reason: text(500).describe('why the application is rejected, e.g. 覆盖单位已建立工会'),
  })
  .strict();

export class RejectUnionApplicationDto extends createZodDto(RejectUnionApplicationSchema) {}

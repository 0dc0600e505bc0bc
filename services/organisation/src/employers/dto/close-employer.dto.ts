import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { isoDate, text } from '@taizhang/domain';

export const CloseEmployerSchema = z
  .object({
    closedOn: isoDate().describe('the date it closed (注销/关停)'),
    reason: text(500).describe('why, e.g. 企业注销 or 迁出本区'),
  })
  .strict();

export class CloseEmployerDto extends createZodDto(CloseEmployerSchema) {}

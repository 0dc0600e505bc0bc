import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { GenderSchema } from '@taizhang/contracts';

import { isoDate, text } from '../../shared/text.schema';

export const JoinUnionSchema = z
  .object({
    name: text(100).describe('the member’s name as on the ID card, e.g. 王秀英'),
    gender: GenderSchema,
    joinedOn: isoDate().describe('the date the member joined'),
  })
  .strict();

export class JoinUnionDto extends createZodDto(JoinUnionSchema) {}
